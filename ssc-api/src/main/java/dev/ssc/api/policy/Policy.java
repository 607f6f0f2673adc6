package dev.ssc.api.policy;

/**
 * A supply-chain policy: a pure function from {@link PolicyInput} to {@link Decision}.
 *
 * <p>Evaluation does no I/O, reads no clock and uses no randomness (DESIGN invariant 6): the same
 * input gives the same decision, which makes decisions testable, cacheable and explainable. It
 * denies by default (invariant 7): missing evidence, an unknown rule or an evaluation error each
 * deny and say which. Every decision explains itself (invariant 8).
 *
 * <p>Implementations are immutable and thread-safe. ssc-policy builds them from YAML, JSON or Java;
 * {@link #denyAll()} is the safe default where none is configured.
 */
public interface Policy {
  /** A stable id for the policy, such as {@code acme/production@3}, recorded in decisions. */
  String id();

  /** Evaluates the policy. Never throws for any input; an error is a denying rule result. */
  Decision evaluate(PolicyInput input);

  /**
   * A policy that denies everything, saying that no policy was configured: the default for a
   * security role is to deny.
   */
  static Policy denyAll() {
    return DenyAllPolicy.INSTANCE;
  }
}
