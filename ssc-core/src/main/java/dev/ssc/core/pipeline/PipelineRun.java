package dev.ssc.core.pipeline;

import dev.ssc.api.digest.Digest;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * The record of one pipeline run: each stage's outcome and the evidence it left.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class PipelineRun {
  PipelineRun() {}

  /** The run's id. */
  public abstract String runId();

  /** The pipeline's name. */
  public abstract String pipeline();

  /** The stages in the order they were considered. */
  public abstract List<StageRun> stages();

  /** Whether every stage succeeded. */
  public boolean succeeded() {
    return stages().stream().allMatch(s -> s.outcome() == StageRun.Outcome.SUCCEEDED);
  }

  /** Every evidence id the run stored, in order. */
  public List<Digest> evidence() {
    List<Digest> all = new ArrayList<>();
    stages().forEach(s -> all.addAll(s.evidence()));
    return all;
  }

  static ImmutablePipelineRun.Builder builder() {
    return ImmutablePipelineRun.builder();
  }
}
