package dev.ssc.cli;

import dev.ssc.examples.AcmeDemo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ssc demo}: the end-to-end example of Acme's delivery chain. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the end-to-end example of Acme's delivery chain.",
      "",
      "Acme's pipeline leaves signed evidence, the evidence is verified, and three",
      "promotions to production are decided by Acme's policy, each with its",
      "explanation. Writes the evidence, decisions and a summary to DIR."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli before call()
  CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "target/demo",
      description = {
        "Output directory: new, empty, or an earlier demo's output,",
        "which is replaced (default: ${DEFAULT-VALUE})."
      })
  @SuppressWarnings("NullAway.Init") // has a default value
  Path out;

  @Override
  public Integer call() throws IOException, InterruptedException {
    AcmeDemo.Result unused = new AcmeDemo(spec.commandLine().getOut()).run(out);
    return Main.OK;
  }
}
