package dev.ssc.attest.intoto.layout;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command in a directory and captures stdout, stderr and the exit code. */
interface CommandRunner {
  /** What a command printed and returned. */
  record Result(String stdout, String stderr, int returnValue) {}

  /** Runs {@code command} in {@code dir}. */
  Result run(List<String> command, Path dir) throws IOException;

  /** The command did not finish in time and was killed. */
  final class TimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    TimeoutException(String message) {
      super(message);
    }
  }

  /** in-toto 1.3.1's {@code LINK_CMD_EXEC_TIMEOUT}. */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Runs commands as processes, stdin from {@code /dev/null}; a command running longer than {@code
   * timeout} is killed and {@link TimeoutException} thrown, as in-toto does.
   */
  static CommandRunner processes(Duration timeout) {
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    return (command, dir) -> {
      Path out = Files.createTempFile("ssc-intoto", ".out");
      Path err = Files.createTempFile("ssc-intoto", ".err");
      try {
        Process p =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new TimeoutException(
              "command '" + command.get(0) + "' did not finish within " + timeout);
        }
        int rc = p.exitValue();
        return new Result(
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8),
            rc);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted running " + command.get(0), e);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    };
  }
}
