package dev.ssc.core.pipeline;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.evidence.EvidenceStore;
import dev.ssc.api.pipeline.Pipeline;
import dev.ssc.api.pipeline.Stage;
import dev.ssc.api.pipeline.StageContext;
import dev.ssc.api.pipeline.StageResult;
import dev.ssc.api.signing.Signer;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseSigner;
import java.io.IOException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Pipeline}: each stage in dependency order, once all its dependencies succeeded.
 *
 * <p>The runner, not the stage, signs each statement a stage returns, with the key registered for
 * that stage, and stores the envelope in the evidence store: a stage cannot sign as another. A
 * stage that throws is recorded as {@link StageRun.Outcome#ERROR} with the exception's type and
 * message; its dependents are {@link StageRun.Outcome#SKIPPED}.
 *
 * <p>Thread-safe; one run at a time per call.
 *
 * <pre>{@code
 * PipelineRunner runner = PipelineRunner.builder(evidenceStore)
 *     .signer("build", ciKey)
 *     .signer("unit-tests", testRunnerKey)
 *     .build();
 * PipelineRun run = runner.run(pipeline, "run-42", Map.of("commit", sha));
 * }</pre>
 */
public final class PipelineRunner {
  private final EvidenceStore evidence;
  private final Map<String, Signer> signers;
  private final InstantSource clock;

  private PipelineRunner(Builder b) {
    this.evidence = b.evidence;
    this.signers = Map.copyOf(b.signers);
    this.clock = b.clock;
  }

  /** A builder storing evidence in {@code evidence}. */
  public static Builder builder(EvidenceStore evidence) {
    return new Builder(requireNonNull(evidence, "evidence"));
  }

  /**
   * Runs {@code pipeline} as run {@code runId} with {@code parameters}.
   *
   * @throws IOException if evidence cannot be stored or a statement cannot be signed
   * @throws InterruptedException if interrupted; stages not yet run do not run
   * @throws IllegalStateException if a stage returns statements but has no signer registered
   */
  public PipelineRun run(Pipeline pipeline, String runId, Map<String, String> parameters)
      throws IOException, InterruptedException {
    requireNonNull(pipeline, "pipeline");
    requireNonNull(runId, "runId");
    Map<String, String> params = Map.copyOf(requireNonNull(parameters, "parameters"));
    Map<String, StageRun> done = new HashMap<>();
    ImmutablePipelineRun.Builder run = PipelineRun.builder().runId(runId).pipeline(pipeline.name());
    for (Stage stage : pipeline.stages()) {
      Map<String, List<Artifact>> inputs = new LinkedHashMap<>();
      String blockedBy = null;
      for (String dep : pipeline.dependenciesOf(stage.name())) {
        StageRun d = done.get(dep);
        if (d == null || d.outcome() != StageRun.Outcome.SUCCEEDED) {
          blockedBy = dep;
          break;
        }
        inputs.put(dep, d.outputs());
      }
      StageRun result =
          blockedBy != null
              ? StageRun.builder()
                  .stage(stage.name())
                  .outcome(StageRun.Outcome.SKIPPED)
                  .summary("skipped: stage '" + blockedBy + "' did not succeed")
                  .build()
              : runStage(stage, new Context(runId, stage.name(), inputs, params, clock));
      done.put(stage.name(), result);
      run.addStages(result);
    }
    return run.build();
  }

  private StageRun runStage(Stage stage, StageContext context)
      throws IOException, InterruptedException {
    StageResult result;
    try {
      result = stage.run(context);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      return StageRun.builder()
          .stage(stage.name())
          .outcome(StageRun.Outcome.ERROR)
          .summary("the stage broke: " + e)
          .build();
    }
    ImmutableStageRun.Builder run =
        StageRun.builder()
            .stage(stage.name())
            .outcome(
                result.status() == StageResult.Status.SUCCEEDED
                    ? StageRun.Outcome.SUCCEEDED
                    : StageRun.Outcome.FAILED)
            .summary(
                result.summary().isEmpty()
                    ? result.status().name().toLowerCase(java.util.Locale.ROOT)
                    : result.summary())
            .addAllOutputs(result.outputs());
    if (!result.statements().isEmpty()) {
      Signer signer = signers.get(stage.name());
      if (signer == null) {
        throw new IllegalStateException(
            "stage '" + stage.name() + "' returned statements but no signer is registered for it");
      }
      for (Statement statement : result.statements()) {
        run.addEvidence(evidence.put(DsseCodec.encode(DsseSigner.sign(statement, signer))));
      }
    }
    return run.build();
  }

  /** Builds a {@link PipelineRunner}. Not thread-safe. */
  public static final class Builder {
    private final EvidenceStore evidence;
    private final Map<String, Signer> signers = new HashMap<>();
    private InstantSource clock = InstantSource.system();

    Builder(EvidenceStore evidence) {
      this.evidence = evidence;
    }

    /**
     * Signs the statements of stage {@code stage} with {@code signer}.
     *
     * @throws IllegalArgumentException if the stage already has a signer
     */
    @CanIgnoreReturnValue
    public Builder signer(String stage, Signer signer) {
      requireNonNull(stage, "stage");
      requireNonNull(signer, "signer");
      Signer previous = signers.putIfAbsent(stage, signer);
      if (previous != null) {
        throw new IllegalArgumentException(
            "stage '" + stage + "' already has signer " + previous.keyId());
      }
      return this;
    }

    /** The clock stages see; the system clock unless set. */
    @CanIgnoreReturnValue
    public Builder clock(InstantSource clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the runner. */
    public PipelineRunner build() {
      return new PipelineRunner(this);
    }
  }

  private static final class Context implements StageContext {
    private final String runId;
    private final String stageName;
    private final Map<String, List<Artifact>> inputs;
    private final Map<String, String> parameters;
    private final InstantSource clock;

    Context(
        String runId,
        String stageName,
        Map<String, List<Artifact>> inputs,
        Map<String, String> parameters,
        InstantSource clock) {
      this.runId = runId;
      this.stageName = stageName;
      this.inputs = java.util.Collections.unmodifiableMap(inputs);
      this.parameters = parameters;
      this.clock = clock;
    }

    @Override
    public String runId() {
      return runId;
    }

    @Override
    public String stageName() {
      return stageName;
    }

    @Override
    public Map<String, List<Artifact>> inputs() {
      return inputs;
    }

    @Override
    public Map<String, String> parameters() {
      return parameters;
    }

    @Override
    public InstantSource clock() {
      return clock;
    }
  }
}
