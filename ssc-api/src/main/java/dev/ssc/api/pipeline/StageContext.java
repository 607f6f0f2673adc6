package dev.ssc.api.pipeline;

import dev.ssc.api.artifact.Artifact;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * What a running stage sees: its run, the outputs of the stages it depends on, the pipeline's
 * parameters and the clock.
 *
 * <p>Implementations are immutable for the duration of a stage's run and thread-safe.
 */
public interface StageContext {
  /** The id of this pipeline run. */
  String runId();

  /** The name of the running stage. */
  String stageName();

  /** The outputs of each stage this stage depends on, by stage name. */
  Map<String, List<Artifact>> inputs();

  /**
   * The outputs of {@code stage}, one of the stages this stage depends on.
   *
   * @throws IllegalArgumentException if this stage does not depend on {@code stage}
   */
  default List<Artifact> inputsFrom(String stage) {
    List<Artifact> outputs = inputs().get(stage);
    if (outputs == null) {
      throw new IllegalArgumentException(
          "stage '"
              + stageName()
              + "' does not depend on stage '"
              + stage
              + "'; it depends on "
              + inputs().keySet());
    }
    return outputs;
  }

  /** The run's parameters, such as the source repository and commit. */
  Map<String, String> parameters();

  /** The clock: stages never read the system time directly (DESIGN invariant 12). */
  InstantSource clock();
}
