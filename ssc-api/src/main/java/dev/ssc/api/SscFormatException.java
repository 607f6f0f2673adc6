package dev.ssc.api;

/**
 * Untrusted input could not be decoded: malformed JSON, a duplicate key, an oversized document, a
 * wrong type or encoding. The message says what is wrong and where (a file, a JSON pointer, a line
 * and column), never the secret or the whole payload.
 *
 * <p>This is the one checked exception of ssc's decoders. A bad signature or a failed rule is not
 * an exception but a {@link Finding}.
 */
public final class SscFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An error with a message that says what and where. */
  public SscFormatException(String message) {
    super(message);
  }

  /** An error with a message that says what and where, caused by {@code cause}. */
  public SscFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
