package dev.ssc.policy;

import dev.ssc.api.policy.Decision;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one case of a {@link PolicyTestSuite}: whether the policy decided as the case
 * expects, and if not, how it differed; with the decision itself and the evidence that did not
 * count.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyTestResult {
  private final String name;
  private final String location;
  private final Optional<String> failure;
  private final Decision decision;
  private final List<EvidenceLoader.Rejected> rejectedEvidence;

  PolicyTestResult(
      String name,
      String location,
      Optional<String> failure,
      Decision decision,
      List<EvidenceLoader.Rejected> rejectedEvidence) {
    this.name = name;
    this.location = location;
    this.failure = failure;
    this.decision = decision;
    this.rejectedEvidence = List.copyOf(rejectedEvidence);
  }

  /** The case's name. */
  public String name() {
    return name;
  }

  /** Where the case is written: {@code file:line:column}. */
  public String location() {
    return location;
  }

  /** Whether the decision is the expected one. */
  public boolean passed() {
    return failure.isEmpty();
  }

  /**
   * For a failed case, how the decision differed, e.g. {@code expected deny with failing
   * [build.provenance], got allow}; empty when the case passed.
   */
  public Optional<String> failure() {
    return failure;
  }

  /** The policy's decision for the case's input. */
  public Decision decision() {
    return decision;
  }

  /** The envelopes of the case's evidence files that did not verify, so did not count. */
  public List<EvidenceLoader.Rejected> rejectedEvidence() {
    return rejectedEvidence;
  }

  /** One line: {@code PASS NAME} or {@code FAIL NAME: HOW}. */
  public String describe() {
    return failure.map(f -> "FAIL " + name + ": " + f).orElse("PASS " + name);
  }

  /** {@link #describe()}. */
  @Override
  public String toString() {
    return describe();
  }
}
