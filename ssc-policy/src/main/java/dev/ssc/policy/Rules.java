package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.identity.Principal;
import dev.ssc.api.identity.Role;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.api.promotion.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Factories for the generic rules and for combining rules: evidence present, promoter role, any-of
 * and all-of groups, and warn-only rules. The supply-chain rules (provenance, review, tests,
 * vulnerabilities, licenses, registries, base images, CEL conditions) have builders of their own in
 * this package.
 *
 * <p>Thread-safe.
 */
public final class Rules {
  /** Clock skew tolerated when an attestation's own time lies after the evaluation time. */
  static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

  private Rules() {}

  /**
   * Requires a verified attestation of {@code predicateType} about the subject itself (same
   * digest), signed by {@code authority} (its threshold of its keys).
   */
  public static Rule requireAttestation(String id, String predicateType, Authority authority) {
    return new AttestationRule(id, predicateType, authority, null);
  }

  /**
   * As {@link #requireAttestation(String, String, Authority)}, and the attestation must be at most
   * {@code maxAge} old at evaluation time, judged by the time the predicate records (SLSA
   * provenance {@code finishedOn} or {@code startedOn}, a scan's {@code scanFinishedOn}, a VSA's
   * {@code timeVerified}, a review's latest approval). An attestation whose predicate records no
   * time, or one dated more than five minutes after the evaluation time, does not count.
   *
   * @throws IllegalArgumentException if {@code maxAge} is not positive
   */
  public static Rule requireAttestation(
      String id, String predicateType, Authority authority, Duration maxAge) {
    requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("rule '" + id + "' maxAge must be positive: " + maxAge);
    }
    return new AttestationRule(id, predicateType, authority, maxAge);
  }

  /**
   * Requires that the acting principal holds a role that may promote into the target environment
   * (as the policy defines it, else as the input gives it). Fails when there is no environment or
   * no principal.
   */
  public static Rule requirePromoterRole() {
    return requirePromoterRole("promotion.role");
  }

  /** {@link #requirePromoterRole()} with rule id {@code id}. */
  public static Rule requirePromoterRole(String id) {
    checkId(id);
    return new Rule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public RuleResult evaluate(RuleContext context) {
        RuleResult.Builder r = RuleResult.builder().ruleId(id);
        Optional<Environment> target = context.environment();
        Optional<Principal> actor = context.actor();
        if (target.isEmpty() || actor.isEmpty()) {
          return r.outcome(RuleResult.Outcome.FAIL)
              .message("a promotion needs a target environment and an authenticated principal")
              .remedy("evaluate the policy for a promotion by an authenticated principal")
              .build();
        }
        Environment env = target.get();
        String who = actor.get().id();
        Set<Role> held = context.rolesOf(who);
        String roles =
            env.promoters().stream().map(Role::name).sorted().collect(Collectors.joining(", "));
        for (Role role : env.promoters()) {
          if (held.contains(role)) {
            return r.outcome(RuleResult.Outcome.PASS)
                .message(who + " holds role " + role + ", which may promote to " + env.name())
                .build();
          }
        }
        return r.outcome(RuleResult.Outcome.FAIL)
            .message(
                who
                    + " holds "
                    + (held.isEmpty() ? "no role" : "only " + sortedNames(held))
                    + ", none of the roles that may promote to "
                    + env.name()
                    + " ("
                    + roles
                    + ")")
            .remedy("ask someone with one of these roles to promote: " + roles)
            .build();
      }
    };
  }

  /**
   * A rule that passes when at least one of {@code rules} passes; each rule's result is a child of
   * the group's. Rules that do not apply are ignored; if none applies, the group does not apply
   * either.
   *
   * @throws IllegalArgumentException if fewer than two rules are given or two share an id
   */
  public static Rule anyOf(String id, List<? extends Rule> rules) {
    return new GroupRule(id, true, rules);
  }

  /**
   * A rule that passes when every one of {@code rules} passes (or does not apply), with each result
   * as a child; useful inside {@link #anyOf}.
   *
   * @throws IllegalArgumentException if no rule is given or two share an id
   */
  public static Rule allOf(String id, List<? extends Rule> rules) {
    return new GroupRule(id, false, rules);
  }

  /** {@code rule}, but its failures only warn: they are reported and do not deny. */
  public static Rule warnOnly(Rule rule) {
    requireNonNull(rule, "rule");
    return new Rule() {
      @Override
      public String id() {
        return rule.id();
      }

      @Override
      public RuleResult evaluate(RuleContext context) {
        return warning(evaluateSafely(rule, context));
      }

      @Override
      public String toString() {
        return "warnOnly(" + rule + ")";
      }
    };
  }

  /** Evaluates {@code rule}, turning an exception into a denying ERROR result. */
  static RuleResult evaluateSafely(Rule rule, RuleContext context) {
    try {
      RuleResult result = rule.evaluate(context);
      if (result == null) {
        throw new IllegalStateException("rule returned null");
      }
      return result;
    } catch (RuntimeException e) {
      return RuleResult.builder()
          .ruleId(rule.id())
          .outcome(RuleResult.Outcome.ERROR)
          .message("the rule failed to evaluate: " + e)
          .remedy("fix the rule; an evaluation error always denies")
          .build();
    }
  }

  /** {@code result} with enforcement {@code WARN}. */
  static RuleResult warning(RuleResult result) {
    if (result.enforcement() == RuleResult.Enforcement.WARN) {
      return result;
    }
    RuleResult.Builder b =
        RuleResult.builder()
            .ruleId(result.ruleId())
            .outcome(result.outcome())
            .message(result.message())
            .enforcement(RuleResult.Enforcement.WARN)
            .addAllEvidence(result.evidence())
            .addAllChildren(result.children());
    result.remedy().ifPresent(b::remedy);
    return b.build();
  }

  static void checkId(String id) {
    requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("rule id must not be blank");
    }
  }

  static String sortedNames(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(", "));
  }

  private static final class GroupRule implements Rule {
    private final String id;
    private final boolean any;
    private final List<Rule> rules;

    GroupRule(String id, boolean any, List<? extends Rule> rules) {
      checkId(id);
      requireNonNull(rules, "rules");
      if (rules.size() < (any ? 2 : 1)) {
        throw new IllegalArgumentException(
            "group '" + id + "' needs at least " + (any ? 2 : 1) + " rules, got " + rules.size());
      }
      Set<String> ids = new HashSet<>();
      for (Rule r : rules) {
        if (!ids.add(requireNonNull(r, "rule").id())) {
          throw new IllegalArgumentException("group '" + id + "' repeats rule id '" + r.id() + "'");
        }
      }
      this.id = id;
      this.any = any;
      this.rules = List.copyOf(rules);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public RuleResult evaluate(RuleContext context) {
      List<RuleResult> children = new ArrayList<>(rules.size());
      int passed = 0;
      int failed = 0;
      int applicable = 0;
      for (Rule rule : rules) {
        RuleResult r = evaluateSafely(rule, context);
        children.add(r);
        if (r.outcome() == RuleResult.Outcome.NOT_APPLICABLE) {
          continue;
        }
        applicable++;
        if (r.outcome() == RuleResult.Outcome.PASS) {
          passed++;
        } else if (r.denies()) {
          failed++;
        }
      }
      RuleResult.Builder b = RuleResult.builder().ruleId(id).addAllChildren(children);
      if (applicable == 0) {
        return b.outcome(RuleResult.Outcome.NOT_APPLICABLE)
            .message("no rule of the group applies")
            .build();
      }
      if (any) {
        if (passed > 0) {
          return b.outcome(RuleResult.Outcome.PASS)
              .message(passed + " of " + rules.size() + " alternatives passed (any-of)")
              .build();
        }
        return b.outcome(RuleResult.Outcome.FAIL)
            .message("none of " + rules.size() + " alternatives passed (any-of)")
            .remedy("satisfy any one of the alternatives below")
            .build();
      }
      if (failed == 0) {
        return b.outcome(RuleResult.Outcome.PASS)
            .message("all " + applicable + " applicable rules passed (all-of)")
            .build();
      }
      return b.outcome(RuleResult.Outcome.FAIL)
          .message(failed + " of " + rules.size() + " rules failed (all-of)")
          .remedy("satisfy every failing rule below")
          .build();
    }

    @Override
    public String toString() {
      return (any ? "anyOf(" : "allOf(") + id + ", " + rules.size() + " rules)";
    }
  }
}
