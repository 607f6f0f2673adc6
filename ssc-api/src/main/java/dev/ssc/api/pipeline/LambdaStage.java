package dev.ssc.api.pipeline;

import java.io.IOException;

/**
 * A stage made of a name and its work, from {@link Stage#of}. Immutable; as thread-safe as its
 * work.
 */
final class LambdaStage implements Stage {
  private final String name;
  private final Work work;

  LambdaStage(String name, Work work) {
    this.name = name;
    this.work = work;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public StageResult run(StageContext context) throws IOException, InterruptedException {
    return work.run(context);
  }

  @Override
  public String toString() {
    return "Stage[" + name + "]";
  }
}
