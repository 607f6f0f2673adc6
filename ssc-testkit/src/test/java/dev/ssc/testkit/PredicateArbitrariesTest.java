package dev.ssc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.loop.Severity;
import dev.ssc.attest.predicate.CodeReview;
import dev.ssc.attest.predicate.Predicate;
import dev.ssc.attest.predicate.PredicateRegistry;
import dev.ssc.attest.predicate.PredicateType;
import dev.ssc.attest.predicate.ReviewApproval;
import dev.ssc.attest.predicate.SbomComponent;
import dev.ssc.attest.predicate.SlsaProvenance;
import dev.ssc.attest.predicate.SpdxDocument;
import dev.ssc.attest.predicate.TestResult;
import dev.ssc.attest.predicate.Vulnerability;
import dev.ssc.attest.predicate.VulnerabilityScan;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated typed predicates are valid, round-trip through the default {@link PredicateRegistry},
 * and include the edge cases policies get wrong often enough to matter.
 */
class PredicateArbitrariesTest {
  private static final PredicateRegistry REGISTRY = PredicateRegistry.defaults();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Encodes {@code value} into a verified attestation and decodes it back through the registry. */
  static <T> void roundTripsThroughTheRegistry(PredicateType<T> type, T value, DigestSet subject)
      throws SscFormatException {
    VerifiedAttestation a = TestEvidence.verified(type, value, subject, T0, "ci-key");
    Predicate p = REGISTRY.decode(a);
    assertTrue(p.isTyped(), p.toString());
    assertEquals(Optional.of(value), p.as(type));
    assertEquals(type.encode(value), REGISTRY.encode(p));
  }

  /**
   * Counts {@code label} as covered when {@code value}, and requires it in {@code min}% of tries.
   */
  static void covers(String label, boolean value, double min) {
    Statistics.label(label).collect(value);
    Statistics.label(label).coverage(c -> c.check(true).percentage(p -> p >= min));
  }

  @Property
  void provenanceRoundTripsAndCoversTrustedUntrustedPinnedAndUnpinnedBuilds(
      @ForAll SlsaProvenance p, @ForAll DigestSet subject) throws SscFormatException {
    roundTripsThroughTheRegistry(SlsaProvenance.PREDICATE, p, subject);
    ResourceDescriptor source = p.resolvedDependencies().get(0);
    assertTrue(source.uri().orElseThrow().startsWith("git+https://"), source.toString());
    assertTrue(source.digest().get(DigestAlgorithm.GIT_COMMIT).isPresent(), source.toString());
    boolean unpinned = false;
    boolean dockerHub = false;
    for (ResourceDescriptor d :
        p.resolvedDependencies().subList(1, p.resolvedDependencies().size())) {
      String uri = d.uri().orElseThrow();
      assertTrue(uri.startsWith("oci://"), uri);
      ImageReference image = ImageReference.parse(uri.substring("oci://".length()));
      assertEquals(image.isPinned(), !d.digest().isEmpty(), uri);
      image.digest().ifPresent(x -> assertEquals(Optional.of(x), d.digest().sha256()));
      unpinned |= !image.isPinned();
      dockerHub |= image.isDockerHub();
    }
    assertTrue(p.startedOn().orElseThrow().compareTo(p.finishedOn().orElseThrow()) <= 0);
    covers("trusted builder", p.builderId().equals(SscArbitraries.TRUSTED_BUILDER_ID), 20);
    covers("untrusted builder", !p.builderId().equals(SscArbitraries.TRUSTED_BUILDER_ID), 20);
    covers(
        "look-alike builder",
        p.builderId().startsWith(SscArbitraries.TRUSTED_BUILDER_ID + "-")
            || p.builderId().contains("ci.acme.example.evil"),
        3);
    covers("no base image", p.resolvedDependencies().size() == 1, 10);
    covers("unpinned base image", unpinned, 10);
    covers("docker.io base image", dockerHub, 10);
  }

  @Property
  void codeReviewsRoundTripAndCoverReviewsWithoutMaintainerApproval(
      @ForAll CodeReview r, @ForAll DigestSet subject) throws SscFormatException {
    roundTripsThroughTheRegistry(CodeReview.PREDICATE, r, subject);
    assertEquals(DigestAlgorithm.GIT_COMMIT, r.reviewedCommit().algorithm());
    assertFalse(r.approvers().contains(r.author()));
    boolean maintainer =
        r.approvals().stream().anyMatch(a -> a.role().equals(Optional.of("maintainer")));
    covers("no approval", r.approvals().isEmpty(), 5);
    covers("approved, but by no maintainer", !r.approvals().isEmpty() && !maintainer, 5);
    covers("approved by a maintainer", maintainer, 20);
    covers("approval without role", r.approvals().stream().anyMatch(a -> a.role().isEmpty()), 5);
    covers("two approvals or more", r.approvals().size() >= 2, 10);
  }

