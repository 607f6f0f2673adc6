package dev.ssc.examples;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.promotion.Environment;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseSigner;
import dev.ssc.attest.json.Json;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import dev.ssc.attest.predicate.CodeReview;
import dev.ssc.attest.predicate.OpenVex;
import dev.ssc.attest.predicate.ReviewApproval;
import dev.ssc.attest.predicate.SlsaProvenance;
import dev.ssc.attest.predicate.SpdxDocument;
import dev.ssc.attest.predicate.TestResult;
import dev.ssc.attest.predicate.VexComponent;
import dev.ssc.attest.predicate.VexStatement;
import dev.ssc.attest.predicate.Vulnerability;
import dev.ssc.attest.predicate.VulnerabilityScan;
import dev.ssc.policy.EnvironmentRules;
import dev.ssc.policy.EvidenceLoader;
import dev.ssc.policy.Explanations;
import dev.ssc.policy.PolicyLoader;
import dev.ssc.policy.RulePolicy;
import dev.ssc.policy.VerificationSummaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the evidence of the example organization's policy tests ({@code ssc-examples/policies}):
 * public keys of Acme's authorities and signed DSSE envelopes for a good release candidate and for
 * each way it can fail a rule.
 *
 * <p>The output is deterministic: the demo keys are derived from fixed seeds and Ed25519 signatures
 * are deterministic, so re-running the generator reproduces the committed files byte for byte
 * ({@code AcmePolicyEvidenceTest} checks this). The seeds make these keys public knowledge: they
 * are for the example only.
 *
 * <p>Run: {@code java -cp ... dev.ssc.examples.AcmePolicyEvidence ssc-examples/policies}.
 */
public final class AcmePolicyEvidence {
  /** The time at which the test cases evaluate. */
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  /** The release candidate: Acme's web image. */
  static final DigestSet RELEASE_CANDIDATE = digest("acme/web:1.4.2 image");

  /** Another build of the same app: tests that ran on it prove nothing about the candidate. */
  static final DigestSet OTHER_BUILD = digest("acme/web:1.4.2 image, rebuilt");

  static final String IMAGE = "registry.acme.example/acme/web";
  static final String COMMIT = sha1("acme/web commit 1.4.2");
  static final String OTHER_COMMIT = sha1("acme/web commit on a feature branch");
  static final DigestSet JAVA_BASE = digest("base/java17 image");
  static final DigestSet NODE_BASE = digest("base/node20 image");
  static final DigestSet PYTHON_BASE = digest("base/python3 image");

  /** Where the generator's files go: a relative path and its content. */
  interface FileSink {
    void write(String relative, byte[] content) throws IOException;
  }

  private final Path dir;
  private final FileSink sink;
  private final Map<String, SigningKey> keys = new LinkedHashMap<>();

  private AcmePolicyEvidence(Path dir, FileSink sink) {
    this.dir = dir;
    this.sink = sink;
  }

  private static FileSink filesUnder(Path dir) {
    return (relative, content) -> {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    };
  }

  /**
   * Writes keys and evidence under {@code args[0]} (default {@code ssc-examples/policies}).
   *
   * @throws Exception if writing fails
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "ssc-examples/policies");
    writeAll(dir);
  }

  /** Writes everything into {@code dir}, which holds {@code acme.yaml}. */
  static void writeAll(Path dir) throws IOException, SscFormatException {
    new AcmePolicyEvidence(dir, filesUnder(dir)).write();
  }

  /**
   * Writes everything through {@code sink}, which must write under {@code dir} (the staging VSA is
   * decided from the files written there), and {@code dir} must hold {@code acme.yaml}.
   */
  static void writeAll(Path dir, FileSink sink) throws IOException, SscFormatException {
    new AcmePolicyEvidence(dir, sink).write();
  }

