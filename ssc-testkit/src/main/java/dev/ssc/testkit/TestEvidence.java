package dev.ssc.testkit;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.VerifierOnly;
import dev.ssc.api.json.JsonObject;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.intoto.StatementCodec;
import dev.ssc.attest.json.CanonicalJson;
import dev.ssc.attest.json.Json;
import dev.ssc.attest.predicate.PredicateType;
import java.time.Instant;
import java.util.List;

/**
 * <b>For tests only:</b> mints {@link VerifiedAttestation}s without any signature, so that property
 * tests of policies run fast and need no keys.
 *
 * <p><b>Never use this outside tests.</b> A {@code VerifiedAttestation} asserts that an envelope's
 * signatures were checked against trusted keys (DESIGN invariant 4); this class asserts it without
 * checking anything. Production code must obtain verified attestations from a real verifier, such
 * as {@code dev.ssc.attest.dsse.DsseVerifier}, that verifies the DSSE envelope. ssc-testkit belongs
 * in {@code test} scope.
 *
 * <p>The evidence id of a minted attestation is the sha256 of the statement's canonical JSON
 * (securesystemslib's dialect, {@link CanonicalJson}), so equal statements get equal ids and
 * distinct statements distinct ids, deterministically. A statement whose predicate holds a
 * non-integer number has no canonical JSON; its id is then the sha256 of its compact encoding
 * ({@link StatementCodec#encode}), which depends on member order. A real verifier's evidence id is
 * the sha256 of the envelope bytes instead, so ids minted here never collide with real ones by
 * accident, but do not compare them with ids of real evidence.
 *
 * <p>Thread-safe; stateless.
 *
 * <pre>{@code
 * VerifiedAttestation provenance =
 *     TestEvidence.verified(
 *         TestEvidence.statement(artifact.digest(), SlsaProvenance.PREDICATE, p),
 *         Instant.parse("2026-01-01T00:00:00Z"),
 *         "ci-key");
 * }</pre>
 */
@VerifierOnly
public final class TestEvidence {
  private TestEvidence() {}

  /**
   * A verified attestation of {@code statement}, verified at {@code verifiedAt} by the keys {@code
   * signerKeyIds}, without any signature having been checked. For tests only.
   *
   * @throws IllegalArgumentException if no signer key id is given
   */
  public static VerifiedAttestation verified(
      Statement statement, Instant verifiedAt, String... signerKeyIds) {
    requireNonNull(statement, "statement");
    requireNonNull(verifiedAt, "verifiedAt");
    List<String> signers = List.of(requireNonNull(signerKeyIds, "signerKeyIds"));
    return VerifiedAttestation.builder()
        .statement(statement)
        .evidenceId(evidenceId(statement))
        .addAllSignerKeyIds(signers)
        .verifiedAt(verifiedAt)
        .build();
  }

  /**
   * A verified attestation of a statement about {@code subject} with {@code predicate} of {@code
   * predicateType}, verified at {@code verifiedAt} by the keys {@code signerKeyIds}, without any
   * signature having been checked. For tests only; use it for predicates that no typed value can
   * express, such as malformed ones.
   *
   * @throws IllegalArgumentException if {@code subject} is empty, {@code predicateType} is empty,
   *     or no signer key id is given
   */
  public static VerifiedAttestation verified(
      String predicateType,
      JsonObject predicate,
      DigestSet subject,
      Instant verifiedAt,
      String... signerKeyIds) {
    requireNonNull(predicateType, "predicateType");
    requireNonNull(predicate, "predicate");
    return verified(statement(subject, predicateType, predicate), verifiedAt, signerKeyIds);
  }

  /**
   * A verified attestation of a statement about {@code subject} whose predicate is {@code value}
   * encoded by {@code type}, verified at {@code verifiedAt} by the keys {@code signerKeyIds},
   * without any signature having been checked. For tests only.
   *
   * @throws IllegalArgumentException if {@code subject} is empty or no signer key id is given
   */
  public static <T> VerifiedAttestation verified(
      PredicateType<T> type,
      T value,
      DigestSet subject,
      Instant verifiedAt,
      String... signerKeyIds) {
    return verified(statement(subject, type, value), verifiedAt, signerKeyIds);
  }

  /**
   * An in-toto statement about the one subject {@code subject} whose predicate is {@code value}
   * encoded by {@code type}, such as {@code statement(digest, SlsaProvenance.PREDICATE,
   * provenance)}.
   *
   * @throws IllegalArgumentException if {@code subject} is empty
   */
  public static <T> Statement statement(DigestSet subject, PredicateType<T> type, T value) {
    requireNonNull(type, "type");
    requireNonNull(value, "value");
    return statement(subject, type.uri(), type.encode(value));
  }

  /**
   * An in-toto statement about the one subject {@code subject} with {@code predicate} of {@code
   * predicateType}.
   *
   * @throws IllegalArgumentException if {@code subject} is empty or {@code predicateType} is empty
   */
  public static Statement statement(DigestSet subject, String predicateType, JsonObject predicate) {
    requireNonNull(subject, "subject");
    requireNonNull(predicateType, "predicateType");
    requireNonNull(predicate, "predicate");
    return Statement.builder()
        .addSubjects(ResourceDescriptor.builder().digest(subject).build())
        .predicateType(predicateType)
        .predicate(predicate)
        .build();
  }

  /**
   * The evidence id {@link #verified(Statement, Instant, String...)} gives {@code statement}: the
   * sha256 of its canonical JSON, or of its compact encoding if it has no canonical JSON.
   */
  public static Digest evidenceId(Statement statement) {
    requireNonNull(statement, "statement");
    Bytes compact = StatementCodec.encode(statement);
    JsonObject json;
    try {
      json = Json.parseObject(compact, "encoded statement");
    } catch (SscFormatException e) {
      throw new IllegalStateException("StatementCodec wrote JSON that Json cannot read", e);
    }
    try {
      return Digests.sha256(CanonicalJson.encode(json));
    } catch (SscFormatException e) {
      return Digests.sha256(compact); // a non-integer number: no canonical form
    }
  }
}
