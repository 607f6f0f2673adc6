package dev.ssc.attest.predicate;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * An OpenVEX v0.2.0 document ({@value #URI}) carried as an in-toto predicate: statements about
 * whether vulnerabilities affect products.
 *
 * <p>VEX is a sequence of statements in time, each overriding the earlier ones: {@link
 * #statementFor} picks the latest statement that applies. A policy uses it to suppress a
 * vulnerability finding, for example when the latest applicable statement is {@link
 * VexStatement.Status#NOT_AFFECTED} or {@link VexStatement.Status#FIXED}.
 *
 * <pre>{@code
 * OpenVex vex = registry.decode(attestation).as(OpenVex.PREDICATE).orElseThrow();
 * boolean suppressed = vex.statementFor("CVE-2021-44228", artifact, null,
 *         attestation.statement().subjects())
 *     .map(s -> s.status() == VexStatement.Status.NOT_AFFECTED)
 *     .orElse(false);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class OpenVex {
  /** The predicate type URI, which is also the document's {@code @context}. */
  public static final String URI = "https://openvex.dev/ns/v0.2.0";

  /** The predicate type, for {@link PredicateRegistry} and {@link Predicate#as}. */
  public static final PredicateType<OpenVex> PREDICATE = new OpenVexType();

  OpenVex() {}

  /** {@code @id}: the IRI identifying the document. */
  public abstract String id();

  /** {@code author}: the individual or organization that wrote the document. */
  public abstract String author();

  /** {@code role}: the author's role. */
  public abstract Optional<String> role();

  /** {@code timestamp}: when the document was issued; statements without one inherit it. */
  public abstract Instant timestamp();

  /** {@code last_updated}. */
  public abstract Optional<Instant> lastUpdated();

  /** {@code version}: the document version, at least 1. */
  public abstract int version();

  /** {@code tooling}: how the document was generated. */
  public abstract Optional<String> tooling();

  /** {@code statements}, in document order; at least one. */
  public abstract List<VexStatement> statements();

  /** The effective timestamp of {@code statement}: its own, else the document's. */
  public Instant timestampOf(VexStatement statement) {
    requireNonNull(statement, "statement");
    return statement.timestamp().orElse(timestamp());
  }

  /**
   * The latest statement of this document about {@code vulnerabilityId} that lists the product
   * {@code product} (or {@code purl}), read as a standalone document.
   *
   * <p>A statement is about the vulnerability when its name or one of its aliases equals {@code
   * vulnerabilityId} ({@link VexStatement#isAbout}); it lists the product when one of its products
   * has hashes that {@linkplain DigestSet#matches match} {@code product}, or is named by {@code
   * purl} exactly ({@link VexComponent#isNamedBy}). A statement without products matches nothing
   * here, since its products would cascade from an encapsulating document: use {@link
   * #statementFor(String, DigestSet, String, Collection)} for an attestation. Of the matching
   * statements the one with the latest {@linkplain #timestampOf effective timestamp} wins; of
   * several with that timestamp, the last in document order.
   *
   * @param purl the product's package URL, or null to match by digest only. A purl names a package
   *     version, not bytes: matching by purl trusts the author about which bytes it means.
   */
  public Optional<VexStatement> statementFor(
      String vulnerabilityId, DigestSet product, @Nullable String purl) {
    requireNonNull(vulnerabilityId, "vulnerabilityId");
    requireNonNull(product, "product");
    return latest(vulnerabilityId, s -> s.lists(product, purl));
  }

  /**
   * The latest statement of this document about {@code vulnerabilityId} that applies to {@code
   * product}, when the document is the predicate of an attestation with {@code subjects}.
   *
   * <p>Following OpenVEX {@code ATTESTING.md}, nothing applies unless {@code product}'s digests
   * {@linkplain DigestSet#matches match} one of the subjects (the digests the signature covers).
   * Then a statement without products applies (its products cascade from the subjects), and a
   * statement with products applies when it lists {@code product} as in {@link
   * #statementFor(String, DigestSet, String)}. The latest applicable statement wins, as there.
   */
  public Optional<VexStatement> statementFor(
      String vulnerabilityId,
      DigestSet product,
      @Nullable String purl,
      Collection<ResourceDescriptor> subjects) {
    requireNonNull(vulnerabilityId, "vulnerabilityId");
    requireNonNull(product, "product");
    requireNonNull(subjects, "subjects");
    if (subjects.stream().noneMatch(s -> s.digest().matches(product))) {
      return Optional.empty();
    }
    return latest(vulnerabilityId, s -> s.products().isEmpty() || s.lists(product, purl));
  }

  private Optional<VexStatement> latest(
      String vulnerabilityId, java.util.function.Predicate<VexStatement> applies) {
    VexStatement best = null;
    Instant bestTime = null;
    for (VexStatement s : statements()) {
      if (!s.isAbout(vulnerabilityId) || !applies.test(s)) {
        continue;
      }
      Instant t = timestampOf(s);
      if (bestTime == null || !t.isBefore(bestTime)) {
        best = s;
        bestTime = t;
      }
    }
    return Optional.ofNullable(best);
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableOpenVex.builder();
  }

  /** Builds an {@link OpenVex}; id, author, timestamp, version and a statement are required. */
  public interface Builder {
    /** Sets the {@code @id}. */
    @CanIgnoreReturnValue
    Builder id(String id);

    /** Sets the author. */
    @CanIgnoreReturnValue
    Builder author(String author);

    /** Sets the author's role. */
    @CanIgnoreReturnValue
    Builder role(String role);

    /** Sets when the document was issued. */
    @CanIgnoreReturnValue
    Builder timestamp(Instant timestamp);

    /** Sets when the document was last updated. */
    @CanIgnoreReturnValue
    Builder lastUpdated(Instant lastUpdated);

    /** Sets the document version. */
    @CanIgnoreReturnValue
    Builder version(int version);

    /** Sets the tooling. */
    @CanIgnoreReturnValue
    Builder tooling(String tooling);

    /** Adds a statement. */
    @CanIgnoreReturnValue
    Builder addStatements(VexStatement statement);

    /** Adds statements. */
    @CanIgnoreReturnValue
    Builder addAllStatements(Iterable<? extends VexStatement> statements);

    /**
     * Builds the document.
     *
     * @throws IllegalStateException if id, author, timestamp or version is missing
     * @throws IllegalArgumentException if id or author is empty, the version is below 1, or there
     *     is no statement or one repeats
     */
    OpenVex build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    VexComponent.nonEmpty(problems, "@id", id());
    VexComponent.nonEmpty(problems, "author", author());
    if (version() < 1) {
      problems.add("version must be at least 1, got " + version());
    }
    if (statements().isEmpty()) {
      problems.add("statements must not be empty");
    }
    if (new HashSet<>(statements()).size() != statements().size()) {
      problems.add("statements must be unique");
    }
    Checks.throwIfAny("OpenVex", problems);
  }
}
