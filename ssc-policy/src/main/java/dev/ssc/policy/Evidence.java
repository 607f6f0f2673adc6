package dev.ssc.policy;

import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;

/**
 * A verified attestation that a rule accepted, with its predicate decoded to {@code T}.
 *
 * <p>Immutable and thread-safe when {@code T} is.
 *
 * @param <T> the typed predicate
 */
public final class Evidence<T> {
  private final VerifiedAttestation attestation;
  private final T predicate;

  Evidence(VerifiedAttestation attestation, T predicate) {
    this.attestation = attestation;
    this.predicate = predicate;
  }

  /** The attestation. */
  public VerifiedAttestation attestation() {
    return attestation;
  }

  /** The decoded predicate. */
  public T predicate() {
    return predicate;
  }

  /** The evidence id: the sha256 of the envelope the attestation was verified from. */
  public Digest id() {
    return attestation.evidenceId();
  }

  @Override
  public String toString() {
    return "Evidence[" + attestation.predicateType() + ", " + id() + "]";
  }
}
