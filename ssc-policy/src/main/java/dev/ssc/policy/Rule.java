package dev.ssc.policy;

import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;

/**
 * One requirement of a policy, such as "a passing test result signed by the test runner".
 *
 * <p>Like a policy, a rule is a pure function of its input: no I/O, no clock, no randomness.
 * Implementations are immutable and thread-safe, and report a failure as a {@link
 * RuleResult.Outcome#FAIL} result with a remedy, never as an exception.
 */
public interface Rule {
  /** The rule's stable id, e.g. {@code tests.passed}. */
  String id();

  /** Evaluates the rule. */
  RuleResult evaluate(PolicyInput input);
}
