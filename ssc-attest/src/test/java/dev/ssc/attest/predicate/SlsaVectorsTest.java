package dev.ssc.attest.predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.AttestationVerification;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.attest.Vectors;
import dev.ssc.attest.bundle.Bundle;
import dev.ssc.attest.bundle.BundleReader;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseVerifier;
import dev.ssc.attest.intoto.StatementCodec;
import dev.ssc.attest.json.Json;
import dev.ssc.attest.keys.Keys;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The slsa-verifier test data: the key-signed VSA verified offline, the provenance parsed. */
class SlsaVectorsTest {
  private static final String DIR = "/vectors/slsa/";
  private static final PredicateRegistry REGISTRY = PredicateRegistry.defaults();

  @Test
  void keySignedVsaVerifiesOfflineAndDecodes() throws Exception {
    Bundle bundle =
        BundleReader.builder()
            .rejectUnrecognizedLines()
            .build()
            .read(Vectors.resource(DIR + "vsa/gke-gce-pre.bcid-vsa.jsonl"), "vsa.jsonl");
    assertEquals(1, bundle.entries().size());
    String pem = Vectors.resource(DIR + "vsa/vsa_signing_public_key.pem").toUtf8String();
    DsseVerifier verifier =
        DsseVerifier.builder(KeyRing.of(Keys.readPublicKeyPem(pem, "vsa key")))
            .clock(InstantSource.fixed(Instant.parse("2024-06-13T00:00:00Z")))
            .build();
    AttestationVerification result = verifier.verify(bundle.entries().get(0).bytes());
    assertEquals(Verdict.ALLOW, result.verdict(), result.findings().toString());
    VerifiedAttestation attestation = result.attestation().orElseThrow();
    assertEquals(bundle.entries().get(0).evidenceId(), attestation.evidenceId());
    // The subject is identified only by the custom gce_image_id algorithm. ssc carries it but,
    // as in-toto requires of unrecognized algorithms, never matches on it: slsa-verifier's
    // "PASSES with subject digest gce_image_id:..." is a caller-configured comparison.
    DigestSet gce = DigestSet.of(Digest.of("gce_image_id", "8970095005306000053"));
    assertEquals(gce, attestation.statement().subjects().get(0).digest());
    assertEquals(DigestSet.Match.NO_COMMON_ALGORITHM, gce.compare(gce));
    assertFalse(attestation.isAbout(gce));

    SlsaVerificationSummary vsa =
        REGISTRY.decode(attestation).as(SlsaVerificationSummary.PREDICATE).orElseThrow();
    assertEquals(
        "https://bcid.corp.google.com/verifier/bcid_package_enforcer/v0.1", vsa.verifierId());
    assertEquals(
        "gce_image://gke-node-images:gke-12615-gke1418000-cos-101-17162-463-29-c-cgpv1-pre",
        vsa.resourceUri());
    assertEquals(List.of("BCID_L1", "SLSA_BUILD_LEVEL_2"), vsa.verifiedLevels());
    assertTrue(vsa.passed());
    assertEquals(Instant.parse("2024-06-12T07:24:34.351608Z"), vsa.timeVerified());
    assertTrue(vsa.policy().uri().orElseThrow().startsWith("googlefile:/google_src/"));
    // Typed views round-trip through their codec.
    assertEquals(
        vsa,
        SlsaVerificationSummary.PREDICATE.decode(
            SlsaVerificationSummary.PREDICATE.encode(vsa), "re-encoded"));
  }

  @Test
  void vsaWithAnyChangedPayloadByteIsDenied() throws Exception {
    Bytes line = Vectors.resource(DIR + "vsa/gke-gce-pre.bcid-vsa.jsonl");
    Envelope envelope = DsseCodec.decode(line, "vsa");
    byte[] payload = envelope.payload().toByteArray();
    payload[payload.length / 2] ^= 1;
    Envelope tampered =
        Envelope.builder()
            .payloadType(envelope.payloadType())
            .payload(Bytes.of(payload))
            .addAllSignatures(envelope.signatures())
            .build();
    String pem = Vectors.resource(DIR + "vsa/vsa_signing_public_key.pem").toUtf8String();
    DsseVerifier verifier =
        DsseVerifier.builder(KeyRing.of(Keys.readPublicKeyPem(pem, "vsa key"))).build();
    assertEquals(Verdict.DENY, verifier.verify(DsseCodec.encode(tampered)).verdict());
  }

  static Stream<Arguments> byobProvenance() {
    String maven =
        "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_maven_slsa3.yml";
    String gradle =
        "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_gradle_slsa3.yml";
    return Stream.of(
        Arguments.of("gha_maven/binary-linux-amd64-workflow_dispatch", maven, "refs/heads/main"),
        Arguments.of("gha_maven/binary-linux-amd64-push-v14", maven, "refs/tags/v14"),
        Arguments.of("gha_gradle/binary-linux-amd64-workflow_dispatch", gradle, "refs/heads/main"));
  }

