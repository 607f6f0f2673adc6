package dev.ssc.attest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Peer tools for interop tests: python in-toto and securesystemslib (Debian's, under {@code
 * /usr/bin/python3}), openssl.
 *
 * <p>A test that needs an absent peer is skipped with the reason, printed to stderr as well so it
 * shows in the build log. With {@code SSC_REQUIRE_PEERS=1} (set by {@code .ci/run}, which installs
 * every peer) an absent peer fails the test instead: CI never passes by skipping.
 */
public final class Peers {
  /** Debian's interpreter: Debian's python packages are visible only to it (BUILD-NOTES.md). */
  public static final Path PYTHON = Path.of("/usr/bin/python3");

  private Peers() {}

  /** The outcome of running a peer. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Stdout and stderr, for assertion messages. */
    public String output() {
      return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  /** Skips (or, in CI, fails) unless {@code /usr/bin/python3} can import every module. */
  public static void requirePython(String... modules) {
    if (!Files.isExecutable(PYTHON)) {
      absent(PYTHON + " is not installed (apt-get install in-toto python3-securesystemslib)");
    }
    for (String module : modules) {
      Result r =
          run(Path.of("."), Duration.ofSeconds(60), PYTHON.toString(), "-c", "import " + module);
      if (r.exitCode() != 0) {
        absent(
            "python module '"
                + module
                + "' is not installed for "
                + PYTHON
                + " (apt-get install in-toto python3-securesystemslib)");
      }
    }
  }

  /** Skips (or, in CI, fails) unless {@code command} is on the PATH; returns its path. */
  @com.google.errorprone.annotations.CanIgnoreReturnValue
  public static Path requireCommand(String command, String installHint) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    absent("'" + command + "' is not on the PATH (" + installHint + ")");
    throw new AssertionError("unreachable");
  }

  /** Runs {@code command} in {@code dir}; fails the test if it does not finish in time. */
  public static Result run(Path dir, Duration timeout, String... command) {
    return run(dir, timeout, Map.of(), command);
  }

  /** Runs {@code command} in {@code dir} with extra environment variables. */
  public static Result run(Path dir, Duration timeout, Map<String, String> env, String... command) {
    List<String> cmd = new ArrayList<>(List.of(command));
    try {
      Path out = Files.createTempFile("peer", ".out");
      Path err = Files.createTempFile("peer", ".err");
      try {
        ProcessBuilder pb =
            new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          fail(String.join(" ", cmd) + " did not finish within " + timeout);
        }
        return new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("could not run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + String.join(" ", cmd), e);
    }
  }

  private static void absent(String reason) {
    if ("1".equals(System.getenv("SSC_REQUIRE_PEERS"))) {
      fail("peer required (SSC_REQUIRE_PEERS=1) but absent: " + reason);
    }
    System.err.println("[peer-skip] " + reason);
    Assumptions.abort("peer absent: " + reason);
  }
}
