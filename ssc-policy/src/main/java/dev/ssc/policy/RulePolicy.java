package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.Policy;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A policy that allows only when every one of its rules passes (all-of).
 *
 * <p>A rule that throws is reported as an {@link RuleResult.Outcome#ERROR}, which denies: an
 * evaluation error never allows. A policy without rules cannot be built.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Policy production = RulePolicy.builder("acme/production")
 *     .rule(Rules.requireAttestation("build.provenance", SLSA_PROVENANCE, Set.of(ciKeyId), 1))
 *     .rule(Rules.requirePromoterRole())
 *     .build();
 * }</pre>
 */
public final class RulePolicy implements Policy {
  private final String id;
  private final List<Rule> rules;

  private RulePolicy(String id, List<Rule> rules) {
    this.id = id;
    this.rules = rules;
  }

  /** A builder for a policy with {@code id}. */
  public static Builder builder(String id) {
    requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("policy id must not be blank");
    }
    return new Builder(id);
  }

  @Override
  public String id() {
    return id;
  }

  /** The rules, in evaluation order. */
  public List<Rule> rules() {
    return rules;
  }

  @Override
  public Decision evaluate(PolicyInput input) {
    requireNonNull(input, "input");
    Decision.Builder decision =
        Decision.builder().policyId(id).subject(input.subject()).evaluatedAt(input.time());
    for (Rule rule : rules) {
      RuleResult result;
      try {
        result = rule.evaluate(input);
      } catch (RuntimeException e) {
        result =
            RuleResult.builder()
                .ruleId(rule.id())
                .outcome(RuleResult.Outcome.ERROR)
                .message("the rule failed to evaluate: " + e)
                .remedy("fix the rule; an evaluation error always denies")
                .build();
      }
      decision.addResults(result);
    }
    return decision.build();
  }

  @Override
  public String toString() {
    return "RulePolicy[" + id + ", " + rules.size() + " rules]";
  }

  /** Builds a {@link RulePolicy}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> ruleIds = new HashSet<>();

    Builder(String id) {
      this.id = id;
    }

    /**
     * Adds a rule.
     *
     * @throws IllegalArgumentException if a rule with the same id was added
     */
    @CanIgnoreReturnValue
    public Builder rule(Rule rule) {
      requireNonNull(rule, "rule");
      if (!ruleIds.add(rule.id())) {
        throw new IllegalArgumentException(
            "policy '" + id + "' already has a rule with id '" + rule.id() + "'");
      }
      rules.add(rule);
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException if no rule was added: an empty policy is a mistake, not a
     *     policy that allows everything
     */
    public RulePolicy build() {
      if (rules.isEmpty()) {
        throw new IllegalArgumentException("policy '" + id + "' has no rules");
      }
      return new RulePolicy(id, List.copyOf(rules));
    }
  }
}
