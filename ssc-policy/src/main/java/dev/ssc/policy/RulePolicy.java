package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.identity.Role;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.Policy;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A policy made of rules: the common rules apply to every decision, each environment adds its own,
 * and the decision allows only when every rule passes (all-of; use {@link Rules#anyOf} for
 * alternatives).
 *
 * <p>The policy also names its trusted {@link Authority authorities} (only evidence they signed
 * counts) and a roster of principals with their roles (who is a maintainer, who may promote). When
 * it defines environments, a decision for any other environment denies with rule {@code
 * policy.environment}. In {@link RuleResult.Enforcement#WARN} mode failures are reported but do not
 * deny, for trying a policy out before enforcing it.
 *
 * <p>A rule that throws is reported as an {@link RuleResult.Outcome#ERROR}, which denies: an
 * evaluation error never allows. A policy without rules cannot be built. Build one in Java, or load
 * a YAML or JSON policy file with {@link PolicyLoader}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Authority ci = Authority.of("ci", 1, List.of(ciKey));
 * Policy production = RulePolicy.builder("acme/production")
 *     .authority(ci)
 *     .rule(Rules.requireAttestation("build.provenance", SlsaProvenance.URI, ci))
 *     .rule(Rules.requirePromoterRole())
 *     .build();
 * }</pre>
 */
public final class RulePolicy implements Policy {
  private final String id;
  private final Optional<Digest> digest;
  private final RuleResult.Enforcement mode;
  private final Map<String, Authority> authorities;
  private final Map<String, Set<Role>> roster;
  private final List<Rule> rules;
  private final Map<String, EnvironmentRules> environments;
  private final PredicateDecoder decoder = new PredicateDecoder();

  private RulePolicy(Builder b) {
    this.id = b.id;
    this.digest = Optional.ofNullable(b.digest);
    this.mode = b.mode;
    this.authorities = Collections.unmodifiableMap(new LinkedHashMap<>(b.authorities));
    Map<String, Set<Role>> r = new LinkedHashMap<>();
    b.roster.forEach((k, v) -> r.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    this.roster = Collections.unmodifiableMap(r);
    this.rules = List.copyOf(b.rules);
    this.environments = Collections.unmodifiableMap(new LinkedHashMap<>(b.environments));
  }

  /** A builder for a policy with {@code id}, such as {@code acme/production@3}. */
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

  /** The sha256 of the policy document this policy was loaded from, if it was loaded. */
  public Optional<Digest> digest() {
    return digest;
  }

  /** Whether failures deny ({@code ENFORCE}) or are only reported ({@code WARN}). */
  public RuleResult.Enforcement mode() {
    return mode;
  }

  /** The trusted authorities by name, in declaration order. */
  public Map<String, Authority> authorities() {
    return authorities;
  }

  /** The roster: principal id to the roles the policy grants it. */
  public Map<String, Set<Role>> principals() {
    return roster;
  }

  /** The principal {@code id} with the roles the roster grants it (none if not listed). */
  public Principal principal(String id) {
    return Principal.builder().id(id).addAllRoles(roster.getOrDefault(id, Set.of())).build();
  }

  /** The common rules, in evaluation order. */
  public List<Rule> rules() {
    return rules;
  }

  /** The environments by name, in declaration order; empty if the policy defines none. */
  public Map<String, EnvironmentRules> environments() {
    return environments;
  }

  @Override
  public Decision evaluate(PolicyInput input) {
    requireNonNull(input, "input");
    Decision.Builder decision =
        Decision.builder().policyId(id).subject(input.subject()).evaluatedAt(input.time());
    EnvironmentRules env = null;
    if (input.environment().isPresent() && !environments.isEmpty()) {
      String name = input.environment().get().name();
      env = environments.get(name);
      if (env == null) {
        return decision
            .addResults(
                RuleResult.builder()
                    .ruleId("policy.environment")
                    .outcome(RuleResult.Outcome.FAIL)
                    .message(
                        "policy "
                            + id
                            + " defines no environment '"
                            + name
                            + "'; it defines "
                            + environments.keySet())
                    .remedy("evaluate for one of " + environments.keySet())
                    .build())
            .build();
      }
    }
    RuleContext context = new RuleContext(input, env, roster, decoder);
    for (Rule rule : rules) {
      decision.addResults(evaluate(rule, context));
    }
    if (env != null) {
      for (Rule rule : env.rules()) {
        decision.addResults(evaluate(rule, context));
      }
    }
    return decision.build();
  }

  private RuleResult evaluate(Rule rule, RuleContext context) {
    RuleResult result = Rules.evaluateSafely(rule, context);
    return mode == RuleResult.Enforcement.WARN ? Rules.warning(result) : result;
  }

  @Override
  public String toString() {
    int n = rules.size();
    for (EnvironmentRules e : environments.values()) {
      n += e.rules().size();
    }
    return "RulePolicy[" + id + ", " + n + " rules]";
  }

  /** Builds a {@link RulePolicy}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private @Nullable Digest digest;
    private RuleResult.Enforcement mode = RuleResult.Enforcement.ENFORCE;
    private final Map<String, Authority> authorities = new LinkedHashMap<>();
    private final Map<String, Set<Role>> roster = new LinkedHashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> ruleIds = new HashSet<>();
    private final Map<String, EnvironmentRules> environments = new LinkedHashMap<>();

    Builder(String id) {
      this.id = id;
    }

    /**
     * Adds a common rule, applied to every decision.
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
     * Adds a trusted authority.
     *
     * @throws IllegalArgumentException if an authority of that name was added
     */
    @CanIgnoreReturnValue
    public Builder authority(Authority authority) {
      requireNonNull(authority, "authority");
      if (authorities.putIfAbsent(authority.name(), authority) != null) {
        throw new IllegalArgumentException(
            "policy '" + id + "' already has an authority '" + authority.name() + "'");
      }
      return this;
    }

    /**
     * Adds a principal to the roster with the roles the policy grants it.
     *
     * @throws IllegalArgumentException if the principal was added
     */
    @CanIgnoreReturnValue
    public Builder principal(String principalId, Collection<Role> roles) {
      requireNonNull(principalId, "principalId");
      requireNonNull(roles, "roles");
      if (principalId.isBlank()) {
        throw new IllegalArgumentException("principal id must not be blank");
      }
      if (roster.putIfAbsent(principalId, new LinkedHashSet<>(roles)) != null) {
        throw new IllegalArgumentException(
            "policy '" + id + "' already lists principal '" + principalId + "'");
      }
      return this;
    }

    /**
     * Adds an environment with its rules.
     *
     * @throws IllegalArgumentException if the environment was added, or one of its rules has the id
     *     of a common rule
     */
    @CanIgnoreReturnValue
    public Builder environment(EnvironmentRules environment) {
      requireNonNull(environment, "environment");
      if (environments.containsKey(environment.name())) {
        throw new IllegalArgumentException(
            "policy '" + id + "' already has an environment '" + environment.name() + "'");
      }
      environments.put(environment.name(), environment);
      return this;
    }

    /** Sets whether failures deny (the default) or only warn. */
    @CanIgnoreReturnValue
    public Builder mode(RuleResult.Enforcement mode) {
      this.mode = requireNonNull(mode, "mode");
      return this;
    }

    /** Records the sha256 of the document the policy was loaded from. */
    @CanIgnoreReturnValue
    public Builder digest(Digest digest) {
      this.digest = requireNonNull(digest, "digest");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException if there is no rule at all (an empty policy is a mistake,
     *     not a policy that allows everything), an environment's rule repeats a common rule's id,
     *     or an environment requires one the policy does not define
     */
    public RulePolicy build() {
      int count = rules.size();
      for (EnvironmentRules env : environments.values()) {
        count += env.rules().size();
        for (Rule r : env.rules()) {
          if (ruleIds.contains(r.id())) {
            throw new IllegalArgumentException(
                "environment '"
                    + env.name()
                    + "' repeats the id of common rule '"
                    + r.id()
                    + "' of policy '"
                    + id
                    + "'");
          }
        }
        env.environment()
            .requiresPassed()
            .ifPresent(
                required -> {
                  if (!environments.containsKey(required)) {
                    throw new IllegalArgumentException(
                        "environment '"
                            + env.name()
                            + "' requires '"
                            + required
                            + "', which policy '"
                            + id
                            + "' does not define");
                  }
                });
      }
      if (count == 0) {
        throw new IllegalArgumentException("policy '" + id + "' has no rules");
      }
      return new RulePolicy(this);
    }
  }
}
