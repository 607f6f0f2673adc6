package dev.ssc.api.loop;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A security advisory: a vulnerability, its severity and the package versions it affects, as OSV
 * describes them.
 *
 * <p>Which versions fall in a range is decided by the package ecosystem's version ordering, which
 * ssc-core implements per ecosystem; this type only carries the data.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Advisory {
  Advisory() {}

  /** The advisory id, e.g. {@code GHSA-jfh8-c2jp-5v3q}. */
  public abstract String id();

  /** Other ids for the same vulnerability, e.g. {@code CVE-2021-44228}. */
  public abstract Set<String> aliases();

  /** A one-line summary. */
  @Value.Default
  public String summary() {
    return "";
  }

  /** The severity; {@link Severity#UNKNOWN} if unrated. */
  @Value.Default
  public Severity severity() {
    return Severity.UNKNOWN;
  }

  /** When it was published. */
  public abstract Instant published();

  /** The affected packages. */
  public abstract List<AffectedPackage> affected();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableAdvisory.builder();
  }

  /** Builds an {@link Advisory}; id and publication time are required. */
  public interface Builder {
    /** Sets the id. */
    @CanIgnoreReturnValue
    Builder id(String id);

    /** Adds an alias. */
    @CanIgnoreReturnValue
    Builder addAliases(String alias);

    /** Sets the summary. */
    @CanIgnoreReturnValue
    Builder summary(String summary);

    /** Sets the severity. */
    @CanIgnoreReturnValue
    Builder severity(Severity severity);

    /** Sets the publication time. */
    @CanIgnoreReturnValue
    Builder published(Instant published);

    /** Adds an affected package. */
    @CanIgnoreReturnValue
    Builder addAffected(AffectedPackage affected);

    /**
     * Builds the advisory.
     *
     * @throws IllegalStateException if a required attribute is missing
     * @throws IllegalArgumentException if the id is blank or no package is affected
     */
    Advisory build();
  }

  /**
   * One affected package: its package URL without version, and the affected versions as explicit
   * versions and as ranges of the ecosystem's ordering.
   *
   * <p>Immutable and thread-safe.
   */
  @Value.Immutable
  @SscStyle
  public abstract static class AffectedPackage {
    AffectedPackage() {}

    /**
     * The package URL without version, e.g. {@code pkg:maven/org.apache.logging.log4j/log4j-core}.
     */
    public abstract String purl();

    /** Explicitly affected versions. */
    public abstract Set<String> versions();

    /** Affected ranges. */
    public abstract List<Range> ranges();

    /** A new builder. */
    public static Builder builder() {
      return ImmutableAffectedPackage.builder();
    }

    /** Builds an {@link AffectedPackage}; the purl is required. */
    public interface Builder {
      /** Sets the package URL, without version. */
      @CanIgnoreReturnValue
      Builder purl(String purl);

      /** Adds an affected version. */
      @CanIgnoreReturnValue
      Builder addVersions(String version);

      /** Adds an affected range. */
      @CanIgnoreReturnValue
      Builder addRanges(Range range);

      /**
       * Builds the affected package.
       *
       * @throws IllegalStateException if the purl is missing
       * @throws IllegalArgumentException if the purl is invalid or carries a version, or neither
       *     versions nor ranges are given
       */
      AffectedPackage build();
    }

    @Value.Check
    void check() {
      List<String> problems = new ArrayList<>();
      Purls.check(problems, "purl", purl());
      if (purl().indexOf('@') >= 0) {
        problems.add("purl must not carry a version, got '" + purl() + "'");
      }
      if (versions().isEmpty() && ranges().isEmpty()) {
        problems.add("at least one affected version or range is required");
      }
      Checks.throwIfAny("AffectedPackage", problems);
    }
  }

  /**
   * A range of affected versions: from {@link #introduced()} (inclusive; {@code 0} means from the
   * beginning) up to {@link #fixed()} (exclusive) or {@link #lastAffected()} (inclusive), or
   * unbounded if neither is set.
   *
   * <p>Immutable and thread-safe.
   */
  @Value.Immutable
  @SscStyle
  public abstract static class Range {
    Range() {}

    /** The first affected version, or {@code 0}. */
    public abstract String introduced();

    /** The first fixed version. */
    public abstract Optional<String> fixed();

    /** The last affected version. */
    public abstract Optional<String> lastAffected();

    /** Affected from {@code introduced} until {@code fixed}. */
    public static Range of(String introduced, String fixed) {
      return ImmutableRange.builder().introduced(introduced).fixed(fixed).build();
    }

    /** Affected from {@code introduced} on, with no fix yet. */
    public static Range from(String introduced) {
      return ImmutableRange.builder().introduced(introduced).build();
    }

    @Value.Check
    void check() {
      List<String> problems = new ArrayList<>();
      if (introduced().isBlank()) {
        problems.add("introduced must not be blank");
      }
      if (fixed().isPresent() && lastAffected().isPresent()) {
        problems.add("at most one of fixed and lastAffected may be set");
      }
      Checks.throwIfAny("Range", problems);
    }
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (id().isBlank()) {
      problems.add("id must not be blank");
    }
    if (affected().isEmpty()) {
      problems.add("affected must list at least one package");
    }
    Checks.throwIfAny("Advisory", problems);
  }
}
