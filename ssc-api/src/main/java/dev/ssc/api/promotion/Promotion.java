package dev.ssc.api.promotion;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.internal.SscStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A completed promotion: an artifact entered an environment, on a decision, by an actor.
 *
 * <p>Promotion is the only way into an environment, and it is ordered (DESIGN invariant 9):
 * decision, role check, audit entry made durable, then environment state updated. A {@code
 * Promotion} exists only after its audit entry does.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Promotion {
  Promotion() {}

  /** What was promoted, pinned by digest. */
  public abstract Artifact artifact();

  /** The environment it entered. */
  public abstract String environment();

  /** Who promoted it. */
  public abstract Principal actor();

  /** The sha256 of the allowing decision record. */
  public abstract Digest decision();

  /** The index of the promotion's entry in the audit log. */
  public abstract long auditIndex();

  /** When it was promoted. */
  public abstract Instant promotedAt();

  /** A new builder. */
  public static Builder builder() {
    return ImmutablePromotion.builder();
  }

  /** Builds a {@link Promotion}; every attribute is required. */
  public interface Builder {
    /** Sets the artifact. */
    @CanIgnoreReturnValue
    Builder artifact(Artifact artifact);

    /** Sets the environment. */
    @CanIgnoreReturnValue
    Builder environment(String environment);

    /** Sets the actor. */
    @CanIgnoreReturnValue
    Builder actor(Principal actor);

    /** Sets the decision reference. */
    @CanIgnoreReturnValue
    Builder decision(Digest decision);

    /** Sets the audit log index. */
    @CanIgnoreReturnValue
    Builder auditIndex(long auditIndex);

    /** Sets the time. */
    @CanIgnoreReturnValue
    Builder promotedAt(Instant promotedAt);

    /**
     * Builds the promotion.
     *
     * @throws IllegalStateException if an attribute is missing
     * @throws IllegalArgumentException if the audit index is negative
     */
    Promotion build();
  }

  @Value.Check
  void check() {
    if (auditIndex() < 0) {
      throw new IllegalArgumentException(
          "invalid Promotion: auditIndex must be >= 0, got " + auditIndex());
    }
  }
}
