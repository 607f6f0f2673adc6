package dev.ssc.core.pipeline;

import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.internal.SscStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * What happened to one stage in a run.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class StageRun {
  StageRun() {}

  /** How a stage ended. */
  public enum Outcome {
    /** The stage's work succeeded. */
    SUCCEEDED,
    /** The stage's work failed. */
    FAILED,
    /** The stage threw: it broke rather than failed. */
    ERROR,
    /** The stage did not run because a dependency did not succeed. */
    SKIPPED
  }

  /** The stage's name. */
  public abstract String stage();

  /** How it ended. */
  public abstract Outcome outcome();

  /** A one-line summary. */
  public abstract String summary();

  /** The artifacts it produced. */
  public abstract List<Artifact> outputs();

  /** The ids of the envelopes it left in the evidence store. */
  public abstract List<Digest> evidence();

  static ImmutableStageRun.Builder builder() {
    return ImmutableStageRun.builder();
  }
}
