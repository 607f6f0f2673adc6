package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.identity.Role;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.api.promotion.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Factories for the built-in rules.
 *
 * <p>Thread-safe.
 */
public final class Rules {
  private Rules() {}

  /**
   * Requires a verified attestation of {@code predicateType} about the subject itself (same
   * digest), signed by at least {@code threshold} of the {@code trustedKeyIds}.
   *
   * @throws IllegalArgumentException if no key is trusted or the threshold is outside {@code [1,
   *     trustedKeyIds.size()]}
   */
  public static Rule requireAttestation(
      String id, String predicateType, Set<String> trustedKeyIds, int threshold) {
    requireNonNull(id, "id");
    requireNonNull(predicateType, "predicateType");
    Set<String> keys = Set.copyOf(requireNonNull(trustedKeyIds, "trustedKeyIds"));
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("rule '" + id + "' must trust at least one key");
    }
    if (threshold < 1 || threshold > keys.size()) {
      throw new IllegalArgumentException(
          "rule '" + id + "' threshold must be within [1, " + keys.size() + "], got " + threshold);
    }
    return new Rule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public RuleResult evaluate(PolicyInput input) {
        List<String> seen = new ArrayList<>();
        for (VerifiedAttestation a : input.evidence()) {
          if (!a.predicateType().equals(predicateType) || !a.isAbout(input.subject())) {
            continue;
          }
          Set<String> trusted = new TreeSet<>(a.signerKeyIds());
          trusted.retainAll(keys);
          if (trusted.size() >= threshold) {
            return RuleResult.builder()
                .ruleId(id)
                .outcome(RuleResult.Outcome.PASS)
                .message(
                    "found "
                        + predicateType
                        + " about "
                        + input.subject()
                        + " signed by trusted key(s) "
                        + trusted)
                .addEvidence(a.evidenceId())
                .build();
          }
          seen.add(a.evidenceId() + " (signed by " + a.signerKeyIds() + ")");
        }
        return RuleResult.builder()
            .ruleId(id)
            .outcome(RuleResult.Outcome.FAIL)
            .message(
                seen.isEmpty()
                    ? "no " + predicateType + " attestation about " + input.subject()
                    : "no "
                        + predicateType
                        + " attestation about "
                        + input.subject()
                        + " is signed by "
                        + threshold
                        + " trusted key(s); found "
                        + seen)
            .remedy(
                "provide a "
                    + predicateType
                    + " attestation about this exact digest, signed by "
                    + threshold
                    + " of "
                    + new TreeSet<>(keys))
            .build();
      }
    };
  }

  /**
   * Requires that the acting principal holds a role that may promote into the target environment.
   * Fails when there is no environment or no principal.
   */
  public static Rule requirePromoterRole() {
    return new Rule() {
      @Override
      public String id() {
        return "promotion.role";
      }

      @Override
      public RuleResult evaluate(PolicyInput input) {
        RuleResult.Builder r = RuleResult.builder().ruleId(id());
        if (input.environment().isEmpty() || input.principal().isEmpty()) {
          return r.outcome(RuleResult.Outcome.FAIL)
              .message("a promotion needs a target environment and an authenticated principal")
              .remedy("evaluate the policy for a promotion by an authenticated principal")
              .build();
        }
        Environment env = input.environment().get();
        Principal actor = input.principal().get();
        String roles =
            env.promoters().stream().map(Role::name).sorted().collect(Collectors.joining(", "));
        if (env.promoters().stream().anyMatch(actor::hasRole)) {
          return r.outcome(RuleResult.Outcome.PASS)
              .message(
                  actor.id()
                      + " holds a role that may promote to "
                      + env.name()
                      + " ("
                      + roles
                      + ")")
              .build();
        }
        return r.outcome(RuleResult.Outcome.FAIL)
            .message(actor.id() + " holds none of the roles that may promote to " + env.name())
            .remedy("ask someone with one of these roles to promote: " + roles)
            .build();
      }
    };
  }
}