  private void write() throws IOException, SscFormatException {
    for (String name : List.of("ci", "code-review", "test-runner", "scanner", "security", "gate")) {
      SigningKey key = demoKey(name);
      keys.put(name, key);
      writeFile("keys/" + name + ".pub", key.verifier().spkiPem());
    }
    writeFile("keys/laptop.pub", demoKey("laptop").verifier().spkiPem());

    // Build provenance.
    sign("ci", "provenance.json", provenance(builder(), "refs/heads/main", COMMIT, base()));
    sign(
        "ci",
        "provenance-legacy-builder.json",
        provenance(
            "https://jenkins.legacy.acme.example/job/web", "refs/heads/main", COMMIT, base()));
    sign(
        "ci",
        "provenance-feature-branch.json",
        provenance(builder(), "refs/heads/feature/x", OTHER_COMMIT, base()));
    sign(
        "ci",
        "provenance-docker-hub-base.json",
        provenance(
            builder(),
            "refs/heads/main",
            COMMIT,
            List.of(image("docker.io/library/alpine:3.19", null))));
    sign(
        "ci",
        "provenance-unapproved-base.json",
        provenance(
            builder(),
            "refs/heads/main",
            COMMIT,
            List.of(image("registry.acme.example/base/python3", PYTHON_BASE))));
    signWith(
        demoKey("laptop"),
        "provenance-from-laptop.json",
        provenance(builder(), "refs/heads/main", COMMIT, base()));
    sign(
        "security",
        "base-image-approval-node.json",
        Statement.builder()
            .addSubjects(ResourceDescriptor.of("registry.acme.example/base/node20", NODE_BASE))
            .predicateType("https://ssc.dev/attestation/base-image-approval/v1")
            .predicate(object("approvedBy", "security@acme.example", "reason", "CIS-hardened"))
            .build());

    // Code review of the commit that was built.
    sign("code-review", "review.json", review("carol", COMMIT, approval("alice"), approval("bob")));
    sign(
        "code-review",
        "review-self-approved.json",
        selfApproved(review("carol", COMMIT, approval("alice"), approval("dave")), "alice"));
    sign(
        "code-review",
        "review-of-other-commit.json",
        review("carol", OTHER_COMMIT, approval("alice"), approval("bob")));

    // Tests on the release candidate, and on another build.
    sign("test-runner", "tests.json", tests(RELEASE_CANDIDATE, "unit", "integration"));
    sign("test-runner", "tests-on-other-build.json", tests(OTHER_BUILD, "unit", "integration"));
    sign("test-runner", "tests-without-integration.json", tests(RELEASE_CANDIDATE, "unit"));

    // Vulnerability scans.
    sign("scanner", "scan.json", scan(vuln("CVE-2026-0101", "5.3")));
    sign(
        "scanner",
        "scan-critical.json",
        scan(vuln("CVE-2026-0101", "5.3"), vuln("CVE-2026-1111", "9.8")));
    sign("scanner", "scan-critical-excepted.json", scan(vuln("CVE-2026-2222", "9.1")));

    // The security team's VEX: the critical finding does not affect this image.
    OpenVex vex =
        OpenVex.builder()
            .id("https://vex.acme.example/2026/0042")
            .author("security@acme.example")
            .timestamp(NOW.minusSeconds(1800))
            .version(1)
            .addStatements(
                VexStatement.builder()
                    .vulnerabilityName("CVE-2026-1111")
                    .addProducts(VexComponent.builder().id(IMAGE).hashes(RELEASE_CANDIDATE).build())
                    .status(VexStatement.Status.NOT_AFFECTED)
                    .justification(VexStatement.Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH)
                    .build())
            .build();
    sign(
        "security",
        "vex-not-affected.json",
        about(RELEASE_CANDIDATE, OpenVex.URI, OpenVex.PREDICATE.encode(vex)));

    // SBOMs.
    sign(
        "ci",
        "sbom.json",
        sbom(
            pkg("spring-core", "6.2.1", "Apache-2.0"),
            pkg("slf4j-api", "2.0.17", "MIT"),
            pkg("jna", "5.15.0", "LGPL-2.1-or-later OR Apache-2.0")));
    sign(
        "ci",
        "sbom-gpl.json",
        sbom(
            pkg("spring-core", "6.2.1", "Apache-2.0"),
            pkg("readline-java", "0.8", "GPL-3.0-only")));

    // The gate's VSA: the release candidate passed staging an hour ago.
    writeStagingSummary();
  }

