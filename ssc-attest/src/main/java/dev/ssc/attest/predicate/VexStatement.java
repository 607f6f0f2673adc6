package dev.ssc.attest.predicate;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One statement of an {@link OpenVex} document: the {@link #status()} of one vulnerability in the
 * listed {@link #products()}.
 *
 * <p>The specification's MUSTs are checked: a {@link Status#NOT_AFFECTED} statement has a {@link
 * #justification()} or an {@link #impactStatement()}, and an {@link Status#AFFECTED} one has an
 * {@link #actionStatement()}. {@link #products()} may be empty: in an attestation the products then
 * cascade from the statement's subjects (OpenVEX {@code ATTESTING.md}). A missing {@link
 * #timestamp()} cascades from the document ({@link OpenVex#timestampOf}).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class VexStatement {
  /** {@code status}: the vulnerability's relation to the products. */
  public enum Status {
    /** {@code not_affected}: no remediation is required. */
    NOT_AFFECTED,
    /** {@code affected}: actions are recommended to remediate or address the vulnerability. */
    AFFECTED,
    /** {@code fixed}: these product versions contain a fix. */
    FIXED,
    /** {@code under_investigation}: not yet known whether the products are affected. */
    UNDER_INVESTIGATION;

    /** The OpenVEX label, such as {@code not_affected}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code justification}: why a product is {@link Status#NOT_AFFECTED}. */
  public enum Justification {
    /** {@code component_not_present}: the vulnerable component is not included. */
    COMPONENT_NOT_PRESENT,
    /** {@code vulnerable_code_not_present}: the component is, its vulnerable code is not. */
    VULNERABLE_CODE_NOT_PRESENT,
    /** {@code vulnerable_code_not_in_execute_path}: the vulnerable code is never executed. */
    VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
    /** {@code vulnerable_code_cannot_be_controlled_by_adversary}: an attacker cannot reach it. */
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY,
    /** {@code inline_mitigations_already_exist}: built-in protections prevent exploitation. */
    INLINE_MITIGATIONS_ALREADY_EXIST;

    /** The OpenVEX label, such as {@code component_not_present}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  VexStatement() {}

  /** {@code @id}: the IRI identifying the statement. */
  public abstract Optional<String> id();

  /** {@code version}: the statement's version, at least 1. */
  public abstract OptionalInt version();

  /** {@code vulnerability.@id}: the IRI identifying the vulnerability. */
  public abstract Optional<String> vulnerabilityIri();

  /** {@code vulnerability.name}: the vulnerability's main identifier, such as a CVE id. */
  public abstract String vulnerabilityName();

  /** {@code vulnerability.description}. */
  public abstract Optional<String> vulnerabilityDescription();

  /** {@code vulnerability.aliases}: other identifiers of the vulnerability, such as GHSA ids. */
  public abstract List<String> vulnerabilityAliases();

  /** {@code timestamp}: when the statement was known to be true; else the document's. */
  public abstract Optional<Instant> timestamp();

  /** {@code last_updated}. */
  public abstract Optional<Instant> lastUpdated();

  /** {@code products}: what the statement is about; empty when they cascade from the subjects. */
  public abstract List<VexComponent> products();

  /** {@code status}. */
  public abstract Status status();

  /** {@code supplier}. */
  public abstract Optional<String> supplier();

  /** {@code status_notes}: how the status was determined. */
  public abstract Optional<String> statusNotes();

  /** {@code justification}: the machine-readable reason for {@link Status#NOT_AFFECTED}. */
  public abstract Optional<Justification> justification();

  /** {@code impact_statement}: free text on why the products are not affected. */
  public abstract Optional<String> impactStatement();

  /**
   * {@code action_statement}: how to remediate or mitigate; required for {@link Status#AFFECTED}.
   */
  public abstract Optional<String> actionStatement();

  /** {@code action_statement_timestamp}. */
  public abstract Optional<Instant> actionStatementTimestamp();

  /**
   * Whether the statement is about {@code vulnerabilityId}: it equals {@link #vulnerabilityName()}
   * or one of {@link #vulnerabilityAliases()} exactly (case-sensitive).
   */
  public boolean isAbout(String vulnerabilityId) {
    requireNonNull(vulnerabilityId, "vulnerabilityId");
    return vulnerabilityName().equals(vulnerabilityId)
        || vulnerabilityAliases().contains(vulnerabilityId);
  }

  /**
   * Whether one of {@link #products()} is the given product: its hashes {@linkplain
   * VexComponent#isIdentifiedBy match} {@code digests}, or {@code purl} {@linkplain
   * VexComponent#isNamedBy names} it. A statement without products lists none, so this is false;
   * subcomponents are not products.
   */
  public boolean lists(DigestSet digests, @Nullable String purl) {
    requireNonNull(digests, "digests");
    for (VexComponent p : products()) {
      if (p.isIdentifiedBy(digests) || p.isNamedBy(purl)) {
        return true;
      }
    }
    return false;
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableVexStatement.builder();
  }

  /** Builds a {@link VexStatement}; vulnerability name and status are required. */
  public interface Builder {
    /** Sets the {@code @id}. */
    @CanIgnoreReturnValue
    Builder id(String id);

    /** Sets the version. */
    @CanIgnoreReturnValue
    Builder version(int version);

    /** Sets the vulnerability's {@code @id}. */
    @CanIgnoreReturnValue
    Builder vulnerabilityIri(String iri);

    /** Sets the vulnerability name. */
    @CanIgnoreReturnValue
    Builder vulnerabilityName(String name);

    /** Sets the vulnerability description. */
    @CanIgnoreReturnValue
    Builder vulnerabilityDescription(String description);

    /** Adds an alias. */
    @CanIgnoreReturnValue
    Builder addVulnerabilityAliases(String alias);

    /** Adds aliases. */
    @CanIgnoreReturnValue
    Builder addAllVulnerabilityAliases(Iterable<String> aliases);

    /** Sets the timestamp. */
    @CanIgnoreReturnValue
    Builder timestamp(Instant timestamp);

    /** Sets when the statement was last updated. */
    @CanIgnoreReturnValue
    Builder lastUpdated(Instant lastUpdated);

    /** Adds a product. */
    @CanIgnoreReturnValue
    Builder addProducts(VexComponent product);

    /** Adds products. */
    @CanIgnoreReturnValue
    Builder addAllProducts(Iterable<? extends VexComponent> products);

    /** Sets the status. */
    @CanIgnoreReturnValue
    Builder status(Status status);

    /** Sets the supplier. */
    @CanIgnoreReturnValue
    Builder supplier(String supplier);

    /** Sets the status notes. */
    @CanIgnoreReturnValue
    Builder statusNotes(String statusNotes);

    /** Sets the justification. */
    @CanIgnoreReturnValue
    Builder justification(Justification justification);

    /** Sets the impact statement. */
    @CanIgnoreReturnValue
    Builder impactStatement(String impactStatement);

    /** Sets the action statement. */
    @CanIgnoreReturnValue
    Builder actionStatement(String actionStatement);

    /** Sets when the action statement was issued. */
    @CanIgnoreReturnValue
    Builder actionStatementTimestamp(Instant actionStatementTimestamp);

    /**
     * Builds the statement.
     *
     * @throws IllegalStateException if vulnerability name or status is missing
     * @throws IllegalArgumentException if a MUST of the specification is broken ({@code
     *     not_affected} without justification or impact statement, {@code affected} without action
     *     statement), a value is empty, the version is below 1, or aliases or products repeat
     */
    VexStatement build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    VexComponent.nonEmpty(problems, "@id", id().orElse(null));
    VexComponent.nonEmpty(problems, "vulnerability.name", vulnerabilityName());
    VexComponent.nonEmpty(problems, "vulnerability.@id", vulnerabilityIri().orElse(null));
    if (version().isPresent() && version().getAsInt() < 1) {
      problems.add("version must be at least 1, got " + version().getAsInt());
    }
    if (new HashSet<>(vulnerabilityAliases()).size() != vulnerabilityAliases().size()) {
      problems.add("vulnerability.aliases must be unique");
    }
    if (new HashSet<>(products()).size() != products().size()) {
      problems.add("products must be unique");
    }
    if (status() == Status.NOT_AFFECTED
        && justification().isEmpty()
        && impactStatement().filter(s -> !s.isEmpty()).isEmpty()) {
      problems.add("status not_affected requires a justification or an impact_statement");
    }
    if (status() == Status.AFFECTED && actionStatement().filter(s -> !s.isEmpty()).isEmpty()) {
      problems.add("status affected requires an action_statement");
    }
    Checks.throwIfAny("VexStatement", problems);
  }
}
