package dev.ssc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code ssc} command.
 *
 * <p>Exit codes, for every subcommand: {@value #OK} success, {@value #NEGATIVE} a negative verdict,
 * {@value #ERROR} usage error, unreadable input, I/O failure or bug. Errors are one line on stderr
 * starting with {@code ssc: error:}; {@code --debug} adds the stack trace.
 */
@Command(
    name = "ssc",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Secure software supply chains: signed evidence, policy gates, audit.",
    subcommands = {
      DemoCommand.class,
      KeyCommand.class,
      DsseCommand.class,
      AttestCommand.class,
      VerifyAttestationCommand.class,
      IntotoCommand.class,
      PolicyCommand.class,
      LogCommand.class
    },
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Exit codes:",
      "  0  success: verified, allowed",
      "  1  a negative verdict: verification failed, policy denied, findings",
      "  2  could not decide: usage error, unreadable or malformed input, I/O failure",
      "",
      "Run 'ssc COMMAND --help' for a command's options."
    })
public final class Main implements Callable<Integer> {
  /** Success: verified, allowed. */
  public static final int OK = 0;

  /** A negative verdict: verification failed, policy denied, findings. */
  public static final int NEGATIVE = 1;

  /** Could not decide: usage error, unreadable or malformed input, I/O failure, bug. */
  public static final int ERROR = 2;

  static final String ERROR_PREFIX = "ssc: error: ";

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli before call()
  CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show the stack trace of an error.")
  boolean debug;

  /** The raw standard output, for commands that write bytes rather than text. */
  private final PrintStream rawOut;

  private Main(PrintStream rawOut) {
    this.rawOut = rawOut;
  }

  /** The raw standard output of the run that {@code spec} belongs to. */
  static PrintStream rawOut(CommandLine.Model.CommandSpec spec) {
    return ((Main) spec.root().userObject()).rawOut;
  }

  /**
   * Runs the command with {@code args} and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Runs the command with {@code args}, writing to {@code out} and {@code err}.
   *
   * @return the exit code
   */
  static int run(PrintStream out, PrintStream err, String... args) {
    Main root = new Main(out);
    PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    CommandLine cl = new CommandLine(root);
    cl.setOut(outWriter);
    cl.setErr(errWriter);
    cl.setCaseInsensitiveEnumValuesAllowed(false);
    cl.setParameterExceptionHandler(Main::usageError);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) ->
            failure(e, root.debug || hasDebug(parseResult), errWriter));
    int code = cl.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println(ERROR_PREFIX + "no command given (see 'ssc --help')");
    spec.commandLine().usage(err);
    return ERROR;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    String command = cl.getCommandSpec().qualifiedName();
    String message = oneLine(e.getMessage());
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      if (!first.startsWith("-")) {
        message =
            cl.getSubcommands().isEmpty()
                ? "unexpected argument '" + first + "'"
                : "unknown command '" + first + "'";
      }
    }
    cl.getErr().println(ERROR_PREFIX + message + " (see '" + command + " --help')");
    return ERROR;
  }

  private static int failure(Exception e, boolean debug, PrintWriter err) {
    err.println(ERROR_PREFIX + describe(e));
    if (debug) {
      e.printStackTrace(err);
    }
    return e instanceof CliException c ? c.exitCode() : ERROR;
  }

  /** One line for a user: what failed and where, without a stack trace. */
  static String describe(Throwable e) {
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String message = oneLine(t.getMessage());
    if (t instanceof CliException) {
      return message;
    }
    if (t instanceof NoSuchFileException) {
      return "no such file: " + message;
    }
    if (t instanceof AccessDeniedException) {
      return "permission denied: " + message;
    }
    if (t instanceof FileAlreadyExistsException) {
      return "already exists: " + message;
    }
    if (t instanceof DirectoryNotEmptyException) {
      return "directory not empty: " + message;
    }
    if (t instanceof NotDirectoryException) {
      return "not a directory: " + message;
    }
    if (t instanceof IOException) {
      return message.isEmpty() ? "I/O error (" + t.getClass().getSimpleName() + ")" : message;
    }
    return "internal error: "
        + t.getClass().getName()
        + (message.isEmpty() ? "" : ": " + message)
        + " (this is a bug; run with --debug for the stack trace)";
  }

  private static boolean hasDebug(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
      if (!p.hasSubcommand()) {
        break;
      }
    }
    return false;
  }

  private static String oneLine(@Nullable String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  /** The version from the jar's build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"ssc " + p.getProperty("version", "unknown")};
    }
  }
}
