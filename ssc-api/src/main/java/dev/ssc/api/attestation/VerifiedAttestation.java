package dev.ssc.api.attestation;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.RestrictedApi;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import dev.ssc.api.internal.VerifierOnly;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An attestation whose signatures were verified against trusted keys: the only form in which
 * evidence may reach a policy decision (DESIGN invariant 4).
 *
 * <p>It records what was claimed ({@link #statement()}), by which trusted keys ({@link
 * #signerKeyIds()}, the ids of the keys that verified, never the envelope's unauthenticated hints),
 * which evidence it came from ({@link #evidenceId()}, the sha256 of the envelope's bytes), and when
 * it was verified.
 *
 * <p>Only verifiers create instances: {@link #builder()} is restricted by Error Prone to code
 * annotated {@link VerifierOnly}, so a policy cannot be handed unverified JSON by mistake. Obtain
 * instances from an {@link AttestationVerifier}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class VerifiedAttestation {
  VerifiedAttestation() {}

  /** The verified statement. */
  public abstract Statement statement();

  /** The sha256 of the envelope bytes this attestation was verified from. */
  public abstract Digest evidenceId();

  /** The ids of the trusted keys whose signatures verified; at least one. */
  public abstract Set<String> signerKeyIds();

  /** When the signatures were verified. */
  public abstract Instant verifiedAt();

  /** The statement's predicate type. */
  public String predicateType() {
    return statement().predicateType();
  }

  /** Whether the statement is about {@code subject}. */
  public boolean isAbout(DigestSet subject) {
    return statement().isAbout(subject);
  }

  /**
   * A new builder, for verifiers only.
   *
   * <p>Calling it asserts that the envelope's signatures were checked against trusted keys. Error
   * Prone rejects callers not annotated {@link VerifierOnly}.
   */
  @RestrictedApi(
      explanation =
          "Only a verifier that has checked the envelope's signatures against trusted keys may"
              + " create a VerifiedAttestation (DESIGN invariant 4). Use an AttestationVerifier.",
      link = "https://ssc.dev/docs/architecture#verified-evidence",
      allowlistAnnotations = VerifierOnly.class)
  public static Builder builder() {
    return ImmutableVerifiedAttestation.builder();
  }

  /** Builds a {@link VerifiedAttestation}; every attribute is required. */
  public interface Builder {
    /** Sets the statement. */
    @CanIgnoreReturnValue
    Builder statement(Statement statement);

    /** Sets the evidence id. */
    @CanIgnoreReturnValue
    Builder evidenceId(Digest evidenceId);

    /** Adds the id of a trusted key whose signature verified. */
    @CanIgnoreReturnValue
    Builder addSignerKeyIds(String keyId);

    /** Adds ids of trusted keys whose signatures verified. */
    @CanIgnoreReturnValue
    Builder addAllSignerKeyIds(Iterable<String> keyIds);

    /** Sets the verification time. */
    @CanIgnoreReturnValue
    Builder verifiedAt(Instant verifiedAt);

    /**
     * Builds the attestation.
     *
     * @throws IllegalStateException if an attribute is missing
     * @throws IllegalArgumentException if no signer is named or the evidence id is not sha256
     */
    VerifiedAttestation build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (signerKeyIds().isEmpty()) {
      problems.add("signerKeyIds must name at least one trusted key");
    }
    if (!evidenceId().algorithm().name().equals("sha256")) {
      problems.add("evidenceId must be a sha256 digest, got " + evidenceId().algorithm());
    }
    Checks.throwIfAny("VerifiedAttestation", problems);
  }
}