  /**
   * Decides the staging promotion of the good evidence with the policy itself and signs the VSA
   * that the gate would emit for it, so the production cases can require it.
   */
  private void writeStagingSummary() throws IOException, SscFormatException {
    RulePolicy policy = PolicyLoader.withBuiltIns().load(dir.resolve("acme.yaml"));
    EvidenceLoader loader = EvidenceLoader.forPolicy(policy, InstantSource.fixed(NOW));
    PolicyInput.Builder input =
        PolicyInput.builder()
            .subject(RELEASE_CANDIDATE)
            .time(NOW.minusSeconds(3600))
            .environment(staging(policy))
            .principal(policy.principal("dave"));
    for (String file : GOOD_EVIDENCE) {
      EvidenceLoader.Result loaded = loader.load(dir.resolve("evidence").resolve(file));
      if (!loaded.rejected().isEmpty()) {
        throw new IllegalStateException(file + " does not verify: " + loaded.rejected());
      }
      input.addAllEvidence(loaded.accepted());
    }
    Decision staging = policy.evaluate(input.build());
    if (staging.verdict() != Verdict.ALLOW) {
      throw new IllegalStateException(
          "the good evidence does not pass staging:\n" + Explanations.toText(staging));
    }
    Statement vsa =
        VerificationSummaries.summarize(
            staging,
            VerificationSummaries.Options.builder()
                .verifierId("https://gate.acme.example/ssc")
                .resourceUri(IMAGE + "@" + RELEASE_CANDIDATE.digests().iterator().next())
                .environment("staging")
                .policyDigest(policy.digest().orElseThrow())
                .build());
    sign("gate", "vsa-staging.json", vsa);
  }

  private static Environment staging(RulePolicy policy) {
    EnvironmentRules staging = policy.environments().get("staging");
    if (staging == null) {
      throw new IllegalStateException("acme.yaml defines no staging environment");
    }
    return staging.environment();
  }

  /** The evidence of a release candidate that satisfies every rule (besides VEX and the VSA). */
  static final List<String> GOOD_EVIDENCE =
      List.of(
          "provenance.json",
          "base-image-approval-node.json",
          "review.json",
          "tests.json",
          "scan.json",
          "sbom.json");

  private static String builder() {
    return "https://ci.acme.example/builders/maven@v1";
  }

  private static List<ResourceDescriptor> base() {
    return List.of(
        image("registry.acme.example/base/java17", JAVA_BASE),
        image("registry.acme.example/base/node20", NODE_BASE));
  }

  private static ResourceDescriptor image(String name, @Nullable DigestSet digest) {
    ResourceDescriptor.Builder b = ResourceDescriptor.builder().uri("oci://" + name);
    if (digest != null) {
      b.digest(digest);
    }
    return b.build();
  }

  private static Statement provenance(
      String builderId, String ref, String commit, List<ResourceDescriptor> baseImages) {
    SlsaProvenance p =
        SlsaProvenance.builder()
            .buildType("https://acme.example/build/container@v1")
            .externalParameters(
                object("repository", "https://git.acme.example/acme/web", "ref", ref))
            .addResolvedDependencies(
                ResourceDescriptor.builder()
                    .uri("git+https://git.acme.example/acme/web@" + ref)
                    .digest(DigestSet.fromMap(Map.of("gitCommit", commit)))
                    .build())
            .addAllResolvedDependencies(baseImages)
            .builderId(builderId)
            .invocationId("https://ci.acme.example/runs/4711")
            .startedOn(NOW.minusSeconds(3600))
            .finishedOn(NOW.minusSeconds(3000))
            .build();
    return about(RELEASE_CANDIDATE, SlsaProvenance.URI, SlsaProvenance.PREDICATE.encode(p));
  }

  private static ReviewApproval approval(String reviewer) {
    return ReviewApproval.builder().reviewer(reviewer).time(NOW.minusSeconds(7200)).build();
  }

  private static Statement review(String author, String commit, ReviewApproval... approvals) {
    CodeReview r =
        CodeReview.builder()
            .repository("https://git.acme.example/acme/web")
            .changeId("1234")
            .reviewedCommit(Digest.of("gitCommit", commit))
            .author(author)
            .addAllApprovals(List.of(approvals))
            .build();
    return about(
        DigestSet.fromMap(Map.of("gitCommit", commit)),
        CodeReview.URI,
        CodeReview.PREDICATE.encode(r));
  }

  /**
   * The review with its author replaced: ssc's CodeReview type refuses to build a self-approved
   * review, but a review system may well sign one, and the policy must deny it.
   */
  private static Statement selfApproved(Statement review, String author) {
    Map<String, dev.ssc.api.json.JsonValue> m = new LinkedHashMap<>(review.predicate().members());
    m.put("author", new JsonString(author));
    return Statement.builder()
        .addAllSubjects(review.subjects())
        .predicateType(review.predicateType())
        .predicate(new JsonObject(m))
        .build();
  }

  private static Statement tests(DigestSet subject, String... suites) {
    TestResult t =
        TestResult.builder()
            .result(TestResult.Result.PASSED)
            .url("https://ci.acme.example/runs/4712/tests")
            .addAllPassedTests(List.of(suites))
            .build();
    return about(subject, TestResult.URI, TestResult.PREDICATE.encode(t));
  }

