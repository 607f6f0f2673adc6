package dev.ssc.api.attestation;

import dev.ssc.api.Bytes;

/**
 * Turns envelope bytes into a {@link VerifiedAttestation}, or says why not.
 *
 * <p>An implementation parses the envelope and its statement with strict limits, checks the
 * signatures against its trusted keys with a threshold of distinct keys, and records the sha256 of
 * {@code envelope} as the evidence id. It never throws for bad input: malformed bytes, unknown keys
 * and bad signatures are {@linkplain AttestationVerification#findings() findings}.
 *
 * <p>Implementations are thread-safe. ssc-attest provides the DSSE implementation.
 */
public interface AttestationVerifier {
  /** Verifies the envelope serialized as {@code envelope}. */
  AttestationVerification verify(Bytes envelope);
}
