package dev.ssc.api.promotion;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.identity.Role;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A place artifacts are deployed to, such as {@code staging} or {@code production}.
 *
 * <p>An environment names the roles that may promote into it and, optionally, the environment an
 * artifact must have passed first: production takes only the digests staging took (DESIGN invariant
 * 10), proven by evidence rather than by a matching tag.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Environment {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  Environment() {}

  /** The name, e.g. {@code production}. */
  public abstract String name();

  /** The environment whose promotion of the same digest must come first, if any. */
  public abstract Optional<String> requiresPassed();

  /** The roles that may promote into this environment; at least one. */
  public abstract Set<Role> promoters();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableEnvironment.builder();
  }

  /** Builds an {@link Environment}; the name and at least one promoter role are required. */
  public interface Builder {
    /** Sets the name. */
    @CanIgnoreReturnValue
    Builder name(String name);

    /** Sets the environment that must have taken the digest first. */
    @CanIgnoreReturnValue
    Builder requiresPassed(String environment);

    /** Adds a role that may promote. */
    @CanIgnoreReturnValue
    Builder addPromoters(Role role);

    /** Adds roles that may promote. */
    @CanIgnoreReturnValue
    Builder addPromoters(Role... roles);

    /**
     * Builds the environment.
     *
     * @throws IllegalStateException if the name is missing
     * @throws IllegalArgumentException if a name is invalid, no role may promote, or the
     *     environment requires itself
     */
    Environment build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (!NAME.matcher(name()).matches()) {
      problems.add("name must be lowercase letters, digits and dashes, got '" + name() + "'");
    }
    requiresPassed()
        .ifPresent(
            r -> {
              if (!NAME.matcher(r).matches()) {
                problems.add("requiresPassed must be an environment name, got '" + r + "'");
              } else if (r.equals(name())) {
                problems.add("an environment cannot require itself");
              }
            });
    if (promoters().isEmpty()) {
      problems.add("promoters must name at least one role (default deny: nobody is implied)");
    }
    Checks.throwIfAny("Environment", problems);
  }
}
