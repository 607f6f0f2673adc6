package dev.ssc.api.audit;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One entry of the audit trail: who did what to which digest, where, on which decision, when.
 *
 * <p>ssc-core encodes events as canonical JSON, so an entry's bytes, and so its Merkle leaf hash,
 * are stable.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class AuditEvent {
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");

  /** An artifact was promoted into an environment. */
  public static final String PROMOTE = "promote";

  /** A promotion was refused. */
  public static final String PROMOTE_DENIED = "promote.denied";

  /** A policy decision was recorded. */
  public static final String DECIDE = "decide";

  /** A remediation was opened, progressed or closed. */
  public static final String REMEDIATE = "remediate";

  AuditEvent() {}

  /** The acting principal's id. */
  public abstract String actor();

  /** What happened: {@link #PROMOTE}, {@link #DECIDE}, ... or an organization's own action. */
  public abstract String action();

  /** The artifact concerned. */
  public abstract DigestSet subject();

  /** The environment concerned, if any. */
  public abstract Optional<String> environment();

  /** The sha256 of the decision record it rests on, if any. */
  public abstract Optional<Digest> decision();

  /** When it happened. */
  public abstract Instant time();

  /** Further facts, such as a ticket or a run id. */
  public abstract Map<String, String> details();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableAuditEvent.builder();
  }

  /** Builds an {@link AuditEvent}; actor, action, subject and time are required. */
  public interface Builder {
    /** Sets the actor. */
    @CanIgnoreReturnValue
    Builder actor(String actor);

    /** Sets the action. */
    @CanIgnoreReturnValue
    Builder action(String action);

    /** Sets the subject. */
    @CanIgnoreReturnValue
    Builder subject(DigestSet subject);

    /** Sets the environment. */
    @CanIgnoreReturnValue
    Builder environment(String environment);

    /** Sets the decision reference. */
    @CanIgnoreReturnValue
    Builder decision(Digest decision);

    /** Sets the time. */
    @CanIgnoreReturnValue
    Builder time(Instant time);

    /** Adds a detail. */
    @CanIgnoreReturnValue
    Builder putDetails(String key, String value);

    /**
     * Builds the event.
     *
     * @throws IllegalStateException if a required attribute is missing
     * @throws IllegalArgumentException if the actor is blank, the action is not dotted lowercase
     *     words, or the subject has no digest
     */
    AuditEvent build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (actor().isBlank()) {
      problems.add("actor must not be blank");
    }
    if (!ACTION.matcher(action()).matches()) {
      problems.add("action must be dotted lowercase words, got '" + action() + "'");
    }
    if (subject().isEmpty()) {
      problems.add("subject must have a digest");
    }
    Checks.throwIfAny("AuditEvent", problems);
  }
}
