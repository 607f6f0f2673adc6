package dev.ssc.attest.intoto.layout;

import dev.ssc.api.Finding;
import dev.ssc.api.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying an in-toto supply chain against a layout: the verdict and every finding
 * (failures, warnings such as a differing command, notes such as a skipped link).
 *
 * <p>The verdict is {@link Verdict#ALLOW} only if every check of in-toto's {@code in_toto_verify}
 * passed; otherwise the failures say which. Immutable and thread-safe.
 */
public final class LayoutVerification {
  private final Verdict verdict;
  private final List<Finding> findings;

  private LayoutVerification(Verdict verdict, List<Finding> findings) {
    this.verdict = verdict;
    this.findings = List.copyOf(findings);
  }

  static LayoutVerification of(List<Finding> findings) {
    boolean failed = findings.stream().anyMatch(f -> f.level() == Finding.Level.FAILURE);
    return new LayoutVerification(failed ? Verdict.DENY : Verdict.ALLOW, findings);
  }

  static LayoutVerification deny(List<Finding> findings) {
    return new LayoutVerification(Verdict.DENY, findings);
  }

  /** The verdict: {@link Verdict#ALLOW} only if every check passed. */
  public Verdict verdict() {
    return verdict;
  }

  /** Every finding, in the order the checks ran. */
  public List<Finding> findings() {
    return findings;
  }

  /** The findings at level {@link Finding.Level#WARNING}. */
  public List<Finding> warnings() {
    return findings.stream().filter(f -> f.level() == Finding.Level.WARNING).toList();
  }

  /** The first failure, the reason for a {@link Verdict#DENY}; empty when allowed. */
  public Optional<Finding> reason() {
    return findings.stream().filter(f -> f.level() == Finding.Level.FAILURE).findFirst();
  }

  @Override
  public String toString() {
    return "LayoutVerification{" + verdict + ", " + findings + "}";
  }
}
