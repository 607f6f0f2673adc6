package dev.ssc.policy;

import dev.ssc.api.policy.RuleResult;

/**
 * One requirement of a policy, such as "a passing test result signed by the test runner".
 *
 * <p>Like a policy, a rule is a pure function of its input: no I/O, no clock, no randomness. It
 * reads the input, the environment and the evidence through its {@link RuleContext}.
 * Implementations are immutable and thread-safe, and report a failure as a {@link
 * RuleResult.Outcome#FAIL} result with a remedy, never as an exception (a rule that throws is
 * reported as an {@link RuleResult.Outcome#ERROR}, which denies).
 *
 * <p>Write your own rules in Java and add them with {@link RulePolicy.Builder#rule}, or make them
 * available to policy files through {@link dev.ssc.policy.spi.RuleProvider}.
 */
public interface Rule {
  /** The rule's stable id, e.g. {@code tests.passed}; results carry it. */
  String id();

  /** Evaluates the rule. */
  RuleResult evaluate(RuleContext context);
}
