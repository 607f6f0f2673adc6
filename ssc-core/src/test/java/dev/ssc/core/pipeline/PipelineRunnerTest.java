package dev.ssc.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.attestation.AttestationVerification;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.pipeline.Pipeline;
import dev.ssc.api.pipeline.Stage;
import dev.ssc.api.pipeline.StageContext;
import dev.ssc.api.pipeline.StageResult;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.dsse.DsseVerifier;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import dev.ssc.core.evidence.InMemoryEvidenceStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PipelineRunnerTest {
  private static final SigningKey CI = Keys.generate(SignatureAlgorithm.ED25519);
  private static final SigningKey TESTS = Keys.generate(SignatureAlgorithm.ED25519);
  private static final Artifact JAR =
      Artifact.of(
          "app.jar",
          DigestSet.sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));

  private static Stage stage(String name, Function<StageContext, StageResult> body) {
    return new Stage() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public StageResult run(StageContext context) {
        return body.apply(context);
      }
    };
  }

  private static Statement about(Artifact a, String type) {
    return Statement.builder().addSubjects(a.toResourceDescriptor()).predicateType(type).build();
  }

  @Test
  void runsStagesInOrderPassingOutputsAndSigningEachStagesStatements() throws Exception {
    List<String> order = new ArrayList<>();
    Pipeline p =
        Pipeline.builder("acme-web")
            .stage(
                stage(
                    "build",
                    ctx -> {
                      order.add("build");
                      return StageResult.builder()
                          .status(StageResult.Status.SUCCEEDED)
                          .addOutputs(JAR)
                          .addStatements(about(JAR, "https://slsa.dev/provenance/v1"))
                          .build();
                    }))
            .stage(
                stage(
                    "unit-tests",
                    ctx -> {
                      order.add("unit-tests");
                      Artifact jar = ctx.inputs().get("build").get(0);
                      return StageResult.builder()
                          .status(StageResult.Status.SUCCEEDED)
                          .addStatements(
                              about(jar, "https://in-toto.io/attestation/test-result/v0.1"))
                          .build();
                    }),
                "build")
            .build();
    InMemoryEvidenceStore store = InMemoryEvidenceStore.create();
    PipelineRun run =
        PipelineRunner.builder(store)
            .signer("build", CI)
            .signer("unit-tests", TESTS)
            .build()
            .run(p, "run-1", Map.of());
    assertTrue(run.succeeded());
    assertEquals(List.of("build", "unit-tests"), order);
    assertEquals(2, run.evidence().size());

    // Each envelope verifies with its own stage's key, and not with the other stage's.
    Digest buildEvidence = run.stages().get(0).evidence().get(0);
    AttestationVerification byCi =
        DsseVerifier.builder(KeyRing.of(CI.verifier()))
            .build()
            .verify(store.get(buildEvidence).orElseThrow());
    assertEquals(Verdict.ALLOW, byCi.verdict());
    assertEquals(buildEvidence, byCi.attestation().orElseThrow().evidenceId());
    AttestationVerification byTests =
        DsseVerifier.builder(KeyRing.of(TESTS.verifier()))
            .build()
            .verify(store.get(buildEvidence).orElseThrow());
    assertEquals(Verdict.DENY, byTests.verdict());
  }

  @Test
  void aFailedStageSkipsItsDependents() throws Exception {
    Pipeline p =
        Pipeline.builder("p")
            .stage(stage("build", ctx -> StageResult.failed("compilation failed")))
            .stage(stage("test", ctx -> StageResult.succeeded()), "build")
            .build();
    PipelineRun run =
        PipelineRunner.builder(InMemoryEvidenceStore.create()).build().run(p, "r", Map.of());
    assertFalse(run.succeeded());
    assertEquals(StageRun.Outcome.FAILED, run.stages().get(0).outcome());
    assertEquals("compilation failed", run.stages().get(0).summary());
    assertEquals(StageRun.Outcome.SKIPPED, run.stages().get(1).outcome());
    assertTrue(run.stages().get(1).summary().contains("'build'"));
  }

  @Test
  void aThrowingStageIsAnErrorNotACrash() throws Exception {
    Stage broken =
        new Stage() {
          @Override
          public String name() {
            return "scan";
          }

          @Override
          public StageResult run(StageContext context) throws IOException {
            throw new IOException("scanner unreachable");
          }
        };
    PipelineRun run =
        PipelineRunner.builder(InMemoryEvidenceStore.create())
            .build()
            .run(Pipeline.builder("p").stage(broken).build(), "r", Map.of());
    assertEquals(StageRun.Outcome.ERROR, run.stages().get(0).outcome());
    assertTrue(run.stages().get(0).summary().contains("scanner unreachable"));
  }

  @Test
  void statementsWithoutASignerAreRefused() {
    Pipeline p =
        Pipeline.builder("p")
            .stage(
                stage(
                    "build",
                    ctx ->
                        StageResult.builder()
                            .status(StageResult.Status.SUCCEEDED)
                            .addStatements(about(JAR, "x"))
                            .build()))
            .build();
    PipelineRunner runner = PipelineRunner.builder(InMemoryEvidenceStore.create()).build();
    assertThrows(IllegalStateException.class, () -> runner.run(p, "r", Map.of()));
  }

  @Test
  void aStageCannotHaveTwoSigners() {
    PipelineRunner.Builder b =
        PipelineRunner.builder(InMemoryEvidenceStore.create()).signer("build", CI);
    assertThrows(IllegalArgumentException.class, () -> b.signer("build", TESTS));
  }
}
