package dev.ssc.api.policy;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The outcome of one rule: whether it passed, why, the evidence it used and, for a failure, what
 * would satisfy it. Results nest, forming the explanation tree of a {@link Decision}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class RuleResult {
  RuleResult() {}

  /** How a rule came out. */
  public enum Outcome {
    /** The rule is satisfied, with evidence. */
    PASS,
    /** The rule is not satisfied. */
    FAIL,
    /** The rule could not be evaluated; denies like a failure. */
    ERROR,
    /** The rule does not apply to this input (for example, another environment's rule). */
    NOT_APPLICABLE
  }

  /** Whether a failing rule denies or only warns. */
  public enum Enforcement {
    /** A failure denies. */
    ENFORCE,
    /** A failure is reported but does not deny. */
    WARN
  }

  /** The rule's stable id, e.g. {@code review.maintainer-approval}. */
  public abstract String ruleId();

  /** The outcome. */
  public abstract Outcome outcome();

  /** What was required and what was found. */
  public abstract String message();

  /** Whether a failure denies; {@link Enforcement#ENFORCE} unless set. */
  @Value.Default
  public Enforcement enforcement() {
    return Enforcement.ENFORCE;
  }

  /** The evidence the rule looked at, by evidence id. */
  public abstract List<Digest> evidence();

  /** For a failure: what would satisfy the rule. */
  public abstract Optional<String> remedy();

  /** Sub-results, for rules made of rules. */
  public abstract List<RuleResult> children();

  /** Whether this result denies: an enforced {@link Outcome#FAIL} or {@link Outcome#ERROR}. */
  public boolean denies() {
    return enforcement() == Enforcement.ENFORCE
        && (outcome() == Outcome.FAIL || outcome() == Outcome.ERROR);
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableRuleResult.builder();
  }

  /** Builds a {@link RuleResult}; rule id, outcome and message are required. */
  public interface Builder {
    /** Sets the rule id. */
    @CanIgnoreReturnValue
    Builder ruleId(String ruleId);

    /** Sets the outcome. */
    @CanIgnoreReturnValue
    Builder outcome(Outcome outcome);

    /** Sets the message. */
    @CanIgnoreReturnValue
    Builder message(String message);

    /** Sets the enforcement. */
    @CanIgnoreReturnValue
    Builder enforcement(Enforcement enforcement);

    /** Adds evidence the rule used. */
    @CanIgnoreReturnValue
    Builder addEvidence(Digest evidence);

    /** Adds evidence the rule used. */
    @CanIgnoreReturnValue
    Builder addAllEvidence(Iterable<? extends Digest> evidence);

    /** Sets what would satisfy the rule. */
    @CanIgnoreReturnValue
    Builder remedy(String remedy);

    /** Adds a sub-result. */
    @CanIgnoreReturnValue
    Builder addChildren(RuleResult child);

    /** Adds sub-results. */
    @CanIgnoreReturnValue
    Builder addAllChildren(Iterable<? extends RuleResult> children);

    /**
     * Builds the result.
     *
     * @throws IllegalStateException if a required attribute is missing
     * @throws IllegalArgumentException if the rule id or message is blank
     */
    RuleResult build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (ruleId().isBlank()) {
      problems.add("ruleId must not be blank");
    }
    if (message().isBlank()) {
      problems.add("message must not be blank");
    }
    Checks.throwIfAny("RuleResult", problems);
  }
}