  /** The DSSE envelope of a Sigstore bundle, read only to reach the envelope. */
  static Envelope dsseOfSigstoreBundle(JsonObject bundle, String source) throws Exception {
    JsonObject dsse = bundle.getObject("dsseEnvelope").orElseThrow();
    return DsseCodec.decode(Json.write(dsse), source);
  }

  @ParameterizedTest
  @MethodSource("byobProvenance")
  void byobProvenanceParsesAndMatchesTheShippedJar(String artifact, String builder, String ref)
      throws Exception {
    Envelope envelope =
        dsseOfSigstoreBundle(Vectors.json(DIR + artifact + ".build.slsa"), artifact);
    assertEquals(Envelope.IN_TOTO_PAYLOAD_TYPE, envelope.payloadType());
    Statement statement = StatementCodec.decode(envelope.payload(), artifact);
    assertEquals(Statement.LEGACY_TYPE, statement.type());
    DigestSet jar = DigestSet.of(Digests.sha256(Vectors.resource(DIR + artifact)));
    assertTrue(statement.isAbout(jar), "the JAR's sha256 is a subject digest");
    assertFalse(statement.isAbout(DigestSet.sha256("0".repeat(64))));

    SlsaProvenance provenance =
        REGISTRY.decode(statement, artifact).as(SlsaProvenance.PREDICATE).orElseThrow();
    assertTrue(
        provenance.builderId().equals(builder + "@refs/tags/v2.1.0"), provenance.builderId());
    ResourceDescriptor source = provenance.resolvedDependencies().get(0);
    assertEquals(
        "git+https://github.com/slsa-framework/example-package@" + ref, source.uri().orElseThrow());
    assertEquals(
        "4d329c75e7ec1725f7c9ce917a8799d408d06be3",
        source.digest().get(dev.ssc.api.digest.DigestAlgorithm.GIT_COMMIT).orElseThrow().value());
    assertEquals(ref, provenance.internalParameters().getString("GITHUB_REF").orElseThrow());
    assertEquals(
        provenance,
        SlsaProvenance.PREDICATE.decode(SlsaProvenance.PREDICATE.encode(provenance), "again"));
  }

  static Stream<Arguments> genericBundles() {
    return Stream.of(
        Arguments.of("generic/annotated-tag", "asraa/slsa-on-github-test@refs/tags/v1.5.0", 2),
        Arguments.of("generic/workflow-inputs", "laurentsimon/slsa-on-github-test@", 2),
        Arguments.of(
            "generic/binary-linux-amd64-multi-subject-first",
            "slsa-framework/example-package@refs/heads/main",
            3),
        Arguments.of(
            "generic/binary-linux-amd64-multi-subject-second",
            "slsa-framework/example-package@refs/heads/main",
            3));
  }

  @ParameterizedTest
  @MethodSource("genericBundles")
  void genericGeneratorBundlesParseAndMatchTheirArtifact(
      String artifact, String source, int subjects) throws Exception {
    Bundle bundle =
        BundleReader.builder()
            .rejectUnrecognizedLines()
            .build()
            .read(Vectors.resource(DIR + artifact + ".intoto.jsonl"), artifact);
    assertEquals(1, bundle.entries().size());
    Statement statement =
        StatementCodec.decode(bundle.entries().get(0).envelope().payload(), artifact);
    assertEquals(subjects, statement.subjects().size());
    assertTrue(statement.isAbout(DigestSet.of(Digests.sha256(Vectors.resource(DIR + artifact)))));
    // SLSA provenance v0.2 is not a registered type: it stays the JSON it was.
    Predicate predicate = REGISTRY.decode(statement, artifact);
    assertEquals("https://slsa.dev/provenance/v0.2", predicate.uri());
    assertFalse(predicate.isTyped());
    assertEquals(statement.predicate(), REGISTRY.encode(predicate));
    JsonObject builder = predicate.json().getObject("builder").orElseThrow();
    assertTrue(
        builder
            .getString("id")
            .orElseThrow()
            .startsWith(
                "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@"));
    String configSource =
        predicate
            .json()
            .getObject("invocation")
            .flatMap(i -> i.getObject("configSource"))
            .flatMap(c -> c.getString("uri"))
            .orElseThrow();
    assertTrue(configSource.contains("github.com/" + source), configSource);
  }

