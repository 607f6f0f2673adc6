package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.json.JsonObject;
import dev.ssc.api.policy.RuleResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Requires a trusted attestation of one predicate type about the subject, optionally fresh. */
final class AttestationRule implements Rule {
  private final String id;
  private final String predicateType;
  private final Authority authority;
  private final @Nullable Duration maxAge;

  AttestationRule(String id, String predicateType, Authority authority, @Nullable Duration maxAge) {
    Rules.checkId(id);
    this.id = id;
    this.predicateType = requireNonNull(predicateType, "predicateType");
    this.authority = requireNonNull(authority, "authority");
    this.maxAge = maxAge;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public RuleResult evaluate(RuleContext context) {
    EvidenceSearch<JsonObject> found = context.find(predicateType, authority, context.subject());
    RuleResult.Builder r = RuleResult.builder().ruleId(id).addAllEvidence(found.ids());
    List<String> stale = new ArrayList<>();
    for (Evidence<JsonObject> e : found.trusted()) {
      if (maxAge == null) {
        return r.outcome(RuleResult.Outcome.PASS)
            .message(
                "found "
                    + predicateType
                    + " about "
                    + context.subject()
                    + " signed by authority '"
                    + authority.name()
                    + "' "
                    + authority.signersOf(e.attestation()))
            .build();
      }
      Optional<Instant> time = AttestationTimes.of(e.attestation());
      if (time.isEmpty()) {
        stale.add(e.id() + " (records no time to judge its age by)");
      } else if (time.get().isAfter(context.time().plus(Rules.FUTURE_SKEW))) {
        stale.add(e.id() + " (dated " + time.get() + ", after the evaluation time)");
      } else if (time.get().plus(maxAge).isBefore(context.time())) {
        stale.add(e.id() + " (from " + time.get() + ", older than " + maxAge + ")");
      } else {
        return r.outcome(RuleResult.Outcome.PASS)
            .message(
                "found "
                    + predicateType
                    + " from "
                    + time.get()
                    + " (at most "
                    + maxAge
                    + " old) signed by authority '"
                    + authority.name()
                    + "'")
            .build();
      }
    }
    String message = found.describeMissing(context.subject().toString());
    if (!stale.isEmpty()) {
      message =
          message.replaceFirst("^no ", "no fresh ") + "; too old: " + String.join("; ", stale);
    }
    return r.outcome(RuleResult.Outcome.FAIL)
        .message(message)
        .remedy(
            "provide a "
                + predicateType
                + " attestation about this exact digest, signed by "
                + authority.threshold()
                + " of the keys of authority '"
                + authority.name()
                + "'"
                + (maxAge == null ? "" : ", at most " + maxAge + " old"))
        .build();
  }

  @Override
  public String toString() {
    return "AttestationRule[" + id + ", " + predicateType + ", " + authority.name() + "]";
  }
}
