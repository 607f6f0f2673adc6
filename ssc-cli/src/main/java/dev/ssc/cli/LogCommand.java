package dev.ssc.cli;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.AuditReceipt;
import dev.ssc.api.audit.Checkpoint;
import dev.ssc.api.audit.ConsistencyProof;
import dev.ssc.api.audit.InclusionProof;
import dev.ssc.core.audit.FileAuditLog;
import dev.ssc.core.audit.LogVerification;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ssc log}: the append-only, signed audit log (docs/formats.md, "Audit log entries"). */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = "Keep and check an append-only, signed audit log.",
    subcommands = {
      LogCommand.Init.class,
      LogCommand.Append.class,
      LogCommand.CheckpointCmd.class,
      LogCommand.Get.class,
      LogCommand.Prove.class,
      LogCommand.Consistency.class,
      LogCommand.Verify.class
    })
final class LogCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(Main.ERROR_PREFIX + "name a log command (see 'ssc log --help')");
    return Main.ERROR;
  }

  /** The {@code --log DIR} option and opening the log there. */
  abstract static class LogOption {
    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "DIR", description = "The log.")
    @SuppressWarnings("NullAway.Init") // required
    Path dir;

    FileAuditLog openLog() throws CliException, IOException {
      if (!Files.isDirectory(dir)) {
        throw new CliException("no audit log at --log " + dir + ": not a directory");
      }
      if (!Files.exists(dir.resolve(FileAuditLog.KEY_FILE))) {
        throw new CliException(
            "no audit log at --log "
                + dir
                + ": no "
                + FileAuditLog.KEY_FILE
                + " (see 'ssc log init')");
      }
      return FileAuditLog.open(dir);
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  /** {@code ssc log init}. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Create a log and its checkpoint signing key.",
        "Writes DIR/log.key (owner-only) and the note verifier key DIR/log.vkey;",
        "the key is named ORIGIN."
      })
  static final class Init extends LogOption implements Callable<Integer> {
    @Option(
        names = "--origin",
        required = true,
        paramLabel = "ORIGIN",
        description = "The checkpoint origin, e.g. audit.example.com/prod.")
    @SuppressWarnings("NullAway.Init") // required
    String origin;

    @Override
    public Integer call() throws CliException, IOException {
      if (Files.exists(dir.resolve(FileAuditLog.KEY_FILE))) {
        throw new CliException("a log already exists at --log " + dir);
      }
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new CliException("cannot create a log at --log " + dir + ": not a directory");
      }
      try {
        FileAuditLog.initialize(dir, origin, new SecureRandom());
      } catch (IllegalArgumentException e) {
        throw new CliException("--origin: " + e.getMessage());
      }
      try (FileAuditLog log = FileAuditLog.open(dir)) {
        Checkpoint unused = log.checkpoint();
        out().println("initialized: " + dir + " with verifier key " + log.verifierKey());
      }
      return Main.OK;
    }
  }

  /** {@code ssc log append}. */
  @Command(
      name = "append",
      mixinStandardHelpOptions = true,
      description = {
        "Append each FILE's bytes as one entry.",
        "Prints one JSON line per entry, {\"index\":N,\"leafHash\":\"HEX\"}, then",
        "stores a new signed checkpoint."
      })
  static final class Append extends LogOption implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The entries.")
    @SuppressWarnings("NullAway.Init") // required
    List<Path> files;

    @Override
    public Integer call() throws CliException, IOException {
      try (FileAuditLog log = openLog()) {
        List<Bytes> entries = new ArrayList<>();
        for (Path f : files) {
          entries.add(InputFiles.read(f, "FILE", FileAuditLog.MAX_ENTRY_BYTES));
        }
        PrintWriter out = out();
        for (Bytes e : entries) {
          AuditReceipt r = log.appendEntry(e);
          out.println(
              "{\"index\":" + r.index() + ",\"leafHash\":\"" + r.leafHash().toHex() + "\"}");
        }
        Checkpoint unused = log.checkpoint();
        out.flush();
      }
      return Main.OK;
    }
  }

  /** {@code ssc log checkpoint}. */
  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = "Print the latest signed checkpoint note, signing one if needed.")
  static final class CheckpointCmd extends LogOption implements Callable<Integer> {
    @Override
    public Integer call() throws CliException, IOException {
      try (FileAuditLog log = openLog()) {
        writeRaw(spec, log.checkpoint().signedNote());
      }
      return Main.OK;
    }
  }

  /** {@code ssc log get}. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Write the exact bytes of entry I to stdout.")
  static final class Get extends LogOption implements Callable<Integer> {
    @Option(names = "--index", required = true, paramLabel = "I", description = "From 0.")
    long index;

    @Override
    public Integer call() throws CliException, IOException {
      try (FileAuditLog log = openLog()) {
        checkIndex(index, log.size(), "--index");
        writeRaw(spec, log.read(index));
      }
      return Main.OK;
    }
  }

  /** {@code ssc log prove}. */
  @Command(
      name = "prove",
      mixinStandardHelpOptions = true,
      description = {
        "Print an inclusion proof as JSON.",
        "Proves entry I in the tree of N entries (default: the whole log)."
      })
  static final class Prove extends LogOption implements Callable<Integer> {
    @Option(names = "--index", required = true, paramLabel = "I", description = "From 0.")
    long index;

    @Option(names = "--size", paramLabel = "N", description = "The tree size.")
    @Nullable Long size;

    @Override
    public Integer call() throws CliException, IOException {
      try (FileAuditLog log = openLog()) {
        long n = size != null ? size : log.size();
        if (n < 1 || n > log.size()) {
          throw new CliException(
              "--size must be between 1 and the log's size " + log.size() + ", got " + n);
        }
        checkIndex(index, n, "--index");
        InclusionProof p = log.proveInclusion(index, n);
        out()
            .println(
                "{\"index\":"
                    + index
                    + ",\"size\":"
                    + n
                    + ",\"leafHash\":\""
                    + p.leafHash().toHex()
                    + "\",\"rootHash\":\""
                    + log.rootHash(n).toHex()
                    + "\",\"proof\":"
                    + hexes(p.hashes())
                    + "}");
      }
      return Main.OK;
    }
  }

  /** {@code ssc log consistency}. */
  @Command(
      name = "consistency",
      mixinStandardHelpOptions = true,
      description = {
        "Print a consistency proof as JSON.",
        "Proves the tree of M entries (default: the whole log) extends that of N."
      })
  static final class Consistency extends LogOption implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "N", description = "Older size.")
    long from;

    @Option(names = "--to", paramLabel = "M", description = "Newer size.")
    @Nullable Long to;

    @Override
    public Integer call() throws CliException, IOException {
      try (FileAuditLog log = openLog()) {
        long m = to != null ? to : log.size();
        if (m < 0 || m > log.size()) {
          throw new CliException(
              "--to must be between 0 and the log's size " + log.size() + ", got " + m);
        }
        if (from < 0 || from > m) {
          throw new CliException("--from must be between 0 and " + m + ", got " + from);
        }
        ConsistencyProof p = log.proveConsistency(from, m);
        out()
            .println(
                "{\"size1\":"
                    + from
                    + ",\"size2\":"
                    + m
                    + ",\"rootHash1\":\""
                    + log.rootHash(from).toHex()
                    + "\",\"rootHash2\":\""
                    + log.rootHash(m).toHex()
                    + "\",\"proof\":"
                    + hexes(p.hashes())
                    + "}");
      }
      return Main.OK;
    }
  }

  /** {@code ssc log verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Recompute the whole log and check its checkpoints.",
        "Exit 0 intact, 1 damaged (the first bad index and why on stderr)."
      })
  static final class Verify extends LogOption implements Callable<Integer> {
    @Override
    public Integer call() throws CliException, IOException {
      try (FileAuditLog log = openLog()) {
        LogVerification v = log.verify();
        if (!v.isValid()) {
          PrintWriter err = spec.commandLine().getErr();
          err.println(
              "ssc: verification failed: audit log "
                  + dir
                  + " at index "
                  + v.firstBadIndex().orElse(0)
                  + ": "
                  + v.failure().orElse(""));
          err.flush();
          return Main.NEGATIVE;
        }
        long signed = log.latestCheckpoint().map(Checkpoint::size).orElse(0L);
        out()
            .println(
                "verified: "
                    + dir
                    + ": "
                    + v.size()
                    + " entries; the latest checkpoint signs "
                    + signed);
      }
      return Main.OK;
    }
  }

  static void checkIndex(long index, long size, String option) throws CliException {
    if (index < 0 || index >= size) {
      throw new CliException(
          option + " " + index + " is not an entry of a tree of " + size + " entries");
    }
  }

  static String hexes(List<Bytes> hashes) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < hashes.size(); i++) {
      b.append(i == 0 ? "\"" : ",\"").append(hashes.get(i).toHex()).append('"');
    }
    return b.append(']').toString();
  }

  static void writeRaw(CommandSpec spec, Bytes bytes) throws IOException {
    spec.commandLine().getOut().flush();
    PrintStream raw = Main.rawOut(spec);
    bytes.writeTo(raw);
    raw.flush();
  }
}
