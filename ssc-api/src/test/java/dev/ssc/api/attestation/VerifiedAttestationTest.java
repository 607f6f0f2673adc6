package dev.ssc.api.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.digest.Digest;
import dev.ssc.api.internal.VerifierOnly;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedAttestationTest {
  static final Digest EVIDENCE = Digest.sha256("e".repeat(64));
  static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  /** Acts as a verifier: the only kind of code that may create a VerifiedAttestation. */
  @VerifierOnly
  static VerifiedAttestation.Builder verifierBuilder() {
    return VerifiedAttestation.builder();
  }

  static VerifiedAttestation verified(Statement statement, String... keyIds) {
    return verifierBuilder()
        .statement(statement)
        .evidenceId(EVIDENCE)
        .addAllSignerKeyIds(List.of(keyIds))
        .verifiedAt(AT)
        .build();
  }

  @Test
  void recordsWhatWasVerified() {
    Statement statement = StatementTest.about(StatementTest.APP);

    VerifiedAttestation attestation = verified(statement, "key-1", "key-2");

    assertEquals(statement, attestation.statement());
    assertEquals(EVIDENCE, attestation.evidenceId());
    assertEquals(Set.of("key-1", "key-2"), attestation.signerKeyIds());
    assertEquals(AT, attestation.verifiedAt());
  }

  @Test
  void collapsesRepeatedSignerKeyIds() {
    VerifiedAttestation attestation =
        verified(StatementTest.about(StatementTest.APP), "key-1", "key-1");

    assertEquals(Set.of("key-1"), attestation.signerKeyIds());
  }

  @Test
  void requiresAtLeastOneSigner() {
    Statement statement = StatementTest.about(StatementTest.APP);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> verified(statement));

    assertTrue(e.getMessage().contains("signerKeyIds"), e.getMessage());
  }

  @Test
  void requiresASha256EvidenceId() {
    VerifiedAttestation.Builder builder =
        verifierBuilder()
            .statement(StatementTest.about(StatementTest.APP))
            .evidenceId(Digest.of("sha512", "e".repeat(128)))
            .addSignerKeyIds("key-1")
            .verifiedAt(AT);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(e.getMessage().contains("sha256"), e.getMessage());
    assertTrue(e.getMessage().contains("sha512"), e.getMessage());
  }

  @Test
  void reportsEveryProblemInOneMessage() {
    VerifiedAttestation.Builder builder =
        verifierBuilder()
            .statement(StatementTest.about(StatementTest.APP))
            .evidenceId(Digest.of("md5", "e".repeat(32)))
            .verifiedAt(AT);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(e.getMessage().contains("signerKeyIds"), e.getMessage());
    assertTrue(e.getMessage().contains("evidenceId"), e.getMessage());
  }

  @Test
  void requiresEveryAttribute() {
    VerifiedAttestation.Builder builder =
        verifierBuilder()
            .statement(StatementTest.about(StatementTest.APP))
            .evidenceId(EVIDENCE)
            .addSignerKeyIds("key-1");

    assertThrows(IllegalStateException.class, builder::build);
  }

  @Test
  void delegatesPredicateTypeAndIsAboutToTheStatement() {
    VerifiedAttestation attestation = verified(StatementTest.about(StatementTest.APP), "key-1");

    assertEquals(StatementTest.PROVENANCE, attestation.predicateType());
    assertTrue(attestation.isAbout(StatementTest.APP));
    assertFalse(attestation.isAbout(StatementTest.OTHER));
  }
}
