package dev.ssc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Json;
import dev.ssc.attest.predicate.CodeReview;
import dev.ssc.attest.predicate.PredicateRegistry;
import dev.ssc.attest.predicate.SlsaProvenance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link TestEvidence} mints verified attestations with deterministic, content-derived ids. */
class TestEvidenceTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Property(tries = 300)
  void theEvidenceIdIsDeterministicAndTheSha256OfTheStatement(@ForAll Statement s) {
    VerifiedAttestation a = TestEvidence.verified(s, T0, "ci-key");
    VerifiedAttestation b = TestEvidence.verified(s, T0.plusSeconds(60), "other-key");
    assertEquals(a.evidenceId(), b.evidenceId());
    assertEquals("sha256", a.evidenceId().algorithm().name());
    assertEquals(s, a.statement());
    assertEquals(Set.of("ci-key"), a.signerKeyIds());
    assertEquals(T0, a.verifiedAt());
  }

  @Property(tries = 300)
  void distinctStatementsGetDistinctEvidenceIds(@ForAll Statement s, @ForAll Statement t) {
    Assume.that(!s.equals(t));
    assertNotEquals(TestEvidence.evidenceId(s), TestEvidence.evidenceId(t));
  }

  @Test
  void theEvidenceIdDoesNotDependOnMemberOrder() {
    Map<String, JsonValue> ab = new LinkedHashMap<>();
    ab.put("a", new JsonString("1"));
    ab.put("b", JsonNumber.of(2));
    Map<String, JsonValue> ba = new LinkedHashMap<>();
    ba.put("b", JsonNumber.of(2));
    ba.put("a", new JsonString("1"));
    DigestSet subject = DigestSet.sha256("a".repeat(64));
    assertEquals(
        TestEvidence.evidenceId(TestEvidence.statement(subject, "t", new JsonObject(ab))),
        TestEvidence.evidenceId(TestEvidence.statement(subject, "t", new JsonObject(ba))));
  }

  @Test
  void aPredicateWithAFractionStillGetsAnId() {
    DigestSet subject = DigestSet.sha256("a".repeat(64));
    JsonObject predicate = new JsonObject(Map.of("score", new JsonNumber(new BigDecimal("9.8"))));
    VerifiedAttestation a =
        TestEvidence.verified("https://acme.example/score/v1", predicate, subject, T0, "k");
    assertEquals(a.evidenceId(), TestEvidence.evidenceId(a.statement()));
    assertTrue(a.isAbout(subject));
  }

  @Test
  void aSelfApprovedReviewCanBeMintedAsJsonAndFailsToDecode() throws Exception {
    JsonObject selfApproved =
        Json.parseObject(
            Bytes.utf8(
                "{\"repository\":\"https://github.com/acme/web\",\"changeId\":\"7\","
                    + "\"reviewedCommit\":{\"gitCommit\":\""
                    + "c".repeat(40)
                    + "\"},\"author\":\"alice\",\"approvals\":[{\"reviewer\":\"alice\","
                    + "\"role\":\"maintainer\",\"time\":\"2026-01-01T00:00:00Z\"}]}"),
            "test");
    VerifiedAttestation a =
        TestEvidence.verified(
            CodeReview.URI, selfApproved, DigestSet.sha256("d".repeat(64)), T0, "review-key");
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> PredicateRegistry.defaults().decode(a));
    assertTrue(e.getMessage().contains("by the author"), e.getMessage());
  }

  @Test
  void atLeastOneSignerIsRequired() {
    Statement s =
        TestEvidence.statement(
            DigestSet.sha256("b".repeat(64)), "https://acme.example/x/v1", JsonObject.empty());
    assertThrows(IllegalArgumentException.class, () -> TestEvidence.verified(s, T0));
  }

  @Property(tries = 100)
  void typedPredicatesAreEncodedByTheirType(@ForAll SlsaProvenance p, @ForAll DigestSet subject) {
    VerifiedAttestation a =
        TestEvidence.verified(SlsaProvenance.PREDICATE, p, subject, T0, "ci-key", "release-key");
    assertEquals(SlsaProvenance.URI, a.predicateType());
    assertEquals(SlsaProvenance.PREDICATE.encode(p), a.statement().predicate());
    assertTrue(a.isAbout(subject));
    assertEquals(Set.of("ci-key", "release-key"), a.signerKeyIds());
  }
}
