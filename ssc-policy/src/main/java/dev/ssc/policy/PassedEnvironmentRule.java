package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.api.promotion.Environment;
import dev.ssc.attest.predicate.SlsaVerificationSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Requires that the same digest passed an earlier environment: production takes only what staging
 * took (DESIGN invariant 10), proven by a SLSA Verification Summary ({@value
 * SlsaVerificationSummary#URI}) about the subject, signed by the gate's {@linkplain
 * Builder#authority authority}, with {@code verificationResult} {@code PASSED}, for that
 * environment.
 *
 * <p>The environment is the one {@linkplain Builder#environment set}, else the target environment's
 * {@link Environment#requiresPassed()}; when there is neither, the rule does not apply. A summary
 * records its environment in its {@code policy.uri} as {@link VerificationSummaries} writes it
 * ({@code https://ssc.dev/policy/<policy-id>?environment=<name>}); a summary whose policy URI is
 * not of that form does not count. With a {@linkplain Builder#policy policy} set, the summary's
 * policy id must equal it or lie below it ({@code acme/} or {@code acme} both admit {@code
 * acme/staging}). A summary dated more than five minutes after the evaluation time, or listing the
 * level {@code FAILED}, does not count.
 *
 * <pre>{@code
 * Rule passedStaging = PassedEnvironmentRule.builder()
 *     .authority(Authority.ofKeyIds("gate", 1, Set.of("gate-key")))
 *     .build();    // the environment: the target's requiresPassed(), e.g. staging
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PassedEnvironmentRule implements Rule {
  private final Memo<String, Optional<VerificationSummaries.PolicyRef>> policyUris =
      new Memo<>(1024);

  /** The rule id unless one is set. */
  public static final String DEFAULT_ID = "passed-environment";

  private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private final String id;
  private final Authority authority;
  private final @Nullable String environment;
  private final @Nullable String policy;

  private PassedEnvironmentRule(Builder b, Authority authority) {
    this.id = b.id;
    this.authority = authority;
    this.environment = b.environment;
    this.policy = b.policy;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public RuleResult evaluate(RuleContext context) {
    RuleResult.Builder r = RuleResult.builder().ruleId(id);
    String required = environment;
    if (required == null) {
      Optional<Environment> target = context.environment();
      if (target.isEmpty() || target.get().requiresPassed().isEmpty()) {
        return r.outcome(RuleResult.Outcome.NOT_APPLICABLE)
            .message(
                target.isEmpty()
                    ? "the decision is not for an environment, and the rule names none"
                    : target.get().name() + " requires no earlier environment")
            .build();
      }
      required = target.get().requiresPassed().get();
    }
    EvidenceSearch<SlsaVerificationSummary> found =
        context.find(SlsaVerificationSummary.PREDICATE, authority);
    r.addAllEvidence(found.ids());
    List<String> notCounted = new ArrayList<>();
    for (Evidence<SlsaVerificationSummary> e : found.trusted()) {
      SlsaVerificationSummary vsa = e.predicate();
      Optional<VerificationSummaries.PolicyRef> ref =
          vsa.policy()
              .uri()
              .flatMap(uri -> policyUris.get(uri, VerificationSummaries::parsePolicyUri));
      String why;
      if (!vsa.passed()) {
        why = "verificationResult is " + vsa.verificationResult();
      } else if (vsa.verifiedLevels().contains("FAILED")) {
        why = "verifiedLevels lists FAILED";
      } else if (ref.isEmpty()) {
        why =
            "policy.uri "
                + vsa.policy().uri().map(u -> "'" + u + "'").orElse("(absent)")
                + " is not an ssc policy URI ("
                + VerificationSummaries.POLICY_URI_PREFIX
                + "<policy-id>?environment=<name>)";
      } else if (!required.equals(ref.get().environment)) {
        why =
            ref.get().environment == null
                ? "records no environment"
                : "is for " + ref.get().environment + ", not " + required;
      } else if (policy != null && !underPolicy(ref.get().policyId, policy)) {
        why = "names policy '" + ref.get().policyId + "', not under '" + policy + "'";
      } else if (vsa.timeVerified().isAfter(context.time().plus(Rules.FUTURE_SKEW))) {
        why = "is dated " + vsa.timeVerified() + ", after the evaluation time";
      } else {
        return r.outcome(RuleResult.Outcome.PASS)
            .message(
                context.subject()
                    + " passed "
                    + required
                    + ": summary "
                    + e.id()
                    + " by verifier "
                    + vsa.verifierId()
                    + " under policy '"
                    + ref.get().policyId
                    + "' at "
                    + vsa.timeVerified()
                    + ", signed by authority '"
                    + authority.name()
                    + "'")
            .build();
      }
      notCounted.add("summary " + e.id() + " " + why);
    }
    StringBuilder message =
        new StringBuilder("no passing verification summary for ")
            .append(required)
            .append(" about ")
            .append(context.subject())
            .append(" signed by authority '")
            .append(authority.name())
            .append("'");
    if (!notCounted.isEmpty()) {
      message.append(": ").append(String.join("; ", notCounted));
    }
    if (!found.rejected().isEmpty()) {
      message.append("; rejected: ");
      for (int i = 0; i < found.rejected().size(); i++) {
        message.append(i == 0 ? "" : "; ").append(found.rejected().get(i));
      }
    }
    for (VerifiedAttestation a : context.evidence()) {
      if (a.predicateType().equals(SlsaVerificationSummary.URI)
          && !a.isAbout(context.subject())
          && authority.trusts(a)) {
        r.addEvidence(a.evidenceId());
        message
            .append("; summary ")
            .append(a.evidenceId())
            .append(" is about ")
            .append(a.statement().subjects().get(0).digest())
            .append(", another digest");
      }
    }
    return r.outcome(RuleResult.Outcome.FAIL)
        .message(message.toString())
        .remedy(
            "promote this exact digest through "
                + required
                + " first; its gate records a PASSED verification summary signed by authority '"
                + authority.name()
                + "'")
        .build();
  }

  private static boolean underPolicy(String policyId, String prefix) {
    if (prefix.endsWith("/")) {
      return policyId.startsWith(prefix);
    }
    return policyId.equals(prefix)
        || policyId.startsWith(prefix + "/")
        || policyId.startsWith(prefix + "@");
  }

  @Override
  public String toString() {
    return "PassedEnvironmentRule["
        + id
        + ", "
        + (environment == null ? "the target's requiresPassed" : environment)
        + ", "
        + authority.name()
        + "]";
  }

  /** Builds a {@link PassedEnvironmentRule}; the gate's authority is required. */
  public static final class Builder {
    private String id = DEFAULT_ID;
    private @Nullable Authority authority;
    private @Nullable String environment;
    private @Nullable String policy;

    Builder() {}

    /** Sets the rule id; {@value PassedEnvironmentRule#DEFAULT_ID} unless set. */
    @CanIgnoreReturnValue
    public Builder id(String id) {
      Rules.checkId(id);
      this.id = id;
      return this;
    }

    /** Sets the authority whose keys sign verification summaries (the earlier gate). */
    @CanIgnoreReturnValue
    public Builder authority(Authority authority) {
      this.authority = requireNonNull(authority, "authority");
      return this;
    }

    /**
     * Sets the environment the digest must have passed; unless set, the target environment's {@link
     * Environment#requiresPassed()}.
     *
     * @throws IllegalArgumentException if it is not an environment name
     */
    @CanIgnoreReturnValue
    public Builder environment(String environment) {
      requireNonNull(environment, "environment");
      if (!ENVIRONMENT.matcher(environment).matches()) {
        throw new IllegalArgumentException(
            "environment must be lowercase letters, digits and dashes, got '" + environment + "'");
      }
      this.environment = environment;
      return this;
    }

    /**
     * Requires the summary to name this policy id, a version of it or one below it ({@code acme}
     * admits {@code acme}, {@code acme@3} and {@code acme/staging}, not {@code acme-evil}); any
     * policy unless set.
     *
     * @throws IllegalArgumentException if blank
     */
    @CanIgnoreReturnValue
    public Builder policy(String policy) {
      requireNonNull(policy, "policy");
      if (policy.isBlank()) {
        throw new IllegalArgumentException("policy must not be blank");
      }
      this.policy = policy;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws IllegalStateException if the authority is missing
     */
    public PassedEnvironmentRule build() {
      Authority a = authority;
      if (a == null) {
        throw new IllegalStateException("rule '" + id + "' needs an authority");
      }
      return new PassedEnvironmentRule(this, a);
    }
  }
}
