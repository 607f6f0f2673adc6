package dev.ssc.api;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One reason behind a verdict: a stable machine-readable code, a message for humans, where it was
 * found, and the evidence it concerns.
 *
 * <p>Codes are dotted lowercase words such as {@code dsse.signature.untrusted-key}; tools and
 * scripts may depend on them, so a code never changes meaning. Messages say what was expected and
 * what was found, never key material or whole payloads.
 *
 * <p>Immutable and thread-safe. Create with {@link #of} or {@link #builder()}.
 */
@Value.Immutable
@SscStyle
public abstract class Finding {
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

  Finding() {}

  /** How much a finding weighs. */
  public enum Level {
    /** A check failed; the verdict is {@link Verdict#DENY}. */
    FAILURE,
    /** Worth attention but does not change the verdict. */
    WARNING,
    /** Information, such as a check that was skipped on purpose. */
    NOTE
  }

  /** The stable code, e.g. {@code dsse.threshold.unmet}. */
  public abstract String code();

  /** What was expected and what was found, for humans. */
  public abstract String message();

  /** The weight of this finding; {@link Level#FAILURE} unless set. */
  @Value.Default
  public Level level() {
    return Level.FAILURE;
  }

  /** Where it was found: a file, a JSON pointer, a rule id, a signature index. */
  public abstract Optional<String> location();

  /** The evidence this finding is about, by the sha256 of its bytes. */
  public abstract Optional<Digest> evidence();

  /** A failure with {@code code} and {@code message}. */
  public static Finding of(String code, String message) {
    return builder().code(code).message(message).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableFinding.builder();
  }

  /** Builds a {@link Finding}; {@code code} and {@code message} are required. */
  public interface Builder {
    /** Sets the stable code. */
    @CanIgnoreReturnValue
    Builder code(String code);

    /** Sets the message. */
    @CanIgnoreReturnValue
    Builder message(String message);

    /** Sets the level. */
    @CanIgnoreReturnValue
    Builder level(Level level);

    /** Sets where it was found. */
    @CanIgnoreReturnValue
    Builder location(String location);

    /** Sets the evidence it concerns. */
    @CanIgnoreReturnValue
    Builder evidence(Digest evidence);

    /**
     * Builds the finding.
     *
     * @throws IllegalStateException if a required attribute is missing
     * @throws IllegalArgumentException if the code is not dotted lowercase words or the message is
     *     blank
     */
    Finding build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (!CODE.matcher(code()).matches()) {
      problems.add(
          "code must be dotted lowercase words like 'dsse.threshold.unmet', got '" + code() + "'");
    }
    if (message().isBlank()) {
      problems.add("message must not be blank");
    }
    Checks.throwIfAny("Finding", problems);
  }
}
