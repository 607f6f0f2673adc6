package dev.ssc.api.attestation;

import dev.ssc.api.Finding;
import dev.ssc.api.Verdict;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What verifying one envelope found: the verdict, every reason behind it, and on {@link
 * Verdict#ALLOW} the verified attestation.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class AttestationVerification {
  AttestationVerification() {}

  /** {@link Verdict#ALLOW} exactly when {@link #attestation()} is present. */
  public Verdict verdict() {
    return attestation().isPresent() ? Verdict.ALLOW : Verdict.DENY;
  }

  /** The verified attestation, when verification succeeded. */
  public abstract Optional<VerifiedAttestation> attestation();

  /** Every reason: each signature that did not count and why, the threshold, the payload. */
  public abstract List<Finding> findings();

  /** A successful verification. */
  public static AttestationVerification verified(
      VerifiedAttestation attestation, List<Finding> notes) {
    return ImmutableAttestationVerification.builder()
        .attestation(attestation)
        .addAllFindings(notes)
        .build();
  }

  /**
   * A failed verification.
   *
   * @throws IllegalArgumentException if {@code findings} has no {@link Finding.Level#FAILURE}
   */
  public static AttestationVerification failed(List<Finding> findings) {
    return ImmutableAttestationVerification.builder().addAllFindings(findings).build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    boolean failure = findings().stream().anyMatch(f -> f.level() == Finding.Level.FAILURE);
    if (attestation().isEmpty() && !failure) {
      problems.add("a failed verification must carry at least one FAILURE finding saying why");
    }
    if (attestation().isPresent() && failure) {
      problems.add("a successful verification must not carry FAILURE findings");
    }
    Checks.throwIfAny("AttestationVerification", problems);
  }
}
