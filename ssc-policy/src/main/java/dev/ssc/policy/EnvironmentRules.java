package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.promotion.Environment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a policy that applies to one environment: the environment itself (who may promote
 * into it, which environment must have taken the digest first) and the rules added for it on top of
 * the policy's common rules. Staging may be looser than production simply by having fewer rules.
 *
 * <p>Immutable and thread-safe.
 */
public final class EnvironmentRules {
  private final Environment environment;
  private final List<Rule> rules;

  private EnvironmentRules(Environment environment, List<Rule> rules) {
    this.environment = environment;
    this.rules = rules;
  }

  /** A builder for the rules of {@code environment}. */
  public static Builder builder(Environment environment) {
    return new Builder(requireNonNull(environment, "environment"));
  }

  /** The environment. */
  public Environment environment() {
    return environment;
  }

  /** The environment's name. */
  public String name() {
    return environment.name();
  }

  /** The rules added for this environment, in order. */
  public List<Rule> rules() {
    return rules;
  }

  @Override
  public String toString() {
    return "EnvironmentRules[" + environment.name() + ", " + rules.size() + " rules]";
  }

  /** Builds {@link EnvironmentRules}. Not thread-safe. */
  public static final class Builder {
    private final Environment environment;
    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    Builder(Environment environment) {
      this.environment = environment;
    }

    /**
     * Adds a rule.
     *
     * @throws IllegalArgumentException if a rule with the same id was added
     */
    @CanIgnoreReturnValue
    public Builder rule(Rule rule) {
      requireNonNull(rule, "rule");
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException(
            "environment '" + environment.name() + "' already has a rule '" + rule.id() + "'");
      }
      rules.add(rule);
      return this;
    }

    /** Builds the environment's rules; it may have none beyond the policy's common rules. */
    public EnvironmentRules build() {
      return new EnvironmentRules(environment, List.copyOf(rules));
    }
  }
}