  private static Vulnerability vuln(String id, String cvss) {
    return Vulnerability.builder().id(id).putSeverity("CVSSv3", cvss).build();
  }

  private static Statement scan(Vulnerability... found) {
    VulnerabilityScan s =
        VulnerabilityScan.builder()
            .scannerUri("https://scanner.acme.example/grype")
            .scannerVersion("0.87.0")
            .addAllVulnerabilities(List.of(found))
            .scanStartedOn(NOW.minusSeconds(2400))
            .scanFinishedOn(NOW.minusSeconds(2300))
            .build();
    return about(RELEASE_CANDIDATE, VulnerabilityScan.URI, VulnerabilityScan.PREDICATE.encode(s));
  }

  private static String pkg(String name, String version, String license) {
    return "{\"SPDXID\":\"SPDXRef-"
        + name
        + "\",\"name\":\""
        + name
        + "\",\"versionInfo\":\""
        + version
        + "\",\"licenseConcluded\":\""
        + license
        + "\",\"externalRefs\":[{\"referenceCategory\":\"PACKAGE-MANAGER\",\"referenceType\":"
        + "\"purl\",\"referenceLocator\":\"pkg:maven/acme/"
        + name
        + "@"
        + version
        + "\"}]}";
  }

  private static Statement sbom(String... packages) throws SscFormatException {
    String json =
        "{\"spdxVersion\":\"SPDX-2.3\",\"dataLicense\":\"CC0-1.0\",\"SPDXID\":\"SPDXRef-DOCUMENT\","
            + "\"name\":\"acme-web-1.4.2\",\"documentNamespace\":"
            + "\"https://sbom.acme.example/acme-web-1.4.2\",\"creationInfo\":{\"created\":\""
            + NOW.minusSeconds(3000)
            + "\",\"creators\":[\"Tool: syft\"]},\"packages\":["
            + String.join(",", packages)
            + "]}";
    JsonObject document = Json.parseObject(Bytes.utf8(json), "sbom");
    SpdxDocument doc = SpdxDocument.of(document, "sbom");
    return about(RELEASE_CANDIDATE, SpdxDocument.URI_V2_3, SpdxDocument.PREDICATE_V2_3.encode(doc));
  }

  private static Statement about(DigestSet subject, String type, JsonObject predicate) {
    String name =
        subject.equals(RELEASE_CANDIDATE) || subject.equals(OTHER_BUILD) ? IMAGE : "commit";
    return Statement.builder()
        .addSubjects(ResourceDescriptor.of(name, subject))
        .predicateType(type)
        .predicate(predicate)
        .build();
  }

  private void sign(String authority, String file, Statement statement) throws IOException {
    SigningKey key = keys.get(authority);
    if (key == null) {
      throw new IllegalStateException("no demo key for " + authority);
    }
    signWith(key, file, statement);
  }

  private void signWith(SigningKey key, String file, Statement statement) throws IOException {
    Bytes envelope = DsseCodec.encode(DsseSigner.sign(statement, key));
    writeFile(
        "evidence/" + file, new String(envelope.toByteArray(), StandardCharsets.UTF_8) + "\n");
  }

  private void writeFile(String relative, String content) throws IOException {
    sink.write(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  /** An Ed25519 key derived from a public seed: for the example only. */
  static SigningKey demoKey(String name) {
    byte[] seed =
        Digests.sha256(Bytes.utf8("ssc example key, not secret: " + name)).bytes().toByteArray();
    byte[] prefix = {
      0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };
    byte[] der = new byte[prefix.length + seed.length];
    System.arraycopy(prefix, 0, der, 0, prefix.length);
    System.arraycopy(seed, 0, der, prefix.length, seed.length);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END PRIVATE KEY-----\n";
    try {
      return Keys.readPrivateKeyPem(pem, "demo key " + name);
    } catch (SscFormatException e) {
      throw new IllegalStateException("demo key " + name, e);
    }
  }

  private static DigestSet digest(String content) {
    return DigestSet.of(Digests.sha256(Bytes.utf8(content)));
  }

  private static String sha1(String content) {
    try {
      byte[] h =
          java.security.MessageDigest.getInstance("SHA-1")
              .digest(content.getBytes(StandardCharsets.UTF_8));
      return Bytes.of(h).toHex();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject object(String... pairs) {
    Map<String, dev.ssc.api.json.JsonValue> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], new JsonString(pairs[i + 1]));
    }
    return new JsonObject(m);
  }
}
