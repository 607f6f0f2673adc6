package dev.ssc.api.policy;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.internal.SscStyle;
import dev.ssc.api.promotion.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything a policy may look at: the subject, verified evidence, the target environment, the
 * acting principal and the time of evaluation.
 *
 * <p>Evidence is {@link VerifiedAttestation} only, so unverified JSON cannot reach a decision. The
 * time is part of the input, never read from a clock inside the policy.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class PolicyInput {
  PolicyInput() {}

  /** The artifact being decided on, by digest. */
  public abstract DigestSet subject();

  /** The verified evidence available. */
  public abstract List<VerifiedAttestation> evidence();

  /** The environment the subject is to enter, if the decision is for a promotion. */
  public abstract Optional<Environment> environment();

  /** Who is acting, if anyone. */
  public abstract Optional<Principal> principal();

  /** The time at which to evaluate expiry and freshness. */
  public abstract Instant time();

  /** A new builder. */
  public static Builder builder() {
    return ImmutablePolicyInput.builder();
  }

  /** Builds a {@link PolicyInput}; subject and time are required. */
  public interface Builder {
    /** Sets the subject. */
    @CanIgnoreReturnValue
    Builder subject(DigestSet subject);

    /** Adds verified evidence. */
    @CanIgnoreReturnValue
    Builder addEvidence(VerifiedAttestation evidence);

    /** Adds verified evidence. */
    @CanIgnoreReturnValue
    Builder addAllEvidence(Iterable<? extends VerifiedAttestation> evidence);

    /** Sets the target environment. */
    @CanIgnoreReturnValue
    Builder environment(Environment environment);

    /** Sets the acting principal. */
    @CanIgnoreReturnValue
    Builder principal(Principal principal);

    /** Sets the evaluation time. */
    @CanIgnoreReturnValue
    Builder time(Instant time);

    /**
     * Builds the input.
     *
     * @throws IllegalStateException if subject or time is missing
     * @throws IllegalArgumentException if the subject has no digest accepted for matching
     */
    PolicyInput build();
  }

  @Value.Check
  void check() {
    if (!subject().hasAcceptedDigest()) {
      throw new IllegalArgumentException(
          "invalid PolicyInput: subject must hold a collision-resistant digest, got " + subject());
    }
  }
}
