package dev.ssc.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseSigner;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PolicyTestSuite and EvidenceLoader over real keys, envelopes and files. */
class PolicyTestSuiteTest {
  private static final String PROVENANCE = "https://slsa.dev/provenance/v1";
  private static final SigningKey CI = Keys.generate(SignatureAlgorithm.ED25519);
  private static final SigningKey LAPTOP = Keys.generate(SignatureAlgorithm.ED25519);

  @TempDir Path dir;
  DigestSet app;

  @BeforeEach
  void writeFixture() throws Exception {
    Files.writeString(dir.resolve("ci.pub"), CI.verifier().spkiPem());
    Path jar = Files.writeString(dir.resolve("app.jar"), "acme app 1.0\n");
    app = DigestSet.of(Digests.sha256(jar));
    Files.writeString(
        dir.resolve("policy.yaml"),
        String.join(
            "\n",
            "apiVersion: ssc.dev/policy/v1",
            "kind: Policy",
            "metadata: {name: t/release}",
            "authorities:",
            "  ci: {keys: [{file: ci.pub}]}",
            "principals:",
            "  rita: [release-manager]",
            "  dave: [developer]",
            "rules:",
            "  - rule: attestation",
            "    id: build.provenance",
            "    predicateType: " + PROVENANCE,
            "    authority: ci",
            "environments:",
            "  production:",
            "    promoters: [release-manager]",
            "    rules: [{rule: promotion-role}]",
            ""));
    Files.write(dir.resolve("ci.dsse.json"), envelope(CI, app));
    Files.write(dir.resolve("laptop.dsse.json"), envelope(LAPTOP, app));
  }

  static byte[] envelope(SigningKey key, DigestSet about) throws Exception {
    Statement s =
        Statement.builder()
            .addSubjects(ResourceDescriptor.of("app.jar", about))
            .predicateType(PROVENANCE)
            .predicate(new JsonObject(Map.of("builder", new JsonString("ci"))))
            .build();
    return DsseCodec.encode(DsseSigner.sign(s, key)).toByteArray();
  }

  void testFile(String name, String... cases) throws Exception {
    Files.writeString(
        dir.resolve(name),
        String.join(
                "\n",
                "apiVersion: ssc.dev/policy-test/v1",
                "kind: PolicyTest",
                "policy: policy.yaml",
                "cases:")
            + "\n"
            + String.join("\n", cases)
            + "\n");
  }

  static String testCase(
      String name, String actor, String evidence, String decision, String failing) {
    return String.join(
        "\n",
        "  - name: " + name,
        "    subjectFile: app.jar",
        "    environment: production",
        "    actor: " + actor,
        "    at: 2026-12-01T12:00:00Z",
        "    evidence: [" + evidence + "]",
        "    expect:",
        "      decision: " + decision,
        failing.isEmpty() ? "" : "      failing: " + failing);
  }

  @Test
  void runsEveryCaseAndComparesVerdictAndFailingRules() throws Exception {
    testFile(
        "release.test.yaml",
        testCase("release manager with provenance", "rita", "ci.dsse.json", "allow", "[]"),
        testCase("developer", "dave", "ci.dsse.json", "deny", "[promotion-role]"),
        testCase("wrong expectation", "dave", "ci.dsse.json", "deny", "[build.provenance]"));

    PolicyTestSuite suite = PolicyTestSuite.load(dir);
    List<PolicyTestResult> results = suite.run();

    assertEquals(3, suite.size());
    assertEquals(List.of(dir.resolve("release.test.yaml")), suite.files());
    assertEquals("PASS release manager with provenance", results.get(0).describe());
    assertEquals("PASS developer", results.get(1).describe());
    assertFalse(results.get(2).passed());
    assertEquals(
        "FAIL wrong expectation: expected deny with failing [build.provenance],"
            + " got deny with failing [promotion-role]",
        results.get(2).describe());
    assertTrue(
        results.get(2).location().endsWith("release.test.yaml:23:5"), results.get(2).location());
  }

  @Test
  void anUntrustedEnvelopeDoesNotCountAndIsNamedWhenACaseFails() throws Exception {
    testFile(
        "laptop.test.yaml", testCase("laptop provenance", "rita", "laptop.dsse.json", "allow", ""));

    PolicyTestResult r = PolicyTestSuite.load(dir).run().get(0);

    assertEquals(Verdict.DENY, r.decision().verdict());
    assertEquals(1, r.rejectedEvidence().size());
    assertEquals(
        "FAIL laptop provenance: expected allow, got deny with failing [build.provenance];"
            + " evidence not counted: laptop.dsse.json (dsse.threshold.unmet)",
        r.describe());
  }

