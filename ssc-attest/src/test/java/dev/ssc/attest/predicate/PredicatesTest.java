package dev.ssc.attest.predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.attest.Vectors;
import dev.ssc.attest.intoto.StatementCodec;
import dev.ssc.attest.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PredicatesTest {
  private static final PredicateRegistry REGISTRY = PredicateRegistry.defaults();
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  static JsonObject json(String text) throws SscFormatException {
    return Json.parseObject(Bytes.utf8(text), "test");
  }

  static <T> void roundTrips(PredicateType<T> type, T value) throws SscFormatException {
    assertEquals(value, type.decode(type.encode(value), "round trip"));
  }

  @TestFactory
  Stream<DynamicTest> everyProvenanceVectorMatchesExpectValid() {
    List<JsonObject> cases =
        dev.ssc.attest.intoto.StatementVectorsTestAccess.cases("provenanceV1Predicates");
    assertEquals(7, cases.size());
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.getString("desc").orElseThrow(),
                    () -> {
                      JsonObject predicate = json(c.getString("json").orElseThrow());
                      boolean valid =
                          c.get("expectValid")
                              .orElseThrow()
                              .equals(new dev.ssc.api.json.JsonBoolean(true));
                      if (valid) {
                        roundTrips(
                            SlsaProvenance.PREDICATE,
                            SlsaProvenance.PREDICATE.decode(predicate, "vector"));
                      } else {
                        SscFormatException e =
                            assertThrows(
                                SscFormatException.class,
                                () -> SlsaProvenance.PREDICATE.decode(predicate, "vector"));
                        assertTrue(
                            e.getMessage().startsWith("vector: /predicate/"), e.getMessage());
                      }
                    }));
  }

  @Test
  void provenanceErrorsNameTheJsonPointer() throws Exception {
    JsonObject p =
        json(
            "{\"buildDefinition\":{\"buildType\":\"t\",\"externalParameters\":{\"a\":1},"
                + "\"resolvedDependencies\":[{\"digest\":{\"sha256\":\"zz\"}}]},"
                + "\"runDetails\":{\"builder\":{\"id\":\"b\"}}}");
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> SlsaProvenance.PREDICATE.decode(p, "x"));
    assertTrue(
        e.getMessage().startsWith("x: /predicate/buildDefinition/resolvedDependencies/0/digest"),
        e.getMessage());
    JsonObject time =
        json(
            "{\"buildDefinition\":{\"buildType\":\"t\",\"externalParameters\":{\"a\":1}},"
                + "\"runDetails\":{\"builder\":{\"id\":\"b\"},\"metadata\":{\"startedOn\":\"yesterday\"}}}");
    e = assertThrows(SscFormatException.class, () -> SlsaProvenance.PREDICATE.decode(time, "x"));
    assertTrue(
        e.getMessage().startsWith("x: /predicate/runDetails/metadata/startedOn: "), e.getMessage());
  }

  @Test
  void specificationTestResultExampleDecodes() throws Exception {
    Statement s =
        StatementCodec.decode(
            Vectors.resource(
                "/vectors/in-toto-attestation/examples/predicates__test-result__example1.json"),
            "example");
    TestResult result = REGISTRY.decode(s, "example").as(TestResult.PREDICATE).orElseThrow();
    assertEquals(TestResult.Result.PASSED, result.result());
    assertEquals(".github/workflows/ci.yml", result.configuration().get(0).name().orElseThrow());
    assertTrue(result.passedTests().contains("build (3.7, ubuntu-latest, py)"));
    assertTrue(result.failedTests().isEmpty());
    roundTrips(TestResult.PREDICATE, result);
  }

  @Test
  void testResultRejectsAnUnknownResultAndAContradiction() throws Exception {
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () ->
                TestResult.PREDICATE.decode(json("{\"result\":\"OK\",\"configuration\":[]}"), "t"));
    assertTrue(e.getMessage().startsWith("t: /predicate/result: expected one of"), e.getMessage());
    e =
        assertThrows(
            SscFormatException.class,
            () ->
                TestResult.PREDICATE.decode(
                    json("{\"result\":\"PASSED\",\"configuration\":[],\"failedTests\":[\"a\"]}"),
                    "t"));
    assertTrue(e.getMessage().contains("contradicts"), e.getMessage());
  }

  @Test
  void vulnerabilityScanDecodesTheSpecificationShape() throws Exception {
    JsonObject p =
        json(
            "{\"invocation\":{\"uri\":\"https://ci/1\",\"event_id\":\"1\"},"
                + "\"scanner\":{\"uri\":\"pkg:github/aquasecurity/trivy@244fd47e07d1004f0aed9\","
                + "\"version\":\"0.19.2\",\"db\":{\"uri\":\"pkg:github/aquasecurity/trivy-db\","
                + "\"version\":\"v1-2021080612\",\"lastUpdate\":\"2021-08-06T17:45:50.52Z\"},"
                + "\"result\":[{\"id\":\"CVE-123\",\"severity\":[{\"method\":\"nvd\",\"score\":\"medium\"},"
                + "{\"method\":\"cvss_score\",\"score\":\"5.2\"}]}]},"
                + "\"metadata\":{\"scanStartedOn\":\"2021-08-06T17:45:50.52Z\","
                + "\"scanFinishedOn\":\"2021-08-06T17:50:50.52Z\"}}");
    VulnerabilityScan scan = VulnerabilityScan.PREDICATE.decode(p, "v");
    assertEquals("0.19.2", scan.scannerVersion().orElseThrow());
    assertEquals("CVE-123", scan.vulnerabilities().get(0).id());
    assertEquals("5.2", scan.vulnerabilities().get(0).severity().get("cvss_score"));
    assertEquals(Instant.parse("2021-08-06T17:45:50.52Z"), scan.dbLastUpdate().orElseThrow());
    roundTrips(VulnerabilityScan.PREDICATE, scan);
    JsonObject missing = json("{\"scanner\":{\"uri\":\"s\",\"result\":[]}}");
    SscFormatException e =
        assertThrows(
            SscFormatException.class, () -> VulnerabilityScan.PREDICATE.decode(missing, "v"));
    assertTrue(e.getMessage().startsWith("v: /predicate/metadata: "), e.getMessage());
  }

  @Test
  void linkRequiresNamedDigestedUniqueMaterials() throws Exception {
    Link link =
        Link.PREDICATE.decode(
            json(
                "{\"name\":\"build\",\"command\":[\"make\"],\"materials\":[{\"name\":\"src.c\","
                    + "\"digest\":{\"sha256\":\""
                    + "a".repeat(64)
                    + "\"}}],\"environment\":{\"os\":\"linux\"}}"),
            "l");
    assertEquals("build", link.name());
    assertEquals(List.of("make"), link.command());
    roundTrips(Link.PREDICATE, link);
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () ->
                Link.PREDICATE.decode(
                    json("{\"name\":\"b\",\"materials\":[{\"name\":\"x\"}]}"), "l"));
    assertTrue(
        e.getMessage().contains("materials[0] must have a name and a digest"), e.getMessage());
  }

  @Test
  void codeReviewRoundTripsAndRejectsSelfApproval() throws Exception {
    CodeReview review =
        CodeReview.builder()
            .repository("https://github.com/acme/web")
            .changeId("42")
            .reviewedCommit(Digest.of(DigestAlgorithm.GIT_COMMIT, "b".repeat(40)))
            .author("alice")
            .addApprovals(
                ReviewApproval.builder().reviewer("bob").role("maintainer").time(T0).build())
            .build();
    roundTrips(CodeReview.PREDICATE, review);
    assertEquals(java.util.Set.of("bob"), review.approvers());
    JsonObject self =
        json(
            "{\"repository\":\"r\",\"changeId\":\"1\",\"reviewedCommit\":{\"gitCommit\":\""
                + "b".repeat(40)
                + "\"},\"author\":\"alice\",\"approvals\":[{\"reviewer\":\"alice\",\"time\":\"2026-11-30T10:00:00Z\"}]}");
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> CodeReview.PREDICATE.decode(self, "r"));
    assertTrue(e.getMessage().contains("is by the author"), e.getMessage());
    JsonObject shortCommit =
        json(
            "{\"repository\":\"r\",\"changeId\":\"1\",\"reviewedCommit\":{\"gitCommit\":\"abc\"},"
                + "\"author\":\"a\",\"approvals\":[]}");
    e = assertThrows(SscFormatException.class, () -> CodeReview.PREDICATE.decode(shortCommit, "r"));
    assertTrue(
        e.getMessage().startsWith("r: /predicate/reviewedCommit/gitCommit: "), e.getMessage());
  }

  @Test
  void spdxExamplesExposePackagesWithPurlVersionAndLicense() throws Exception {
    SpdxDocument spdx =
        SpdxDocument.PREDICATE.decode(
            Vectors.json("/vectors/sbom/SPDXJSONExample-v2.3.spdx.json"), "spdx");
    assertEquals("SPDX-2.3", spdx.spdxVersion());
    assertEquals(4, spdx.packages().size());
    SbomComponent jena =
        spdx.packagesWithPurl("pkg:maven/org.apache.jena/apache-jena@3.12.0").get(0);
    assertEquals("Jena", jena.name());
    assertEquals("3.12.0", jena.version().orElseThrow());
    assertEquals(List.of("(LGPL-2.0-only OR LicenseRef-3)"), spdx.packages().get(0).licenses());
    assertTrue(spdx.packages().get(1).licenses().isEmpty(), "NOASSERTION is no license");
    assertEquals(spdx.document(), SpdxDocument.PREDICATE.encode(spdx));
    SpdxDocument maven =
        SpdxDocument.PREDICATE_V2_3.decode(
            Vectors.json("/vectors/sbom/examplemaven-0.0.1.spdx.json"), "maven");
    assertEquals(6, maven.packages().size());
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> SpdxDocument.PREDICATE.decode(json("{\"spdxVersion\":\"SPDX-3.0\"}"), "s"));
    assertTrue(e.getMessage().startsWith("s: /predicate/spdxVersion: "), e.getMessage());
  }

  @Test
  void cycloneDxExamplesExposeNestedComponents() throws Exception {
    CycloneDxBom bom =
        CycloneDxBom.PREDICATE.decode(Vectors.json("/vectors/sbom/valid-bom-1.6.json"), "cdx");
    assertEquals("1.6", bom.specVersion());
    assertEquals(3, bom.components().size());
    assertEquals(
        "pkg:maven/com.acme/tomcat-catalina@9.0.14?packaging=jar",
        bom.components().get(0).purl().orElseThrow());
    assertEquals(List.of("Apache-2.0"), bom.components().get(0).licenses());
    assertEquals(
        List.of("EPL-2.0 OR GPL-2.0-with-classpath-exception"), bom.components().get(1).licenses());
    assertEquals(List.of("Some random license"), bom.components().get(2).licenses());
    assertEquals(bom.bom(), CycloneDxBom.PREDICATE.encode(bom));
    var minimal =
        CycloneDxBom.PREDICATE.decode(
            Vectors.json("/vectors/sbom/valid-minimal-viable-1.6.json"), "min");
    assertEquals(1, minimal.components().size());
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () ->
                CycloneDxBom.PREDICATE.decode(
                    Vectors.json("/vectors/sbom/invalid-bomformat-1.6.json"), "bad"));
    assertTrue(e.getMessage().startsWith("bad: /predicate/bomFormat: "), e.getMessage());
  }

  @TestFactory
  Stream<DynamicTest> hostilePredicatesAreRejectedNamingTheirPointer() {
    String provenance =
        "{\"buildDefinition\":{\"buildType\":\"t\",\"externalParameters\":{\"a\":1}},"
            + "\"runDetails\":{\"builder\":{\"id\":\"b\"}}}";
    Object[][] cases = {
      {
        SlsaProvenance.PREDICATE,
        "{\"buildDefinition\":[],\"runDetails\":{}}",
        "/predicate/buildDefinition"
      },
      {
        SlsaProvenance.PREDICATE,
        provenance.replace("\"id\":\"b\"", "\"id\":7"),
        "/predicate/runDetails/builder/id"
      },
      {
        SlsaProvenance.PREDICATE,
        provenance.replace("{\"id\":\"b\"}", "{\"id\":\"b\",\"version\":{\"x\":1}}"),
        "/predicate/runDetails/builder/version/x"
      },
      {
        SlsaProvenance.PREDICATE,
        provenance.replace("\"a\":1}", "\"a\":1},\"resolvedDependencies\":{}"),
        "/predicate/buildDefinition/resolvedDependencies"
      },
      {
        SlsaProvenance.PREDICATE,
        provenance.replace("\"a\":1}", "\"a\":1},\"resolvedDependencies\":[\"x\"]"),
        "/predicate/buildDefinition/resolvedDependencies/0"
      },
      {
        SlsaVerificationSummary.PREDICATE,
        "{\"verifier\":{\"id\":\"v\"},\"timeVerified\":\"2024-01-01T00:00:00Z\",\"resourceUri\":\"r\",\"policy\":{\"uri\":\"p\"},\"verificationResult\":\"PASSED\",\"verifiedLevels\":\"SLSA_BUILD_LEVEL_1\"}",
        "/predicate/verifiedLevels"
      },
      {
        SlsaVerificationSummary.PREDICATE,
        "{\"verifier\":{\"id\":\"v\"},\"timeVerified\":\"2024-01-01T00:00:00Z\",\"resourceUri\":\"r\",\"policy\":{\"uri\":\"p\"},\"verificationResult\":\"PASSED\",\"verifiedLevels\":[1]}",
        "/predicate/verifiedLevels/0"
      },
      {
        SlsaVerificationSummary.PREDICATE,
        "{\"verifier\":{\"id\":\"v\"},\"timeVerified\":\"2024-01-01T00:00:00Z\",\"resourceUri\":\"r\",\"policy\":{\"uri\":\"p\"},\"verificationResult\":\"MAYBE\",\"verifiedLevels\":[]}",
        "/predicate/verificationResult"
      },
      {
        SlsaVerificationSummary.PREDICATE,
        "{\"verifier\":{\"id\":\"v\"},\"timeVerified\":\"2024-01-01T00:00:00Z\",\"resourceUri\":\"r\",\"policy\":{\"uri\":\"p\"},\"verificationResult\":\"PASSED\",\"verifiedLevels\":[],\"dependencyLevels\":{\"L1\":-1}}",
        "/predicate/dependencyLevels/L1"
      },
      {
        SlsaVerificationSummary.PREDICATE,
        "{\"verifier\":{\"id\":\"v\"},\"timeVerified\":\"2024-01-01\",\"resourceUri\":\"r\",\"policy\":{\"uri\":\"p\"},\"verificationResult\":\"PASSED\",\"verifiedLevels\":[]}",
        "/predicate/timeVerified"
      },
      {TestResult.PREDICATE, "{\"result\":\"PASSED\"}", "/predicate/configuration"},
      {
        TestResult.PREDICATE,
        "{\"result\":\"PASSED\",\"configuration\":[],\"passedTests\":[null]}",
        "/predicate/passedTests/0"
      },
      {Link.PREDICATE, "{\"name\":\"\"}", "/predicate/name"},
      {Link.PREDICATE, "{\"name\":\"s\",\"environment\":[]}", "/predicate/environment"},
      {
        VulnerabilityScan.PREDICATE,
        "{\"scanner\":{\"uri\":\"s\",\"result\":[{\"id\":\"CVE-1\",\"severity\":[{\"method\":\"nvd\",\"score\":\"low\"},{\"method\":\"nvd\",\"score\":\"high\"}]}]},\"metadata\":{}}",
        "/predicate/scanner/result/0/severity/1/method"
      },
      {
        CodeReview.PREDICATE,
        "{\"repository\":\"r\",\"changeId\":\"1\",\"reviewedCommit\":{\"gitCommit\":\""
            + "a".repeat(40)
            + "\",\"sha256\":\"x\"},\"author\":\"a\",\"approvals\":[]}",
        "/predicate/reviewedCommit"
      },
      {
        CodeReview.PREDICATE,
        "{\"repository\":\"r\",\"changeId\":\"1\",\"reviewedCommit\":{\"gitCommit\":\""
            + "a".repeat(40)
            + "\"},\"author\":\"a\",\"approvals\":[{\"reviewer\":\"b\"}]}",
        "/predicate/approvals/0/time"
      },
      {
        CycloneDxBom.PREDICATE,
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"name\":\"a\",\"components\":[{\"version\":\"1\"}]}]}",
        "/predicate/components/0/components/0/name"
      },
      {
        CycloneDxBom.PREDICATE,
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"name\":\"a\",\"purl\":\"npm/x\"}]}",
        "/predicate/components/0"
      },
      {
        SpdxDocument.PREDICATE,
        "{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"SPDXRef-DOCUMENT\",\"name\":\"d\",\"packages\":[{\"name\":\"p\",\"externalRefs\":[{\"referenceType\":\"purl\"}]}]}",
        "/predicate/packages/0/externalRefs/0/referenceLocator"
      },
    };
    List<DynamicTest> tests = new java.util.ArrayList<>();
    for (Object[] c : cases) {
      PredicateType<?> type = (PredicateType<?>) c[0];
      String pointer = (String) c[2];
      tests.add(
          DynamicTest.dynamicTest(
              type.uri() + " " + pointer,
              () -> {
                JsonObject predicate = json((String) c[1]);
                SscFormatException e =
                    assertThrows(SscFormatException.class, () -> type.decode(predicate, "evil"));
                assertTrue(e.getMessage().startsWith("evil: " + pointer + ": "), e.getMessage());
              }));
    }
    return tests.stream();
  }

  @Test
  void unknownPredicateTypesStayTheirJsonExactly() throws Exception {
    JsonObject odd = json("{\"z\":1.50,\"a\":[true,null,{\"x\":\"y\"}]}");
    Statement s =
        Statement.builder()
            .addSubjects(ResourceDescriptor.of("a", DigestSet.sha256("c".repeat(64))))
            .predicateType("https://example.com/unknown/v1")
            .predicate(odd)
            .build();
    Predicate p = REGISTRY.decode(s, "s");
    assertFalse(p.isTyped());
    assertTrue(p.as(SlsaProvenance.PREDICATE).isEmpty());
    assertEquals(odd, REGISTRY.encode(p));
    assertEquals(Json.write(odd), Json.write(REGISTRY.encode(p)));
  }

  @Test
  void registeringOneUriTwiceIsAnError() {
    PredicateRegistry.Builder b = PredicateRegistry.builder().addBuiltIns();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.add(SlsaProvenance.PREDICATE));
    assertTrue(e.getMessage().contains("already registered"), e.getMessage());
  }

  /** A custom type: a predicate with one string member. */
  static final class Note implements PredicateType<String> {
    @Override
    public String uri() {
      return "https://example.com/note/v1";
    }

    @Override
    public Class<String> valueType() {
      return String.class;
    }

    @Override
    public String decode(JsonObject predicate, String source) throws SscFormatException {
      return predicate
          .getString("text")
          .orElseThrow(() -> new SscFormatException(source + ": /predicate/text: missing"));
    }

    @Override
    public JsonObject encode(String value) {
      return new JsonObject(Map.of("text", new JsonString(value)));
    }
  }

  @Test
  void customTypesDecodeBesideTheBuiltIns() throws Exception {
    PredicateRegistry registry = PredicateRegistry.builder().addBuiltIns().add(new Note()).build();
    Statement s =
        Statement.builder()
            .addSubjects(ResourceDescriptor.of("a", DigestSet.sha256("c".repeat(64))))
            .predicateType("https://example.com/note/v1")
            .predicate(new Note().encode("hello"))
            .build();
    Predicate p = registry.decode(s, "s");
    assertEquals("hello", p.as(new Note()).orElseThrow());
    assertEquals(s.predicate(), registry.encode(p));
    assertTrue(PredicateRegistry.builder().build().find(SlsaProvenance.URI).isEmpty());
    assertEquals(PredicateRegistry.builtIns().size() + 1, registry.types().size());
  }
}
