package dev.ssc.api.pipeline;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * What a stage produced: its status, output artifacts and the unsigned statements the runner will
 * sign as its evidence.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class StageResult {
  StageResult() {}

  /** Whether the stage's work succeeded. */
  public enum Status {
    /** The work succeeded; downstream stages may run. */
    SUCCEEDED,
    /** The work failed (tests failed, a scan found problems); downstream stages do not run. */
    FAILED
  }

  /** The status. */
  public abstract Status status();

  /** A one-line summary for humans; required when the stage failed. */
  @Value.Default
  public String summary() {
    return "";
  }

  /** The artifacts produced, each pinned by digest. */
  public abstract List<Artifact> outputs();

  /** Statements for the runner to sign as this stage's evidence. */
  public abstract List<Statement> statements();

  /** A successful result with no outputs. */
  public static StageResult succeeded() {
    return builder().status(Status.SUCCEEDED).build();
  }

  /** A failed result saying why. */
  public static StageResult failed(String summary) {
    return builder().status(Status.FAILED).summary(summary).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableStageResult.builder();
  }

  /** Builds a {@link StageResult}; the status is required. */
  public interface Builder {
    /** Sets the status. */
    @CanIgnoreReturnValue
    Builder status(Status status);

    /** Sets the summary. */
    @CanIgnoreReturnValue
    Builder summary(String summary);

    /** Adds an output. */
    @CanIgnoreReturnValue
    Builder addOutputs(Artifact output);

    /** Adds outputs. */
    @CanIgnoreReturnValue
    Builder addAllOutputs(Iterable<? extends Artifact> outputs);

    /** Adds a statement. */
    @CanIgnoreReturnValue
    Builder addStatements(Statement statement);

    /** Adds statements. */
    @CanIgnoreReturnValue
    Builder addAllStatements(Iterable<? extends Statement> statements);

    /**
     * Builds the result.
     *
     * @throws IllegalStateException if the status is missing
     * @throws IllegalArgumentException if a failed result has a blank summary
     */
    StageResult build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (status() == Status.FAILED && summary().isBlank()) {
      problems.add("a FAILED result must say why in its summary");
    }
    Checks.throwIfAny("StageResult", problems);
  }
}
