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
import dev.ssc.attest.Vectors;
import dev.ssc.attest.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class OpenVexTest {
  private static final String SPRING_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String GIT_ARM = "pkg:apk/wolfi/git@2.39.0-r1?arch=armv7";
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final DigestSet APP = DigestSet.sha256("a".repeat(64));
  private static final DigestSet OTHER = DigestSet.sha256("b".repeat(64));

  static OpenVex example(String name) throws SscFormatException {
    return OpenVex.PREDICATE.decode(Vectors.json("/vectors/openvex/" + name), name);
  }

  static void roundTrips(OpenVex vex) throws SscFormatException {
    assertEquals(vex, OpenVex.PREDICATE.decode(OpenVex.PREDICATE.encode(vex), "round trip"));
  }

  static VexStatement.Builder statement(String cve, VexStatement.Status status) {
    VexStatement.Builder b = VexStatement.builder().vulnerabilityName(cve).status(status);
    if (status == VexStatement.Status.NOT_AFFECTED) {
      b.justification(VexStatement.Justification.COMPONENT_NOT_PRESENT);
    } else if (status == VexStatement.Status.AFFECTED) {
      b.actionStatement("upgrade");
    }
    return b;
  }

  static VexComponent product(DigestSet digests) {
    return VexComponent.builder().id("pkg:oci/app").hashes(digests).build();
  }

  static OpenVex document(VexStatement... statements) {
    return OpenVex.builder()
        .id("https://example.com/vex/1")
        .author("security@example.com")
        .timestamp(T0)
        .version(1)
        .addAllStatements(List.of(statements))
        .build();
  }

  @Test
  void specificationMinimalExampleDecodesAndRoundTrips() throws Exception {
    OpenVex vex = example("spec-minimal.json");
    assertEquals("https://openvex.dev/docs/example/vex-9fb3463de1b57", vex.id());
    assertEquals("Wolfi J Inkinson", vex.author());
    assertEquals("Document Creator", vex.role().orElseThrow());
    assertEquals(Instant.parse("2023-01-09T00:02:03.647787998Z"), vex.timestamp());
    assertEquals(1, vex.version());
    VexStatement s = vex.statements().get(0);
    assertEquals("CVE-2023-12345", s.vulnerabilityName());
    assertEquals(VexStatement.Status.FIXED, s.status());
    assertEquals(2, s.products().size());
    assertEquals(GIT_ARM, s.products().get(0).id().orElseThrow());
    assertTrue(s.timestamp().isEmpty());
    assertEquals(vex.timestamp(), vex.timestampOf(s));
    roundTrips(vex);
  }

  @Test
  void specificationSpringExampleIsNotAffectedByLog4ShellUnderEitherName() throws Exception {
    OpenVex vex = example("spec-spring-log4shell.json");
    VexStatement s = vex.statements().get(0);
    assertEquals(VexStatement.Status.NOT_AFFECTED, s.status());
    assertEquals(
        VexStatement.Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
        s.justification().orElseThrow());
    assertTrue(s.impactStatement().orElseThrow().startsWith("Spring Boot users"));
    assertEquals("https://nvd.nist.gov/vuln/detail/CVE-2021-44228", s.vulnerabilityIri().get());
    assertEquals(List.of("GHSA-jfh8-c2jp-5v3q"), s.vulnerabilityAliases());
    VexComponent boot = s.products().get(0);
    assertEquals("pkg:maven/org.springframework.boot/spring-boot@2.6.0-M3", boot.purl().get());
    assertEquals(
        Digest.sha256(SPRING_SHA256), boot.hashes().get(DigestAlgorithm.SHA256).orElseThrow());
    DigestSet jar = DigestSet.sha256(SPRING_SHA256);
    assertEquals(s, vex.statementFor("CVE-2021-44228", jar, null).orElseThrow());
    assertEquals(s, vex.statementFor("GHSA-jfh8-c2jp-5v3q", jar, null).orElseThrow());
    assertEquals(
        s, vex.statementFor("CVE-2021-44228", OTHER, boot.purl().orElseThrow()).orElseThrow());
    assertTrue(vex.statementFor("CVE-2021-44228", OTHER, null).isEmpty());
    assertTrue(vex.statementFor("CVE-2021-45046", jar, null).isEmpty());
    assertTrue(vex.statementFor("cve-2021-44228", jar, null).isEmpty(), "ids are exact");
    roundTrips(vex);
    String written = Json.write(OpenVex.PREDICATE.encode(vex)).toUtf8String();
    assertTrue(written.contains("\"hashes\":{\"sha-256\":\"" + SPRING_SHA256), written);
  }

  @Test
  void specificationInheritanceExampleLetsTheLaterFixedStatementWin() throws Exception {
    OpenVex vex = example("spec-updated-inheritance.json");
    // The first statement keeps its own, earlier time; the second inherits the document's.
    VexStatement latest = vex.statementFor("CVE-2023-12345", OTHER, GIT_ARM).orElseThrow();
    assertEquals(VexStatement.Status.FIXED, latest.status());
    assertEquals(Instant.parse("2023-01-09T15:08:42Z"), vex.timestampOf(latest));
    assertEquals(Instant.parse("2023-01-09T00:02:03Z"), vex.timestampOf(vex.statements().get(0)));
    roundTrips(vex);
  }

  @Test
  void theRegistryDecodesAnOpenVexStatement() throws Exception {
    Statement s =
        Statement.builder()
            .addSubjects(ResourceDescriptor.of("app", DigestSet.sha256(SPRING_SHA256)))
            .predicateType(OpenVex.URI)
            .predicate(Vectors.json("/vectors/openvex/spec-spring-log4shell.json"))
            .build();
    Predicate p = PredicateRegistry.defaults().decode(s, "s");
    OpenVex vex = p.as(OpenVex.PREDICATE).orElseThrow();
    assertEquals("CVE-2021-44228", vex.statements().get(0).vulnerabilityName());
    assertTrue(PredicateRegistry.builtIns().contains(OpenVex.PREDICATE));
  }

  @Test
  void theLatestStatementWinsWhateverTheDocumentOrder() {
    VexStatement fixed =
        statement("CVE-1", VexStatement.Status.FIXED)
            .addProducts(product(APP))
            .timestamp(T0.plusSeconds(60))
            .build();
    VexStatement affected =
        statement("CVE-1", VexStatement.Status.AFFECTED).addProducts(product(APP)).build();
    // affected inherits T0, so fixed (T0 + 60 s) is later although it comes first.
    assertEquals(fixed, document(fixed, affected).statementFor("CVE-1", APP, null).get());
    VexStatement reopened =
        statement("CVE-1", VexStatement.Status.UNDER_INVESTIGATION)
            .addProducts(product(APP))
            .timestamp(T0.plusSeconds(120))
            .build();
    assertEquals(
        reopened, document(reopened, fixed, affected).statementFor("CVE-1", APP, null).get());
    // Equal times: the later in document order wins.
    VexStatement notAffected =
        statement("CVE-1", VexStatement.Status.NOT_AFFECTED).addProducts(product(APP)).build();
    assertEquals(
        notAffected, document(affected, notAffected).statementFor("CVE-1", APP, null).get());
    assertEquals(affected, document(notAffected, affected).statementFor("CVE-1", APP, null).get());
  }

  @Test
  void statementsForOtherProductsOrVulnerabilitiesDoNotApply() {
    VexStatement other =
        statement("CVE-1", VexStatement.Status.NOT_AFFECTED)
            .addProducts(product(OTHER))
            .timestamp(T0.plusSeconds(60))
            .build();
    VexStatement mine =
        statement("CVE-1", VexStatement.Status.AFFECTED).addProducts(product(APP)).build();
    VexStatement otherCve =
        statement("CVE-2", VexStatement.Status.NOT_AFFECTED)
            .addProducts(product(APP))
            .timestamp(T0.plusSeconds(90))
            .build();
    OpenVex vex = document(other, mine, otherCve);
    assertEquals(mine, vex.statementFor("CVE-1", APP, null).get());
    assertTrue(vex.statementFor("CVE-3", APP, null).isEmpty());
  }

  @Test
  void weakOrUnknownHashesNeverIdentifyAProduct() {
    String md5 = "d41d8cd98f00b204e9800998ecf8427e";
    DigestSet weak =
        DigestSet.of(
            Digest.of(DigestAlgorithm.MD5, md5),
            Digest.of(DigestAlgorithm.of("blake2b-256"), "c".repeat(64)));
    OpenVex vex =
        document(
            statement("CVE-1", VexStatement.Status.FIXED)
                .addProducts(VexComponent.builder().id("pkg:oci/app").hashes(weak).build())
                .build());
    assertTrue(vex.statementFor("CVE-1", weak, null).isEmpty());
    assertEquals(
        "blake2b-256", VexComponent.hashLabel(DigestAlgorithm.of("blake2b-256")).orElseThrow());
  }

  @Test
  void inAnAttestationStatementsWithoutProductsApplyToTheSubjectsOnly() {
    VexStatement cascading = statement("CVE-1", VexStatement.Status.NOT_AFFECTED).build();
    VexStatement forOther =
        statement("CVE-1", VexStatement.Status.AFFECTED)
            .addProducts(product(OTHER))
            .timestamp(T0.plusSeconds(60))
            .build();
    OpenVex vex = document(cascading, forOther);
    List<ResourceDescriptor> subjects = List.of(ResourceDescriptor.of("app", APP));
    assertEquals(cascading, vex.statementFor("CVE-1", APP, null, subjects).orElseThrow());
    // Not a subject: nothing applies, although a statement lists OTHER.
    assertTrue(vex.statementFor("CVE-1", OTHER, null, subjects).isEmpty());
    // Standalone, a statement without products lists nothing.
    assertTrue(vex.statementFor("CVE-1", APP, null).isEmpty());
    assertEquals(forOther, vex.statementFor("CVE-1", OTHER, null).orElseThrow());
    // A purl alone does not make a product a subject.
    VexStatement byPurl =
        statement("CVE-2", VexStatement.Status.FIXED)
            .addProducts(VexComponent.builder().purl("pkg:maven/a/b@1").build())
            .build();
    OpenVex purls = document(byPurl);
    assertTrue(purls.statementFor("CVE-2", OTHER, "pkg:maven/a/b@1", subjects).isEmpty());
    assertEquals(byPurl, purls.statementFor("CVE-2", APP, "pkg:maven/a/b@1", subjects).get());
    assertEquals(byPurl, purls.statementFor("CVE-2", OTHER, "pkg:maven/a/b@1").get());
  }

  @Test
  void theBuildersEnforceTheSpecificationMusts() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                VexStatement.builder()
                    .vulnerabilityName("CVE-1")
                    .status(VexStatement.Status.NOT_AFFECTED)
                    .build());
    assertTrue(e.getMessage().contains("justification or an impact_statement"), e.getMessage());
    VexStatement byImpact =
        VexStatement.builder()
            .vulnerabilityName("CVE-1")
            .status(VexStatement.Status.NOT_AFFECTED)
            .impactStatement("the parser is never called")
            .build();
    assertTrue(byImpact.justification().isEmpty());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                VexStatement.builder()
                    .vulnerabilityName("CVE-1")
                    .status(VexStatement.Status.AFFECTED)
                    .build());
    assertTrue(e.getMessage().contains("requires an action_statement"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OpenVex.builder().id("i").author("a").timestamp(T0).version(1).build());
    assertTrue(e.getMessage().contains("statements must not be empty"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> VexComponent.builder().hashes(APP).build());
    assertTrue(e.getMessage().contains("needs an @id or identifiers"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                VexComponent.builder()
                    .id("p")
                    .hashes(DigestSet.of(Digest.of(DigestAlgorithm.SHA512_256, "a".repeat(64))))
                    .build());
    assertTrue(e.getMessage().contains("has no OpenVEX label"), e.getMessage());
  }

  private static final String DOC =
      "{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"@id\":\"https://example.com/vex/1\","
          + "\"author\":\"a\",\"timestamp\":\"2023-01-08T18:02:03Z\",\"version\":1,"
          + "\"statements\":[STATEMENT]}";
  private static final String FIXED =
      "{\"vulnerability\":{\"name\":\"CVE-1\"},\"products\":[PRODUCT],\"status\":\"fixed\"}";
  private static final String PRODUCT = "{\"@id\":\"pkg:oci/app\"}";

  static String doc(String statement) {
    return DOC.replace("STATEMENT", statement);
  }

  static String withProduct(String product) {
    return doc(FIXED.replace("PRODUCT", product));
  }

  @TestFactory
  Stream<DynamicTest> hostileDocumentsAreRejectedNamingTheirPointer() {
    String[][] cases = {
      {
        withProduct(PRODUCT).replace("https://openvex.dev/ns/v0.2.0", "https://openvex.dev/ns"),
        "/predicate/@context"
      },
      {doc("").replace("\"@id\":\"https://example.com/vex/1\",", ""), "/predicate/@id"},
      {withProduct(PRODUCT).replace("\"version\":1", "\"version\":\"1\""), "/predicate/version"},
      {withProduct(PRODUCT).replace("\"version\":1", "\"version\":0"), "/predicate/version"},
      {withProduct(PRODUCT).replace("2023-01-08T18:02:03Z", "yesterday"), "/predicate/timestamp"},
      {doc(""), "/predicate/statements"},
      {
        doc("{\"vulnerability\":\"CVE-1\",\"status\":\"fixed\"}"),
        "/predicate/statements/0/vulnerability"
      },
      {
        doc("{\"vulnerability\":{\"name\":\"CVE-1\"},\"status\":\"patched\"}"),
        "/predicate/statements/0/status"
      },
      {
        doc(
            "{\"vulnerability\":{\"name\":\"CVE-1\"},\"status\":\"not_affected\","
                + "\"justification\":\"trust_me\"}"),
        "/predicate/statements/0/justification"
      },
      {
        doc("{\"vulnerability\":{\"name\":\"CVE-1\"},\"status\":\"not_affected\"}"),
        "/predicate/statements/0"
      },
      {
        doc("{\"vulnerability\":{\"name\":\"CVE-1\"},\"status\":\"affected\"}"),
        "/predicate/statements/0"
      },
      {
        doc(
            "{\"vulnerability\":{\"name\":\"CVE-1\",\"aliases\":[\"A\",\"A\"]},\"status\":\"fixed\"}"),
        "/predicate/statements/0"
      },
      {
        withProduct("{\"@id\":\"p\",\"hashes\":{\"sha256\":\"" + "a".repeat(64) + "\"}}"),
        "/predicate/statements/0/products/0/hashes/sha256"
      },
      {
        withProduct("{\"@id\":\"p\",\"hashes\":{\"sha-256\":\"abc\"}}"),
        "/predicate/statements/0/products/0/hashes/sha-256"
      },
      {
        withProduct("{\"@id\":\"p\",\"identifiers\":{\"swid\":\"x\"}}"),
        "/predicate/statements/0/products/0/identifiers/swid"
      },
      {
        withProduct("{\"@id\":\"p\",\"identifiers\":{}}"),
        "/predicate/statements/0/products/0/identifiers"
      },
      {
        withProduct("{\"identifiers\":{\"purl\":\"maven/a/b\"}}"),
        "/predicate/statements/0/products/0"
      },
      {
        withProduct("{\"hashes\":{\"sha-256\":\"" + "a".repeat(64) + "\"}}"),
        "/predicate/statements/0/products/0"
      },
      {
        withProduct("{\"@id\":\"p\",\"subcomponents\":[{\"@id\":\"s\",\"subcomponents\":[]}]}"),
        "/predicate/statements/0/products/0/subcomponents/0/subcomponents"
      },
      {withProduct(PRODUCT + "," + PRODUCT), "/predicate/statements/0"},
      {
        doc(FIXED.replace("PRODUCT", PRODUCT) + "," + FIXED.replace("PRODUCT", PRODUCT)),
        "/predicate"
      },
    };
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] c : cases) {
      tests.add(
          DynamicTest.dynamicTest(
              c[1] + " " + c[0],
              () -> {
                JsonObject predicate = Json.parseObject(Bytes.utf8(c[0]), "test");
                SscFormatException e =
                    assertThrows(
                        SscFormatException.class,
                        () -> OpenVex.PREDICATE.decode(predicate, "evil"));
                assertTrue(e.getMessage().startsWith("evil: " + c[1] + ": "), e.getMessage());
              }));
    }
    return tests.stream();
  }

  @Test
  void aValidDocumentOfTheHostileCasesDecodes() throws Exception {
    OpenVex vex =
        OpenVex.PREDICATE.decode(Json.parseObject(Bytes.utf8(withProduct(PRODUCT)), "t"), "t");
    assertFalse(vex.statements().isEmpty());
    roundTrips(vex);
  }
}
