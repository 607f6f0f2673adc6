package dev.ssc.attest.predicate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a policy needs to know of one package in an SBOM: an SPDX package or a CycloneDX component.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class SbomComponent {
  SbomComponent() {}

  /** The package name. */
  public abstract String name();

  /** The version, if the SBOM states one. */
  public abstract Optional<String> version();

  /** The package URL, such as {@code pkg:maven/org.slf4j/slf4j-api@2.0.17}, if the SBOM has one. */
  public abstract Optional<String> purl();

  /**
   * The license ids or expressions the SBOM states (SPDX: concluded, then declared; CycloneDX: ids,
   * names or expressions); {@code NOASSERTION} and {@code NONE} are left out.
   */
  public abstract List<String> licenses();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableSbomComponent.builder();
  }

  /** Builds an {@link SbomComponent}; the name is required. */
  public interface Builder {
    /** Sets the name. */
    @CanIgnoreReturnValue
    Builder name(String name);

    /** Sets the version. */
    @CanIgnoreReturnValue
    Builder version(String version);

    /** Sets the package URL. */
    @CanIgnoreReturnValue
    Builder purl(String purl);

    /** Adds a license. */
    @CanIgnoreReturnValue
    Builder addLicenses(String license);

    /**
     * Builds the component.
     *
     * @throws IllegalStateException if the name is missing
     * @throws IllegalArgumentException if the name is empty or the purl does not start with {@code
     *     pkg:}
     */
    SbomComponent build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (name().isEmpty()) {
      problems.add("name must not be empty");
    }
    if (purl().isPresent() && !purl().get().startsWith("pkg:")) {
      problems.add("purl must start with 'pkg:'");
    }
    Checks.throwIfAny("SbomComponent", problems);
  }
}
