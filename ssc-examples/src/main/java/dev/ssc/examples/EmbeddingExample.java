package dev.ssc.examples;

import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.attestation.AttestationVerifier;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.pipeline.Pipeline;
import dev.ssc.api.pipeline.Stage;
import dev.ssc.api.pipeline.StageResult;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.Policy;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.dsse.DsseVerifier;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import dev.ssc.core.evidence.InMemoryEvidenceStore;
import dev.ssc.core.pipeline.PipelineRun;
import dev.ssc.core.pipeline.PipelineRunner;
import dev.ssc.policy.Authority;
import dev.ssc.policy.Explanations;
import dev.ssc.policy.RulePolicy;
import dev.ssc.policy.Rules;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The smallest useful embedding of ssc, as shown in the README: one custom stage, signed evidence,
 * verification against a trusted key, and a policy decision with its explanation.
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /**
   * Runs the example and returns the decision's explanation.
   *
   * @throws IOException if evidence cannot be stored
   * @throws InterruptedException if interrupted
   */
  public static String run() throws IOException, InterruptedException {
    // spotless:off
    // readme:start
    String slsa = "https://slsa.dev/provenance/v1";
    Artifact jar = Artifact.of("app.jar", DigestSet.sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    // A stage is plain Java: it reports artifacts and unsigned statements about their digests.
    Stage build = Stage.of("build", ctx -> StageResult.builder().status(StageResult.Status.SUCCEEDED)
        .addOutputs(jar).addStatements(Statement.builder().addSubjects(jar.toResourceDescriptor())
            .predicateType(slsa).predicate(JsonObject.empty()).build()).build());
    // The runner, not the stage, signs, with the key the operator registered for that stage.
    SigningKey ciKey = Keys.generate(SignatureAlgorithm.ED25519);
    InMemoryEvidenceStore store = InMemoryEvidenceStore.create();
    PipelineRun run = PipelineRunner.builder(store).signer("build", ciKey).build()
        .run(Pipeline.builder("app").stage(build).build(), "run-1", Map.of());
    // Only evidence that verifies against trusted keys reaches the policy, which denies by default.
    AttestationVerifier verifier = DsseVerifier.builder(KeyRing.of(ciKey.verifier())).build();
    List<VerifiedAttestation> evidence = new ArrayList<>();
    for (Digest id : run.evidence()) {
      verifier.verify(store.get(id).orElseThrow()).attestation().ifPresent(evidence::add);
    }
    Policy policy = RulePolicy.builder("app/production").rule(Rules.requireAttestation(
        "provenance", slsa, Authority.of("ci", 1, List.of(ciKey.verifier())))).build();
    Decision decision = policy.evaluate(PolicyInput.builder().subject(jar.digest())
        .addAllEvidence(evidence).time(Instant.now()).build());
    System.out.println(Explanations.toText(decision));
    // readme:end
    // spotless:on
    return Explanations.toText(decision);
  }
}
