package dev.ssc.api.loop;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A software component inside a deployed artifact, as an SBOM lists it: a package URL, and where
 * known its digest and license.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Component {
  Component() {}

  /**
   * The package URL with version, e.g. {@code
   * pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1}.
   */
  public abstract String purl();

  /** The component's digests, if known. */
  @Value.Default
  public DigestSet digest() {
    return DigestSet.empty();
  }

  /** The SPDX license expression, if known. */
  public abstract Optional<String> license();

  /** A component identified by {@code purl}. */
  public static Component of(String purl) {
    return builder().purl(purl).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableComponent.builder();
  }

  /** Builds a {@link Component}; the purl is required. */
  public interface Builder {
    /** Sets the package URL. */
    @CanIgnoreReturnValue
    Builder purl(String purl);

    /** Sets the digests. */
    @CanIgnoreReturnValue
    Builder digest(DigestSet digest);

    /** Sets the SPDX license expression. */
    @CanIgnoreReturnValue
    Builder license(String license);

    /**
     * Builds the component.
     *
     * @throws IllegalStateException if the purl is missing
     * @throws IllegalArgumentException if the purl is not a package URL
     */
    Component build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    Purls.check(problems, "purl", purl());
    Checks.throwIfAny("Component", problems);
  }
}
