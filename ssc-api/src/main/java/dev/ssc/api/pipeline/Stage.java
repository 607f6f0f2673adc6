package dev.ssc.api.pipeline;

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
 * Stage unitTests = new Stage() {
 *   public String name() { return "unit-tests"; }
 *   public StageResult run(StageContext ctx) {
 *     Artifact jar = ctx.inputs().get("build").get(0);
 *     boolean passed = runTests(jar);
 *     return passed ? StageResult.succeeded() : StageResult.failed("3 tests failed");
 *   }
 * };
 * }</pre>
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
}
