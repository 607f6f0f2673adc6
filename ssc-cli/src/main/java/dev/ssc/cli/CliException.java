package dev.ssc.cli;

/**
 * A failure to tell the user in one line, without a stack trace: bad input, a missing file, a
 * directory that cannot be used. Exits {@link Main#ERROR} unless told otherwise.
 */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(String message) {
    this(message, Main.ERROR);
  }

  CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
