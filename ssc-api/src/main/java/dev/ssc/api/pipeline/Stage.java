package dev.ssc.api.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * One step of a delivery chain: checkout, build, test, scan, package.
 *
 * <p>A stage does its work and reports what it produced: output {@linkplain StageResult#outputs()
 * artifacts} and unsigned {@linkplain StageResult#statements() statements} about them. The runner,
 * not the stage, signs the statements with the stage's key and stores them as evidence, so a stage
 * cannot claim another stage's identity.
 *
 * <p>Implementations may be called from any thread but once per run.
 *
 * <pre>{@code
 * Stage unitTests = Stage.of("unit-tests", ctx -> {
 *   Artifact jar = ctx.inputsFrom("build").get(0);
 *   boolean passed = runTests(jar);
 *   return passed ? StageResult.succeeded() : StageResult.failed("3 tests failed");
 * });
 * }</pre>
 *
 * <p>A stage with state or configuration of its own implements this interface instead.
 */
public interface Stage {
  /** The stage name, unique within its pipeline: lowercase letters, digits and dashes. */
  String name();

  /**
   * Runs the stage. A stage whose work failed (tests failed, a scan found problems) returns a
   * {@link StageResult.Status#FAILED} result; an exception means the stage itself broke.
   *
   * @throws IOException if the stage's I/O failed
   * @throws InterruptedException if the run was interrupted
   */
  StageResult run(StageContext context) throws IOException, InterruptedException;

  /**
   * A stage called {@code name} that does {@code work}.
   *
   * @throws IllegalArgumentException unless the name is 1 to 63 lowercase letters, digits and
   *     dashes, starting with a letter
   */
  static Stage of(String name, Work work) {
    return new LambdaStage(Pipeline.checkName("stage", name), requireNonNull(work, "work"));
  }

  /** The work of a stage, for {@link #of}: the body of {@link Stage#run}. */
  @FunctionalInterface
  interface Work {
    /**
     * Does the stage's work.
     *
     * @throws IOException if the stage's I/O failed
     * @throws InterruptedException if the run was interrupted
     */
    StageResult run(StageContext context) throws IOException, InterruptedException;
  }
}