  @Test
  void runningTwiceGivesTheSameDecisions() throws Exception {
    testFile("a.test.yaml", testCase("one", "rita", "ci.dsse.json", "allow", ""));
    PolicyTestSuite suite = PolicyTestSuite.load(dir);

    assertEquals(suite.run().get(0).decision(), suite.run().get(0).decision());
  }

  @Test
  void findsTestFilesInSubdirectoriesInPathOrder() throws Exception {
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(
        dir.resolve("b/z.test.yml"),
        "apiVersion: ssc.dev/policy-test/v1\nkind: PolicyTest\npolicy: ../policy.yaml\ncases:\n"
            + testCase("in b", "rita", "../ci.dsse.json", "allow", "")
                .replace("subjectFile: app.jar", "subjectFile: ../app.jar")
            + "\n");
    testFile("a.test.yaml", testCase("in a", "rita", "ci.dsse.json", "allow", ""));
    Files.writeString(dir.resolve("notes.yaml"), "not a test");

    PolicyTestSuite suite = PolicyTestSuite.load(dir);

    assertEquals(List.of(dir.resolve("a.test.yaml"), dir.resolve("b/z.test.yml")), suite.files());
    assertEquals(
        List.of("PASS in a", "PASS in b"),
        suite.run().stream().map(PolicyTestResult::describe).toList());
  }

  @Test
  void aDirectoryWithoutTestFilesCannotBeLoaded() {
    SscFormatException e = assertThrows(SscFormatException.class, () -> PolicyTestSuite.load(dir));
    assertTrue(e.getMessage().contains("no test files"), e.getMessage());
  }

  @Test
  void unknownFieldsAreErrorsWithLineAndColumn() throws Exception {
    testFile(
        "bad.test.yaml",
        testCase("x", "rita", "ci.dsse.json", "allow", "").replace("    actor:", "    actr:"));

    SscFormatException e = assertThrows(SscFormatException.class, () -> PolicyTestSuite.load(dir));
    assertTrue(
        e.getMessage().startsWith(dir.resolve("bad.test.yaml") + ":8:5: unknown field 'actr'"),
        e.getMessage());
  }

  @Test
  void everyProblemOfATestFileNamesItsPlace() throws Exception {
    Map<String, String> problems =
        Map.of(
            "decision: allow", "decision: maybe",
            "at: 2026-12-01T12:00:00Z", "at: tomorrow",
            "subjectFile: app.jar", "subjectFile: missing.jar",
            "evidence: [ci.dsse.json]", "evidence: [missing.json]");
    for (Map.Entry<String, String> p : problems.entrySet()) {
      testFile(
          "bad.test.yaml",
          testCase("x", "rita", "ci.dsse.json", "allow", "").replace(p.getKey(), p.getValue()));
      SscFormatException e =
          assertThrows(SscFormatException.class, () -> PolicyTestSuite.load(dir), p.getValue());
      assertTrue(
          e.getMessage().matches(".*bad\\.test\\.yaml:\\d+:\\d+: .*"), p + ": " + e.getMessage());
    }
  }

  @Test
  void aCaseNeedsExactlyOneSubjectAndATime() throws Exception {
    testFile(
        "bad.test.yaml",
        testCase("x", "rita", "ci.dsse.json", "allow", "")
            .replace("    subjectFile: app.jar\n", ""));
    assertThrows(SscFormatException.class, () -> PolicyTestSuite.load(dir));

    testFile(
        "bad.test.yaml",
        testCase("x", "rita", "ci.dsse.json", "allow", "")
            .replace("    at: 2026-12-01T12:00:00Z\n", ""));
    SscFormatException e = assertThrows(SscFormatException.class, () -> PolicyTestSuite.load(dir));
    assertTrue(e.getMessage().contains("missing required field 'at'"), e.getMessage());
  }

  @Test
  void duplicateCaseNamesAreErrors() throws Exception {
    testFile(
        "dup.test.yaml",
        testCase("same", "rita", "ci.dsse.json", "allow", ""),
        testCase("same", "dave", "ci.dsse.json", "deny", ""));
    SscFormatException e = assertThrows(SscFormatException.class, () -> PolicyTestSuite.load(dir));
    assertTrue(e.getMessage().contains("already used at line 5"), e.getMessage());
  }

