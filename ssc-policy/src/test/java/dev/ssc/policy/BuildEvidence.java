package dev.ssc.policy;

import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.VerifierOnly;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.SlsaProvenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fixtures for the build rule tests: provenance, attestations and evaluation. */
final class BuildEvidence {
  static final DigestSet SUBJECT = DigestSet.sha256("ab".repeat(32));
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  static final Authority CI = Authority.ofKeyIds("ci", 1, Set.of("ci-key"));
  static final Authority SECURITY = Authority.ofKeyIds("security", 1, Set.of("sec-key"));
  static final String BUILDER = "https://github.com/actions/runner/github-hosted";
  static final String BUILD_TYPE =
      "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1";
  static final String COMMIT = "c0ffee".repeat(6) + "c0ff";

  private BuildEvidence() {}

  static SlsaProvenance.Builder provenance() {
    return provenance(BUILDER);
  }

  static SlsaProvenance.Builder provenance(String builderId) {
    return SlsaProvenance.builder()
        .buildType(BUILD_TYPE)
        .externalParameters(new JsonObject(Map.of("workflow", new JsonString("ci.yml"))))
        .builderId(builderId);
  }

  static ResourceDescriptor source(String uri, String algorithm, String commit) {
    return ResourceDescriptor.builder()
        .uri(uri)
        .digest(DigestSet.of(Digest.of(algorithm, commit)))
        .build();
  }

  static ResourceDescriptor image(String uri, String sha256Hex) {
    ResourceDescriptor.Builder b = ResourceDescriptor.builder().uri(uri);
    if (!sha256Hex.isEmpty()) {
      b.digest(DigestSet.sha256(sha256Hex));
    }
    return b.build();
  }

  static String hex(int i) {
    return String.format("%064x", i);
  }

  @VerifierOnly
  static VerifiedAttestation attest(
      List<ResourceDescriptor> subjects,
      String type,
      JsonObject predicate,
      String signer,
      String evidenceHex) {
    return VerifiedAttestation.builder()
        .statement(
            Statement.builder()
                .addAllSubjects(subjects)
                .predicateType(type)
                .predicate(predicate)
                .build())
        .evidenceId(Digest.sha256(evidenceHex))
        .addSignerKeyIds(signer)
        .verifiedAt(NOW)
        .build();
  }

  static VerifiedAttestation provenanceAttestation(
      SlsaProvenance p, String signer, String evidenceHex) {
    return provenanceAttestation(
        List.of(ResourceDescriptor.of("app.jar", SUBJECT)), p, signer, evidenceHex);
  }

  static VerifiedAttestation provenanceAttestation(
      List<ResourceDescriptor> subjects, SlsaProvenance p, String signer, String evidenceHex) {
    return attest(
        subjects, SlsaProvenance.URI, SlsaProvenance.PREDICATE.encode(p), signer, evidenceHex);
  }

  static RuleResult evaluate(Rule rule, VerifiedAttestation... evidence) {
    PolicyInput input =
        PolicyInput.builder().subject(SUBJECT).time(NOW).addAllEvidence(List.of(evidence)).build();
    return rule.evaluate(new RuleContext(input, null, Map.of(), new PredicateDecoder()));
  }
}