  @Property
  void testResultsRoundTripAndAreConsistent(@ForAll TestResult t, @ForAll DigestSet subject)
      throws SscFormatException {
    roundTripsThroughTheRegistry(TestResult.PREDICATE, t, subject);
    assertEquals(t.result() == TestResult.Result.FAILED, !t.failedTests().isEmpty());
    covers("passed", t.result() == TestResult.Result.PASSED, 20);
    covers("failed", t.result() == TestResult.Result.FAILED, 10);
    covers("warned", t.result() == TestResult.Result.WARNED, 10);
    covers(
        "passed without running a test",
        t.result() == TestResult.Result.PASSED && t.passedTests().isEmpty(),
        1);
  }

  @Property
  void vulnerabilitiesHaveRealisticIdsAndConsistentSeverities(@ForAll Vulnerability v) {
    assertTrue(
        v.id().matches("CVE-\\d{4}-\\d{4,7}|GHSA-[2-9cfghjmpqrvwx]{4}(-[2-9cfghjmpqrvwx]{4}){2}"),
        v.id());
    Optional<Severity> byScore =
        Optional.ofNullable(v.severity().get("cvss_score"))
            .map(s -> Severity.ofCvss(Double.parseDouble(s)));
    Optional<String> band = Optional.ofNullable(v.severity().get("nvd"));
    if (byScore.isPresent() && band.isPresent()) {
      assertEquals(byScore.get().name().toLowerCase(Locale.ROOT), band.get());
    }
    covers("unrated", v.severity().isEmpty(), 5);
    covers("score only", byScore.isPresent() && band.isEmpty(), 5);
    covers("band only", byScore.isEmpty() && band.isPresent(), 5);
    covers("critical", byScore.orElse(Severity.NONE) == Severity.CRITICAL, 5);
    covers("GHSA id", v.id().startsWith("GHSA-"), 10);
  }

  @Property
  void vulnerabilityScansRoundTrip(@ForAll VulnerabilityScan scan, @ForAll DigestSet subject)
      throws SscFormatException {
    roundTripsThroughTheRegistry(VulnerabilityScan.PREDICATE, scan, subject);
    assertEquals(
        scan.vulnerabilities().size(),
        scan.vulnerabilities().stream().map(Vulnerability::id).distinct().count());
    covers("nothing found", scan.vulnerabilities().isEmpty(), 5);
    covers("with database", scan.dbLastUpdate().isPresent(), 20);
  }

  @Property
  void sbomComponentsHavePurlsAndRealisticLicenses(@ForAll SbomComponent c) {
    c.purl().ifPresent(p -> assertTrue(p.matches("pkg:[a-z]+/.+@.+"), p));
    assertTrue(c.licenses().size() <= 1);
    String license = c.licenses().isEmpty() ? "" : c.licenses().get(0);
    assertFalse(license.equals("NOASSERTION") || license.equals("NONE"));
    covers("no license (NOASSERTION)", c.licenses().isEmpty(), 5);
    covers("copyleft", license.contains("GPL"), 10);
    covers("dual licensed", license.contains(" OR "), 1);
    covers("MIT", license.equals("MIT"), 1);
    covers("no purl", c.purl().isEmpty(), 3);
  }

  @Property(tries = 300)
  void spdxDocumentsRoundTripAndSayNoAssertionForComponentsWithoutLicense(
      @ForAll SpdxDocument doc, @ForAll DigestSet subject) throws SscFormatException {
    roundTripsThroughTheRegistry(SpdxDocument.PREDICATE, doc, subject);
    roundTripsThroughTheRegistry(SpdxDocument.PREDICATE_V2_3, doc, subject);
    assertEquals(doc, SpdxDocument.of(doc.document(), "again"));
    assertTrue(doc.packages().size() <= 6);
    covers("licenseConcluded NOASSERTION", hasLicenseValue(doc.document(), "NOASSERTION"), 2);
    covers("licenseConcluded NONE", hasLicenseValue(doc.document(), "NONE"), 2);
    covers("no package", doc.packages().isEmpty(), 2);
  }

  private static boolean hasLicenseValue(dev.ssc.api.json.JsonObject document, String value) {
    return document
        .get("packages")
        .map(p -> ((dev.ssc.api.json.JsonArray) p).elements())
        .orElseThrow()
        .stream()
        .map(JsonValue.class::cast)
        .map(p -> ((dev.ssc.api.json.JsonObject) p).getString("licenseConcluded"))
        .anyMatch(l -> l.equals(Optional.of(value)));
  }

  @Property(tries = 200)
  void everyApprovalHasAReviewerOtherThanTheAuthor(@ForAll CodeReview r) {
    for (ReviewApproval a : r.approvals()) {
      assertFalse(a.reviewer().isEmpty());
      assertFalse(a.reviewer().equals(r.author()));
    }
  }
}