  @Test
  void anInvalidPolicyIsReportedWithItsOwnPosition() throws Exception {
    Files.writeString(dir.resolve("policy.yaml"), "apiVersion: ssc.dev/policy/v1\nkind: Nope\n");
    testFile("a.test.yaml", testCase("x", "rita", "ci.dsse.json", "allow", ""));
    SscFormatException e = assertThrows(SscFormatException.class, () -> PolicyTestSuite.load(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve("policy.yaml") + ":2:7:"), e.getMessage());
  }

  @Test
  void evidenceLoaderReadsEnvelopesAndBundles() throws Exception {
    RulePolicy policy = PolicyLoader.withBuiltIns().load(dir.resolve("policy.yaml"));
    EvidenceLoader loader = EvidenceLoader.forPolicy(policy, InstantSource.fixed(Instant.EPOCH));
    byte[] ci = envelope(CI, app);
    byte[] laptop = envelope(LAPTOP, app);
    String bundle =
        new String(ci, StandardCharsets.UTF_8)
            + "\n{\"not\":\"an envelope\"}\n\n"
            + new String(laptop, StandardCharsets.UTF_8)
            + "\n";

    EvidenceLoader.Result one = loader.load(Bytes.of(ci), "ci.json");
    EvidenceLoader.Result file = loader.load(dir.resolve("laptop.dsse.json"));
    assertEquals(dir.resolve("laptop.dsse.json").toString(), file.rejected().get(0).source());
    EvidenceLoader.Result many =
        loader.load(Bytes.of(bundle.getBytes(StandardCharsets.UTF_8)), "b.jsonl");

    assertEquals(1, one.accepted().size());
    assertEquals(Digests.sha256(Bytes.of(ci)), one.accepted().get(0).evidenceId());
    assertEquals(Set.of(CI.keyId()), one.accepted().get(0).signerKeyIds());
    assertEquals(1, many.accepted().size());
    assertEquals(2, many.rejected().size());
    EvidenceLoader.Rejected untrusted = many.rejected().get(0);
    assertEquals(4, untrusted.line().orElseThrow());
    assertEquals(Digests.sha256(Bytes.of(laptop)), untrusted.evidenceId().orElseThrow());
    assertTrue(untrusted.describe().startsWith("b.jsonl:4 (sha256:"), untrusted.describe());
    assertTrue(untrusted.describe().contains("dsse.threshold.unmet"), untrusted.describe());
    assertEquals(2, many.rejected().get(1).line().orElseThrow());
    assertEquals("bundle.line.ignored", many.rejected().get(1).findings().get(0).code());
  }

  @Test
  void evidenceLoaderRefusesAFileWithoutAnEnvelope() throws Exception {
    RulePolicy policy = PolicyLoader.withBuiltIns().load(dir.resolve("policy.yaml"));
    EvidenceLoader loader = EvidenceLoader.forPolicy(policy, InstantSource.system());

    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> loader.load(Bytes.of("hello\n".getBytes(StandardCharsets.UTF_8)), "x.txt"));
    assertTrue(e.getMessage().startsWith("x.txt: neither a DSSE envelope"), e.getMessage());
  }

  @Test
  void anAuthorityOfKeyIdsOnlyCannotVerifyEnvelopes() throws Exception {
    RulePolicy policy =
        RulePolicy.builder("p")
            .authority(Authority.ofKeyIds("ci", 1, Set.of("k")))
            .rule(Rules.requirePromoterRole())
            .build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EvidenceLoader.forPolicy(policy, InstantSource.system()));
    assertTrue(e.getMessage().contains("lists key ids only"), e.getMessage());
  }

  @Test
  void aPolicyWithoutAuthoritiesRejectsEveryEnvelope() throws Exception {
    RulePolicy policy = RulePolicy.builder("p").rule(Rules.requirePromoterRole()).build();
    EvidenceLoader.Result r =
        EvidenceLoader.forPolicy(policy, InstantSource.system())
            .load(Bytes.of(envelope(CI, app)), "ci.json");
    assertEquals(List.of(), r.accepted());
    assertEquals("policy.authorities.none", r.rejected().get(0).findings().get(0).code());
  }
}
