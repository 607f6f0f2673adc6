package dev.ssc.api.attestation;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import dev.ssc.api.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * An in-toto Statement v1: a claim ({@link #predicate()} of type {@link #predicateType()}) about
 * one or more subjects, each identified by digest.
 *
 * <p>A statement says nothing until it is signed in an {@link Envelope} and verified into a {@link
 * VerifiedAttestation}. The predicate is carried as JSON; typed views (SLSA provenance, test
 * results, reviews) live in ssc-attest.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Statement {
  /** The {@code _type} of an in-toto Statement v1. */
  public static final String TYPE = "https://in-toto.io/Statement/v1";

  /**
   * The legacy {@code _type} of in-toto Statement v0.1, which the in-toto reference validators
   * still accept for v1 statements and which SLSA generators still emit.
   */
  public static final String LEGACY_TYPE = "https://in-toto.io/Statement/v0.1";

  Statement() {}

  /**
   * The statement's {@code _type}: {@value #TYPE} unless it was decoded as the legacy {@value
   * #LEGACY_TYPE}, kept so that encoding does not silently change it.
   */
  @Value.Default
  public String type() {
    return TYPE;
  }

  /** What the statement is about; never empty, each with at least one digest. */
  public abstract List<ResourceDescriptor> subjects();

  /** The URI that names the predicate's schema, e.g. {@code https://slsa.dev/provenance/v1}. */
  public abstract String predicateType();

  /** The claim, as JSON. */
  @Value.Default
  public JsonObject predicate() {
    return JsonObject.empty();
  }

  /** Whether some subject's digest {@linkplain DigestSet#matches matches} {@code digest}. */
  public boolean isAbout(DigestSet digest) {
    for (ResourceDescriptor s : subjects()) {
      if (s.digest().matches(digest)) {
        return true;
      }
    }
    return false;
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableStatement.builder();
  }

  /** Builds a {@link Statement}; at least one subject and the predicate type are required. */
  public interface Builder {
    /** Adds a subject. */
    @CanIgnoreReturnValue
    Builder addSubjects(ResourceDescriptor subject);

    /** Adds subjects. */
    @CanIgnoreReturnValue
    Builder addAllSubjects(Iterable<? extends ResourceDescriptor> subjects);

    /** Sets the {@code _type}; {@value Statement#TYPE} unless set. */
    @CanIgnoreReturnValue
    Builder type(String type);

    /** Sets the predicate type. */
    @CanIgnoreReturnValue
    Builder predicateType(String predicateType);

    /** Sets the predicate. */
    @CanIgnoreReturnValue
    Builder predicate(JsonObject predicate);

    /**
     * Builds the statement.
     *
     * @throws IllegalStateException if the predicate type is missing
     * @throws IllegalArgumentException if there is no subject, a subject has no digest, the
     *     predicate type is empty, or the type is neither {@value Statement#TYPE} nor {@value
     *     Statement#LEGACY_TYPE}
     */
    Statement build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (subjects().isEmpty()) {
      problems.add("subject must not be empty");
    }
    for (int i = 0; i < subjects().size(); i++) {
      if (subjects().get(i).digest().isEmpty()) {
        problems.add("subject[" + i + "] must have a digest");
      }
    }
    if (!type().equals(TYPE) && !type().equals(LEGACY_TYPE)) {
      problems.add("type must be '" + TYPE + "' or '" + LEGACY_TYPE + "', got '" + type() + "'");
    }
    if (predicateType().isEmpty()) {
      problems.add("predicateType must not be empty");
    }
    Checks.throwIfAny("Statement", problems);
  }
}
