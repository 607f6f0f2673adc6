package dev.ssc.attest.predicate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import dev.ssc.api.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * SLSA Provenance v1 ({@value #URI}): how an artifact was built, by which builder, from what.
 *
 * <p>The JSON nests {@code buildDefinition} and {@code runDetails}; this view flattens them, and
 * each accessor names the JSON member it comes from. {@code externalParameters}, {@code
 * internalParameters} and the builder version stay JSON, as the builder type defines them. Members
 * the specification does not define are not kept in the typed view (the statement still has them).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class SlsaProvenance {
  /** The predicate type URI. */
  public static final String URI = "https://slsa.dev/provenance/v1";

  /** The predicate type, for {@link PredicateRegistry} and {@link Predicate#as}. */
  public static final PredicateType<SlsaProvenance> PREDICATE = new SlsaProvenanceType();

  SlsaProvenance() {}

  /** {@code buildDefinition.buildType}: the URI of the build's template. */
  public abstract String buildType();

  /** {@code buildDefinition.externalParameters}: the inputs the build's caller controls. */
  public abstract JsonObject externalParameters();

  /** {@code buildDefinition.internalParameters}: the builder's own parameters; empty if absent. */
  @Value.Default
  public JsonObject internalParameters() {
    return JsonObject.empty();
  }

  /**
   * {@code buildDefinition.resolvedDependencies}: the artifacts the build used, such as sources.
   */
  public abstract List<ResourceDescriptor> resolvedDependencies();

  /** {@code runDetails.builder.id}: the URI of the build platform, the root of trust. */
  public abstract String builderId();

  /** {@code runDetails.builder.version}: component name to version. */
  public abstract Map<String, String> builderVersion();

  /** {@code runDetails.builder.builderDependencies}. */
  public abstract List<ResourceDescriptor> builderDependencies();

  /** {@code runDetails.metadata.invocationId}. */
  public abstract Optional<String> invocationId();

  /** {@code runDetails.metadata.startedOn}. */
  public abstract Optional<Instant> startedOn();

  /** {@code runDetails.metadata.finishedOn}. */
  public abstract Optional<Instant> finishedOn();

  /** {@code runDetails.byproducts}: other artifacts the build produced, such as logs. */
  public abstract List<ResourceDescriptor> byproducts();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableSlsaProvenance.builder();
  }

  /**
   * Builds an {@link SlsaProvenance}; build type, external parameters and builder id are required.
   */
  public interface Builder {
    /** Sets the build type. */
    @CanIgnoreReturnValue
    Builder buildType(String buildType);

    /** Sets the external parameters. */
    @CanIgnoreReturnValue
    Builder externalParameters(JsonObject externalParameters);

    /** Sets the internal parameters. */
    @CanIgnoreReturnValue
    Builder internalParameters(JsonObject internalParameters);

    /** Adds a resolved dependency. */
    @CanIgnoreReturnValue
    Builder addResolvedDependencies(ResourceDescriptor dependency);

    /** Adds resolved dependencies. */
    @CanIgnoreReturnValue
    Builder addAllResolvedDependencies(Iterable<? extends ResourceDescriptor> dependencies);

    /** Sets the builder id. */
    @CanIgnoreReturnValue
    Builder builderId(String builderId);

    /** Adds a builder component version. */
    @CanIgnoreReturnValue
    Builder putBuilderVersion(String component, String version);

    /** Adds builder component versions. */
    @CanIgnoreReturnValue
    Builder putAllBuilderVersion(Map<String, ? extends String> versions);

    /** Adds a builder dependency. */
    @CanIgnoreReturnValue
    Builder addBuilderDependencies(ResourceDescriptor dependency);

    /** Adds builder dependencies. */
    @CanIgnoreReturnValue
    Builder addAllBuilderDependencies(Iterable<? extends ResourceDescriptor> dependencies);

    /** Sets the invocation id. */
    @CanIgnoreReturnValue
    Builder invocationId(String invocationId);

    /** Sets when the build started. */
    @CanIgnoreReturnValue
    Builder startedOn(Instant startedOn);

    /** Sets when the build finished. */
    @CanIgnoreReturnValue
    Builder finishedOn(Instant finishedOn);

    /** Adds a byproduct. */
    @CanIgnoreReturnValue
    Builder addByproducts(ResourceDescriptor byproduct);

    /** Adds byproducts. */
    @CanIgnoreReturnValue
    Builder addAllByproducts(Iterable<? extends ResourceDescriptor> byproducts);

    /**
     * Builds the provenance.
     *
     * @throws IllegalStateException if build type, external parameters or builder id is missing
     * @throws IllegalArgumentException if build type or builder id is empty, the external
     *     parameters are empty, or the build finished before it started
     */
    SlsaProvenance build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (buildType().isEmpty()) {
      problems.add("buildType must not be empty");
    }
    if (externalParameters().members().isEmpty()) {
      problems.add("externalParameters must not be empty");
    }
    if (builderId().isEmpty()) {
      problems.add("builderId must not be empty");
    }
    if (startedOn().isPresent()
        && finishedOn().isPresent()
        && finishedOn().get().isBefore(startedOn().get())) {
      problems.add("finishedOn must not be before startedOn");
    }
    Checks.throwIfAny("SlsaProvenance", problems);
  }
}
