package dev.ssc.api.signing;

/**
 * Verifies signatures made by one key.
 *
 * <p>Implementations are thread-safe and never throw for bad input: a malformed or wrong signature
 * is simply {@code false}.
 */
public interface Verifier {
  /**
   * The id of the key, computed from the key itself (for example the sha256 of its public key
   * info), never taken from the signed data.
   */
  String keyId();

  /** The algorithm. */
  SignatureAlgorithm algorithm();

  /**
   * Whether {@code signature} is a valid signature of {@code message} by this key. Neither array is
   * modified or retained.
   */
  boolean verify(byte[] message, byte[] signature);
}