  static JsonObject v02Predicate(String artifact) throws Exception {
    Bundle bundle =
        BundleReader.builder()
            .build()
            .read(Vectors.resource(DIR + artifact + ".intoto.jsonl"), artifact);
    Statement s = StatementCodec.decode(bundle.entries().get(0).envelope().payload(), artifact);
    return REGISTRY.decode(s, artifact).json();
  }

  @Test
  void workflowInputsAreThoseSlsaVerifierExpects() throws Exception {
    JsonObject invocation =
        v02Predicate("generic/workflow-inputs").getObject("invocation").orElseThrow();
    JsonObject inputs =
        invocation.getObject("parameters").flatMap(p -> p.getObject("event_inputs")).orElseThrow();
    assertEquals("(for example, 0.1.0)", inputs.getString("release_version").orElseThrow());
    assertEquals("true", inputs.getString("some_bool").orElseThrow());
    assertEquals("123", inputs.getString("some_integer").orElseThrow());
    assertEquals(3, inputs.members().size());
  }

  @Test
  void annotatedTagProvenanceWasBuiltFromTheTagNotABranch() throws Exception {
    JsonObject environment =
        v02Predicate("generic/annotated-tag")
            .getObject("invocation")
            .flatMap(i -> i.getObject("environment"))
            .orElseThrow();
    assertEquals("refs/tags/v1.5.0", environment.getString("github_ref").orElseThrow());
    assertEquals("tag", environment.getString("github_ref_type").orElseThrow());
  }

  @Test
  void multiSubjectProvenanceDoesNotMatchAnArtifactOutsideItsSubjects() throws Exception {
    Bundle bundle =
        BundleReader.builder()
            .build()
            .read(
                Vectors.resource(
                    DIR + "generic/binary-linux-amd64-multi-subject-first.intoto.jsonl"),
                "multi");
    Statement statement = StatementCodec.decode(bundle.entries().get(0).envelope().payload(), "m");
    assertFalse(
        statement.isAbout(
            DigestSet.of(
                Digests.sha256(Vectors.resource(DIR + "vsa/vsa_signing_public_key.pem")))));
  }

  @ParameterizedTest
  @MethodSource("npmFiles")
  void npmAttestationsParseWithSha512Subjects(String file) throws Exception {
    JsonObject npm = Vectors.json(DIR + "npm/" + file);
    List<JsonValue> attestations = ((JsonArray) npm.get("attestations").orElseThrow()).elements();
    assertEquals(2, attestations.size());
    int provenance = 0;
    for (JsonValue a : attestations) {
      JsonObject bundle = ((JsonObject) a).getObject("bundle").orElseThrow();
      Statement statement =
          StatementCodec.decode(dsseOfSigstoreBundle(bundle, file).payload(), file);
      assertEquals("pkg:npm/sigstore@2.3.1", statement.subjects().get(0).name().orElseThrow());
      assertTrue(
          statement
              .subjects()
              .get(0)
              .digest()
              .get(dev.ssc.api.digest.DigestAlgorithm.SHA512)
              .isPresent());
      Predicate p = REGISTRY.decode(statement, file);
      if (p.isTyped()) {
        SlsaProvenance slsa = p.as(SlsaProvenance.PREDICATE).orElseThrow();
        assertEquals("https://github.com/actions/runner/github-hosted", slsa.builderId());
        assertEquals(
            "git+https://github.com/sigstore/sigstore-js@refs/heads/main",
            slsa.resolvedDependencies().get(0).uri().orElseThrow());
        provenance++;
      }
    }
    assertEquals(1, provenance);
  }

  @Test
  void npmProvenanceSubjectIsTheSha512OfTheShippedTarball() throws Exception {
    byte[] tgz = Vectors.resource(DIR + "npm/provenance-npm-test-cli-v1-prega.tgz").toByteArray();
    Digest sha512 =
        Digest.of(
            dev.ssc.api.digest.DigestAlgorithm.SHA512,
            Bytes.of(java.security.MessageDigest.getInstance("SHA-512").digest(tgz)));
    JsonObject npm = Vectors.json(DIR + "npm/provenance-npm-test-cli-v1-prega.tgz.json");
    for (JsonValue a : ((JsonArray) npm.get("attestations").orElseThrow()).elements()) {
      JsonObject bundle = ((JsonObject) a).getObject("bundle").orElseThrow();
      Statement statement =
          StatementCodec.decode(dsseOfSigstoreBundle(bundle, "npm").payload(), "npm");
      assertTrue(statement.isAbout(DigestSet.of(sha512)), statement.predicateType());
    }
  }

  static Stream<String> npmFiles() {
    return Stream.of(
        "provenance-npm-test-cli-v1-prega.tgz.json",
        "provenance-npm-test-cli-v1-prega-invalidsigprov.tgz.json",
        "provenance-npm-test-cli-v1-prega-invalidsigpub.tgz.json");
  }
}
