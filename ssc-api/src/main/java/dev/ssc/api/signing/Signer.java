package dev.ssc.api.signing;

import java.io.IOException;

/**
 * Signs bytes with one private key: a key file, a KMS or an HSM.
 *
 * <p>The private key never leaves the implementation and never appears in {@code toString()}, logs
 * or exceptions. Implementations are thread-safe.
 */
public interface Signer {
  /** The id of the key, as the matching {@link Verifier} reports it. */
  String keyId();

  /** The algorithm. */
  SignatureAlgorithm algorithm();

  /**
   * Signs {@code message}, which the implementation must neither modify nor retain.
   *
   * @throws IOException if a remote signer (KMS, HSM) cannot be reached
   */
  byte[] sign(byte[] message) throws IOException;
}
