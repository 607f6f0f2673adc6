package dev.ssc.cli;

import dev.ssc.api.Finding;
import dev.ssc.api.SscFormatException;
import dev.ssc.attest.intoto.layout.LayoutVerification;
import dev.ssc.attest.intoto.layout.LayoutVerifier;
import dev.ssc.attest.intoto.layout.LinkRecorder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ssc intoto}: in-toto link creation and layout verification, as in-toto 1.3.1 does. */
@Command(
    name = "intoto",
    mixinStandardHelpOptions = true,
    description = "Record in-toto links and verify layouts.",
    subcommands = {IntotoCommand.Run.class, IntotoCommand.Verify.class},
    synopsisSubcommandLabel = "COMMAND")
final class IntotoCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli before call()
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println(Main.ERROR_PREFIX + "no command given (see 'ssc intoto --help')");
    return Main.ERROR;
  }

  /** {@code ssc intoto run}: like {@code in-toto-run}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Run CMD as step NAME and write the signed link STEP.KEYID8.link",
        "into the current directory, as in-toto-run does: materials are",
        "hashed before, products after; stdout, stderr and the return",
        "value are recorded."
      })
  static final class Run implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Option(names = "--step", required = true, paramLabel = "NAME", description = "Step name.")
    @SuppressWarnings("NullAway.Init") // required
    String step;

    @Option(
        names = "--key",
        required = true,
        paramLabel = "KEY",
        description = {
          "Functionary private key: PEM (PKCS#8, PKCS#1) or",
          "securesystemslib JSON."
        })
    @SuppressWarnings("NullAway.Init") // required
    Path key;

    @Option(
        names = "--materials",
        arity = "1..*",
        paramLabel = "PATH",
        description = "Files or directories to record before CMD.")
    List<String> materials = new ArrayList<>();

    @Option(
        names = "--products",
        arity = "1..*",
        paramLabel = "PATH",
        description = "Files or directories to record after CMD.")
    List<String> products = new ArrayList<>();

    @Option(names = "--dsse", description = "Write a DSSE envelope, not classic metadata.")
    boolean dsse;

    @Option(names = "--cwd", hidden = true, paramLabel = "DIR")
    Path cwd = Path.of("");

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command, after '--'.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws IOException, CliException {
      Path dir = cwd.toAbsolutePath();
      LinkRecorder.Builder b =
          LinkRecorder.builder()
              .step(step)
              .materials(materials)
              .products(products)
              .command(command)
              .workingDirectory(dir);
      try {
        b.key(InputFiles.read(key, "--key", InputFiles.MAX_KEY_BYTES), key.toString());
      } catch (SscFormatException e) {
        throw new CliException(String.valueOf(e.getMessage()));
      }
      if (dsse) {
        b.dsse();
      }
      Path link = b.build().run(dir);
      spec.commandLine().getOut().println("wrote " + link.getFileName());
      return Main.OK;
    }
  }

  /** {@code ssc intoto verify}: like {@code in-toto-verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verify the supply chain of LAYOUT with the links in DIR, as",
        "in-toto-verify does. Every --layout-key must have signed the",
        "layout. Exit 0 verified, 1 failed (the report says why), 2",
        "unreadable input."
      })
  static final class Verify implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Option(names = "--layout", required = true, paramLabel = "FILE", description = "Layout.")
    @SuppressWarnings("NullAway.Init") // required
    Path layout;

    @Option(
        names = "--layout-key",
        required = true,
        paramLabel = "PUB",
        description = "Layout public key (PEM or sslib JSON); repeatable.")
    List<Path> layoutKeys = new ArrayList<>();

    @Option(
        names = "--link-dir",
        required = true,
        paramLabel = "DIR",
        description = "Directory of the link files.")
    @SuppressWarnings("NullAway.Init") // required
    Path linkDir;

    @Option(
        names = "--run-inspections",
        description = "Run the layout's inspections in the current directory.")
    boolean runInspections;

    @Option(
        names = "--at",
        paramLabel = "RFC3339",
        description = "Verification time (default: now), e.g. 2025-01-02T03:04:05Z.")
    @Nullable String at;

    @Option(names = "--cwd", hidden = true, paramLabel = "DIR")
    Path cwd = Path.of("");

    @Override
    public Integer call() throws IOException, CliException {
      InstantSource clock = InstantSource.system();
      String time = at;
      if (time != null) {
        try {
          clock = InstantSource.fixed(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
          throw new CliException("--at: not an RFC 3339 time: '" + time + "'");
        }
      }
      LayoutVerifier.Builder b = LayoutVerifier.builder().clock(clock);
      for (Path k : layoutKeys) {
        try {
          b.addLayoutKey(
              InputFiles.read(k, "--layout-key", InputFiles.MAX_KEY_BYTES), k.toString());
        } catch (SscFormatException e) {
          throw new CliException(String.valueOf(e.getMessage()));
        }
      }
      if (runInspections) {
        b.runInspections(cwd.toAbsolutePath());
      }
      if (!Files.isDirectory(linkDir)) {
        throw new CliException("not a directory: " + linkDir);
      }
      LayoutVerification v = b.build().verify(layout, linkDir);
      Finding reason = v.reason().orElse(null);
      if (reason != null && reason.code().equals("intoto.layout.format")) {
        throw new CliException(reason.message());
      }
      if (v.verdict().isAllowed()) {
        Reports.warnings(spec.commandLine().getErr(), v.findings());
        spec.commandLine().getOut().println("verified: " + layout);
        return Main.OK;
      }
      Reports.denial(spec.commandLine().getErr(), "layout " + layout, v.findings());
      return Main.NEGATIVE;
    }
  }
}
