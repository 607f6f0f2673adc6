package dev.ssc.cli;

import static dev.ssc.cli.MainTest.assertOneErrorLine;
import static dev.ssc.cli.MainTest.ssc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ssc policy eval} and {@code ssc policy test} over the fixture in {@code
 * src/test/resources/policy-suite}: a policy with two authorities, envelopes signed by their keys
 * and by an untrusted laptop key, and a test file of five cases.
 */
class PolicyCommandTest {
  private static final String AT = "2026-12-01T12:00:00Z";
  private static final String APP =
      "sha256:310d1455d0d51b158d55d5efdf87d92199fd02e9f0bbfbd466d95471b450cf55";

  @TempDir Path dir;
  Path fixture;

  @BeforeEach
  void copyFixture() throws Exception {
    Path source = Path.of(PolicyCommandTest.class.getResource("/policy-suite").toURI());
    fixture = dir.resolve("policy-suite");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path target = fixture.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  String f(String relative) {
    return fixture.resolve(relative).toString();
  }

  MainTest.Run eval(String... more) {
    List<String> args =
        new ArrayList<>(List.of("policy", "eval", "--policy", f("policy.yaml"), "--at", AT));
    args.addAll(List.of(more));
    return ssc(args.toArray(String[]::new));
  }

  @Test
  void allowsTheTestedReleaseCandidateAndExitsZero() {
    MainTest.Run r =
        eval(
            "--subject-file",
            f("artifacts/app.jar"),
            "--environment",
            "production",
            "--actor",
            "rita",
            f("evidence/provenance.dsse.json"),
            f("evidence/qa-tests.dsse.json"),
            f("evidence/provenance.dsse.json"));

    assertEquals(Main.OK, r.code(), r.err());
    List<String> evidence = r.out().lines().filter(l -> l.contains("evidence: ")).toList();
    assertFalse(evidence.get(0).contains(","), "a file given twice counts once: " + r.out());
    assertTrue(r.out().startsWith("ALLOW {" + APP + "} by fixture/release@1 at " + AT), r.out());
    assertTrue(r.out().contains("[PASS] production.role: "), r.out());
    assertEquals("", r.err());
  }

  @Test
  void anAllowedDecisionIsWrittenAsASignedVsaThatVerifies() throws Exception {
    dev.ssc.attest.keys.SigningKey gate =
        dev.ssc.attest.keys.Keys.generate(dev.ssc.api.signing.SignatureAlgorithm.ED25519);
    Path key = dir.resolve("gate.key");
    Files.writeString(key, gate.exportPkcs8Pem());
    Path vsa = dir.resolve("vsa.dsse.json");
    String[] args = {
      "--subject-file",
      f("artifacts/app.jar"),
      "--environment",
      "production",
      "--actor",
      "rita",
      "--vsa-out",
      vsa.toString(),
      "--vsa-key",
      key.toString(),
      f("evidence/provenance.dsse.json"),
      f("evidence/qa-tests.dsse.json")
    };
    MainTest.Run r = eval(args);
    assertEquals(Main.OK, r.code(), r.err());
    dev.ssc.api.attestation.AttestationVerification v =
        dev.ssc.attest.dsse.DsseVerifier.builder(dev.ssc.api.signing.KeyRing.of(gate.verifier()))
            .build()
            .verify(dev.ssc.api.Bytes.of(Files.readAllBytes(vsa)));
    dev.ssc.api.attestation.Statement statement = v.attestation().orElseThrow().statement();
    assertEquals(dev.ssc.attest.predicate.SlsaVerificationSummary.URI, statement.predicateType());
    String policyUri =
        dev.ssc.attest.predicate.SlsaVerificationSummary.PREDICATE
            .decode(statement.predicate(), "vsa")
            .policy()
            .uri()
            .orElseThrow();
    assertTrue(policyUri.endsWith("?environment=production"), policyUri);

    MainTest.Run again = eval(args);
    assertEquals(Main.ERROR, again.code(), "an existing VSA file is never overwritten");

    Path denied = dir.resolve("denied.dsse.json");
    MainTest.Run d =
        eval(
            "--subject-file",
            f("artifacts/app.jar"),
            "--environment",
            "production",
            "--actor",
            "dave",
            "--vsa-out",
            denied.toString(),
            "--vsa-key",
            key.toString(),
            f("evidence/provenance.dsse.json"),
            f("evidence/qa-tests.dsse.json"));
    assertEquals(Main.NEGATIVE, d.code());
    assertFalse(Files.exists(denied));
    assertTrue(d.err().contains("no VSA written"), d.err());
    assertEquals(
        Main.ERROR,
        eval("--subject-file", f("artifacts/app.jar"), "--vsa-out", denied.toString()).code());
  }

  @Test
  void deniesADeveloperAndExplainsWhatWouldSatisfyThePolicy() {
    MainTest.Run r =
        eval(
            "--subject-digest",
            APP,
            "--environment",
            "production",
            "--actor",
            "dave",
            f("evidence/provenance.dsse.json"),
            f("evidence/qa-tests.dsse.json"));

    assertEquals(Main.NEGATIVE, r.code(), r.err());
    assertTrue(r.out().startsWith("DENY "), r.out());
    assertTrue(r.out().contains("[FAIL] production.role: dave holds only developer"), r.out());
    assertTrue(r.out().contains("to satisfy: "), r.out());
    assertTrue(r.out().contains("[PASS] build.provenance"), r.out());
  }

  @Test
  void jsonOutputHasTheVerdictTheResultsAndTheRejectedEvidence() throws Exception {
    MainTest.Run r =
        eval(
            "--json",
            "--subject-file",
            f("artifacts/app.jar"),
            "--environment",
            "production",
            "--actor",
            "rita",
            f("evidence/provenance.dsse.json"),
            f("evidence/tests.intoto.jsonl"));

    assertEquals(Main.OK, r.code(), r.err());
    assertEquals("", r.err());
    JsonObject json =
        Json.parseObject(Bytes.of(r.out().getBytes(StandardCharsets.UTF_8)), "stdout");
    assertEquals("ALLOW", json.getString("verdict").orElseThrow());
    assertEquals("fixture/release@1", json.getString("policy").orElseThrow());
    assertEquals(AT, json.getString("evaluatedAt").orElseThrow());
    List<JsonValue> results = ((JsonArray) json.get("results").orElseThrow()).elements();
    assertEquals(3, results.size());
    assertEquals("build.provenance", ((JsonObject) results.get(0)).getString("rule").orElseThrow());
    List<JsonValue> rejected = ((JsonArray) json.get("rejectedEvidence").orElseThrow()).elements();
    assertEquals(1, rejected.size(), r.out());
    JsonObject laptop = (JsonObject) rejected.get(0);
    assertEquals(f("evidence/tests.intoto.jsonl"), laptop.getString("file").orElseThrow());
    assertEquals(
        2, ((dev.ssc.api.json.JsonNumber) laptop.get("line").orElseThrow()).value().intValue());
    assertTrue(laptop.getString("evidence").orElseThrow().startsWith("sha256:"));
    assertTrue(
        laptop.get("findings").orElseThrow().toString().contains("dsse.threshold.unmet"),
        laptop.toString());
  }

  @Test
  void anUntrustedEnvelopeIsReportedButDoesNotCount() {
    MainTest.Run r =
        eval(
            "--subject-file",
            f("artifacts/laptop.jar"),
            "--environment",
            "production",
            "--actor",
            "rita",
            f("evidence/laptop-provenance.dsse.json"));

    assertEquals(Main.NEGATIVE, r.code(), r.err());
    assertTrue(r.out().contains("[FAIL] build.provenance: "), r.out());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "ssc: warning: evidence not counted: "
                    + f("evidence/laptop-provenance.dsse.json")
                    + " (sha256:"),
        r.err());
    assertTrue(r.err().contains("dsse.threshold.unmet"), r.err());
  }

  @Test
  void anEnvironmentThePolicyDoesNotDefineIsDenied() {
    MainTest.Run r =
        eval(
            "--subject-digest",
            APP,
            "--environment",
            "moon",
            "--actor",
            "rita",
            f("evidence/provenance.dsse.json"));

    assertEquals(Main.NEGATIVE, r.code(), r.err());
    assertTrue(r.out().contains("[FAIL] policy.environment: "), r.out());
  }

  @Test
  void withoutEvidenceThePolicyDeniesAndSaysWhatIsMissing() {
    MainTest.Run r = eval("--subject-digest", APP);

    assertEquals(Main.NEGATIVE, r.code(), r.err());
    assertTrue(r.out().contains("[FAIL] build.provenance: no "), r.out());
  }

  @Test
  void anInvalidPolicyIsOneErrorLineWithLineAndColumn() throws Exception {
    Path bad =
        Files.writeString(
            fixture.resolve("bad.yaml"),
            Files.readString(fixture.resolve("policy.yaml"))
                .replace(
                    "    authority: ci\n  - rule: any-of", "    authorty: ci\n  - rule: any-of"));

    MainTest.Run r =
        ssc("policy", "eval", "--policy", bad.toString(), "--subject-digest", APP, "--at", AT);

    assertOneErrorLine(r);
    assertTrue(
        r.err()
            .matches(
                "ssc: error: "
                    + Pattern.quote(bad.toString())
                    + ":\\d+:\\d+: rule 'build.provenance' needs field 'authority'.*\\R"),
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void aPolicyWhoseAuthorityListsKeyIdsOnlyCannotVerifyEvidence() throws Exception {
    Path policy =
        Files.writeString(
            fixture.resolve("ids.yaml"),
            Files.readString(fixture.resolve("policy.yaml"))
                .replace("      - file: keys/qa.pub", "      - keyId: qa-key"));

    MainTest.Run r =
        ssc("policy", "eval", "--policy", policy.toString(), "--subject-digest", APP, "--at", AT);

    assertOneErrorLine(r);
    assertTrue(r.err().contains("authority 'qa'"), r.err());
    assertTrue(r.err().contains("lists key ids only"), r.err());
  }

  @Test
  void theSubjectIsRequiredOnce() {
    MainTest.Run none = eval(f("evidence/provenance.dsse.json"));
    assertOneErrorLine(none);
    assertTrue(none.err().contains("exactly one of --subject-file"), none.err());

    MainTest.Run both = eval("--subject-digest", APP, "--subject-file", f("artifacts/app.jar"));
    assertOneErrorLine(both);

    MainTest.Run weak = eval("--subject-digest", "md5:" + "0".repeat(32));
    assertOneErrorLine(weak);
    assertTrue(weak.err().contains("not collision-resistant"), weak.err());

    MainTest.Run missing = eval("--subject-file", f("nope.jar"));
    assertOneErrorLine(missing);
    assertTrue(missing.err().contains("--subject-file " + f("nope.jar")), missing.err());
  }

  @Test
  void unreadableInputsAreOneErrorLine() throws Exception {
    Path notEvidence = Files.writeString(dir.resolve("notes.txt"), "hello\n");
    for (MainTest.Run r :
        List.of(
            eval("--subject-digest", APP, notEvidence.toString()),
            eval("--subject-digest", APP, f("evidence/missing.json")),
            eval("--subject-digest", APP, "--at", "tomorrow"),
            eval("--subject-digest", APP, "--environment", "Production!"),
            ssc("policy", "eval", "--policy", f("missing.yaml"), "--subject-digest", APP))) {
      assertOneErrorLine(r);
      assertEquals("", r.out());
    }
    MainTest.Run notEnvelope = eval("--subject-digest", APP, notEvidence.toString());
    assertTrue(
        notEnvelope.err().contains("cannot read EVIDENCE " + notEvidence + ": neither"),
        notEnvelope.err());
  }

  @Test
  void theFixtureSuitePasses() {
    MainTest.Run r = ssc("policy", "test", f("tests"));

    assertEquals(Main.OK, r.code(), r.out() + r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(6, lines.size(), r.out());
    assertEquals(
        "PASS the tested release candidate goes to production with a release manager",
        lines.get(0));
    lines.subList(0, 5).forEach(l -> assertTrue(l.startsWith("PASS "), l));
    assertEquals("5 passed, 0 failed (5 cases in 1 file)", lines.get(5));
    assertEquals("", r.err());
  }

  @Test
  void aFailingCaseExitsOneAndSaysHowTheDecisionDiffered() throws Exception {
    Path tests = fixture.resolve("tests/release.test.yaml");
    Files.writeString(
        tests,
        Files.readString(tests)
            .replace(
                "      decision: deny\n      failing: [production.role]", "      decision: allow"));

    MainTest.Run r = ssc("policy", "test", fixture.toString());

    assertEquals(Main.NEGATIVE, r.code(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "FAIL a developer may not promote to production: expected allow,"
                    + " got deny with failing [production.role];"
                    + " evidence not counted: ../evidence/tests.intoto.jsonl:2"
                    + " (dsse.threshold.unmet)\n"),
        r.out());
    assertTrue(r.out().endsWith("4 passed, 1 failed (5 cases in 1 file)\n"), r.out());
  }

  @Test
  void aSuiteThatCannotBeLoadedExitsTwo() throws Exception {
    Path tests = fixture.resolve("tests/release.test.yaml");
    Files.writeString(
        tests, Files.readString(tests).replaceFirst("    actor: rita", "    acter: rita"));

    MainTest.Run r = ssc("policy", "test", fixture.toString());

    assertOneErrorLine(r);
    assertTrue(
        r.err()
            .matches(
                "ssc: error: "
                    + Pattern.quote(tests.toString())
                    + ":\\d+:\\d+: unknown field 'acter'.*\\R"),
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void aDirectoryWithoutTestsExitsTwo() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    MainTest.Run r = ssc("policy", "test", empty.toString());
    assertOneErrorLine(r);
    assertTrue(r.err().contains("no test files"), r.err());

    MainTest.Run missing = ssc("policy", "test", dir.resolve("nope").toString());
    assertOneErrorLine(missing);
    assertFalse(missing.err().contains("internal error"), missing.err());
  }
}
