package dev.ssc.api.policy;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Verdict;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.SscStyle;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A policy's decision about one subject, with the result of every rule.
 *
 * <p>The {@link #verdict()} is derived, never set: {@link Verdict#ALLOW} only when there is at
 * least one result, at least one result passed, and no result {@linkplain RuleResult#denies()
 * denies}. An empty decision denies (DESIGN invariant 7).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Decision {
  Decision() {}

  /** The id of the policy that decided. */
  public abstract String policyId();

  /** The subject decided on. */
  public abstract DigestSet subject();

  /** The evaluation time given in the input. */
  public abstract Instant evaluatedAt();

  /** The result of every rule, in policy order. */
  public abstract List<RuleResult> results();

  /** The verdict, derived from the results. */
  @Value.Derived
  public Verdict verdict() {
    boolean anyPass = false;
    for (RuleResult r : results()) {
      if (r.denies()) {
        return Verdict.DENY;
      }
      anyPass |= r.outcome() == RuleResult.Outcome.PASS;
    }
    return anyPass ? Verdict.ALLOW : Verdict.DENY;
  }

  /** Every evidence id any rule used, in order of first use. */
  public Set<Digest> evidence() {
    Set<Digest> all = new LinkedHashSet<>();
    collect(results(), all);
    return all;
  }

  private static void collect(List<RuleResult> results, Set<Digest> into) {
    for (RuleResult r : results) {
      into.addAll(r.evidence());
      collect(r.children(), into);
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableDecision.builder();
  }

  /** Builds a {@link Decision}; policy id, subject and time are required. */
  public interface Builder {
    /** Sets the policy id. */
    @CanIgnoreReturnValue
    Builder policyId(String policyId);

    /** Sets the subject. */
    @CanIgnoreReturnValue
    Builder subject(DigestSet subject);

    /** Sets the evaluation time. */
    @CanIgnoreReturnValue
    Builder evaluatedAt(Instant evaluatedAt);

    /** Adds a rule result. */
    @CanIgnoreReturnValue
    Builder addResults(RuleResult result);

    /** Adds rule results. */
    @CanIgnoreReturnValue
    Builder addAllResults(Iterable<? extends RuleResult> results);

    /**
     * Builds the decision.
     *
     * @throws IllegalStateException if a required attribute is missing
     */
    Decision build();
  }
}
