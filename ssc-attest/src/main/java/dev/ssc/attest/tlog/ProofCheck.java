package dev.ssc.attest.tlog;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Verdict;
import java.util.Optional;

/**
 * The outcome of checking a Merkle proof: valid, or the reason it is not.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProofCheck {
  private static final ProofCheck VALID = new ProofCheck(Optional.empty());

  private final Optional<String> failure;

  private ProofCheck(Optional<String> failure) {
    this.failure = failure;
  }

  static ProofCheck valid() {
    return VALID;
  }

  static ProofCheck invalid(String reason) {
    return new ProofCheck(Optional.of(requireNonNull(reason, "reason")));
  }

  /** Whether the proof holds. */
  public boolean isValid() {
    return failure.isEmpty();
  }

  /** {@link Verdict#ALLOW} when the proof holds. */
  public Verdict verdict() {
    return isValid() ? Verdict.ALLOW : Verdict.DENY;
  }

  /** Why the proof does not hold; empty when it does. */
  public Optional<String> failure() {
    return failure;
  }

  /** {@code valid} or {@code invalid: REASON}. */
  @Override
  public String toString() {
    return failure.map(f -> "invalid: " + f).orElse("valid");
  }
}
