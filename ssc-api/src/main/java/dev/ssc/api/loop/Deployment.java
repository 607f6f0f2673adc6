package dev.ssc.api.loop;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * An artifact running in an environment, with its components: what the closed loop searches when an
 * advisory arrives.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Deployment {
  Deployment() {}

  /** The application, e.g. {@code acme-web}. */
  public abstract String application();

  /** The environment, e.g. {@code production}. */
  public abstract String environment();

  /** The deployed artifact, pinned by digest. */
  public abstract Artifact artifact();

  /** The components inside the artifact, from its SBOM. */
  public abstract List<Component> components();

  /** When it was deployed. */
  public abstract Instant deployedAt();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableDeployment.builder();
  }

  /** Builds a {@link Deployment}; all but the components are required. */
  public interface Builder {
    /** Sets the application. */
    @CanIgnoreReturnValue
    Builder application(String application);

    /** Sets the environment. */
    @CanIgnoreReturnValue
    Builder environment(String environment);

    /** Sets the artifact. */
    @CanIgnoreReturnValue
    Builder artifact(Artifact artifact);

    /** Adds a component. */
    @CanIgnoreReturnValue
    Builder addComponents(Component component);

    /** Adds components. */
    @CanIgnoreReturnValue
    Builder addAllComponents(Iterable<? extends Component> components);

    /** Sets the deployment time. */
    @CanIgnoreReturnValue
    Builder deployedAt(Instant deployedAt);

    /**
     * Builds the deployment.
     *
     * @throws IllegalStateException if a required attribute is missing
     * @throws IllegalArgumentException if application or environment is blank
     */
    Deployment build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (application().isBlank()) {
      problems.add("application must not be blank");
    }
    if (environment().isBlank()) {
      problems.add("environment must not be blank");
    }
    Checks.throwIfAny("Deployment", problems);
  }
}
