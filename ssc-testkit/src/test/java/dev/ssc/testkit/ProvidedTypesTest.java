package dev.ssc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.identity.Role;
import dev.ssc.attest.intoto.StatementCodec;
import dev.ssc.attest.predicate.CodeReview;
import dev.ssc.attest.predicate.Link;
import dev.ssc.attest.predicate.PredicateRegistry;
import dev.ssc.attest.predicate.SbomComponent;
import dev.ssc.attest.predicate.SlsaProvenance;
import dev.ssc.attest.predicate.SpdxDocument;
import dev.ssc.attest.predicate.TestResult;
import dev.ssc.attest.predicate.Vulnerability;
import dev.ssc.attest.predicate.VulnerabilityScan;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** Every type the provider registers is injected into {@code @ForAll} parameters. */
class ProvidedTypesTest {
  private static final Set<Role> VOCABULARY =
      Set.of(
          SscArbitraries.MAINTAINER,
          SscArbitraries.DEVELOPER,
          SscArbitraries.RELEASE_MANAGER,
          SscArbitraries.SECURITY,
          SscArbitraries.AUDITOR);

  @Property(tries = 200)
  void everyRegisteredTypeIsInjected(
      @ForAll Role role,
      @ForAll Principal principal,
      @ForAll Statement statement,
      @ForAll VerifiedAttestation attestation,
      @ForAll SlsaProvenance provenance,
      @ForAll CodeReview review,
      @ForAll TestResult result,
      @ForAll Vulnerability vulnerability,
      @ForAll VulnerabilityScan scan,
      @ForAll SbomComponent component,
      @ForAll SpdxDocument spdx) {
    assertTrue(VOCABULARY.contains(role));
    assertFalse(principal.id().isBlank());
    assertFalse(statement.subjects().isEmpty());
    assertFalse(attestation.signerKeyIds().isEmpty());
    assertFalse(provenance.builderId().isEmpty());
    assertFalse(review.author().isEmpty());
    assertTrue(result.result() != null);
    assertFalse(vulnerability.id().isEmpty());
    assertFalse(scan.scannerUri().isEmpty());
    assertFalse(component.name().isEmpty());
    assertTrue(spdx.spdxVersion().startsWith("SPDX-2."));
  }

  @Property
  void principalsAreMostlyTheExamplePeopleWithRolesFromTheVocabulary(@ForAll Principal p) {
    assertTrue(VOCABULARY.containsAll(p.roles()));
    assertTrue(p.roles().size() <= 3);
    PredicateArbitrariesTest.covers("alice", p.id().equals("alice"), 2);
    PredicateArbitrariesTest.covers("generated id", p.id().startsWith("user-"), 5);
    PredicateArbitrariesTest.covers("CI identity", p.id().contains(":"), 3);
    PredicateArbitrariesTest.covers("maintainer", p.hasRole(SscArbitraries.MAINTAINER), 10);
    PredicateArbitrariesTest.covers("no role", p.roles().isEmpty(), 5);
  }

  @Property(tries = 500)
  void statementsRoundTripThroughTheCodecAndDecodeThroughTheRegistry(@ForAll Statement s)
      throws SscFormatException {
    Bytes json = StatementCodec.encode(s);
    assertEquals(s, StatementCodec.decode(json, "round trip"));
    assertTrue(s.subjects().size() >= 1 && s.subjects().size() <= 3);
    assertTrue(s.subjects().stream().allMatch(d -> d.digest().hasAcceptedDigest()));
    boolean typed = PredicateRegistry.defaults().decode(s, "generated").isTyped();
    Statistics.label("typed").collect(typed);
    Statistics.label("typed").coverage(c -> c.check(true).percentage(p -> p >= 15));
    Statistics.label("typed").coverage(c -> c.check(false).percentage(p -> p >= 10));
  }

  @Property(tries = 200)
  void statementsOfATypeCarryThatType(@ForAll("provenanceStatements") Statement s)
      throws SscFormatException {
    assertEquals(SlsaProvenance.URI, s.predicateType());
    assertTrue(
        PredicateRegistry.defaults()
            .decode(s, "generated")
            .as(SlsaProvenance.PREDICATE)
            .isPresent());
  }

  @Property(tries = 200)
  void statementsOfACustomTypeCarryArbitraryJson(@ForAll("customStatements") Statement s) {
    assertEquals("https://acme.example/custom/v1", s.predicateType());
  }

  @Test
  void builtInTypesWithoutAGeneratorAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> SscArbitraries.statements(Link.URI));
  }

  @Provide
  Arbitrary<Statement> provenanceStatements() {
    return SscArbitraries.statements(SlsaProvenance.URI);
  }

  @Provide
  Arbitrary<Statement> customStatements() {
    return SscArbitraries.statements("https://acme.example/custom/v1");
  }

  @Property(tries = 100)
  void verifiedAttestationsAreSignedByOneOrTwoKnownKeys(@ForAll VerifiedAttestation a) {
    assertTrue(
        List.of("ci-key", "release-key", "laptop-key").containsAll(a.signerKeyIds()), a.toString());
    assertEquals(TestEvidence.evidenceId(a.statement()), a.evidenceId());
  }
}
