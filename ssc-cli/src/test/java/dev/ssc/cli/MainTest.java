package dev.ssc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
  /** What one run of the command printed and returned. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Run ssc(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static void assertOneErrorLine(Run run) {
    assertEquals(Main.ERROR, run.code(), run.toString());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("ssc: error: "), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Run run = ssc("--help");

    assertEquals(Main.OK, run.code());
    assertTrue(run.out().contains("Usage: ssc"), run.out());
    assertTrue(run.out().contains("demo"), run.out());
    assertTrue(run.out().contains("  1  a negative verdict"), run.out());
    for (String summary :
        List.of(
            "demo +Run the end-to-end example of Acme's delivery chain\\.",
            "key +Generate signing keys\\.",
            "dsse +Sign and verify DSSE envelopes\\.",
            "attest +Sign an in-toto Statement about files\\.",
            "verify-attestation +Verify an attestation's signature and subject\\.",
            "intoto +Record in-toto links and verify layouts\\.",
            "policy +Evaluate policies and run policy tests\\.",
            "log +Keep and check an append-only, signed audit log\\.")) {
      assertTrue(
          run.out().lines().anyMatch(l -> l.matches("  " + summary)), summary + "\n" + run.out());
    }
    run.out().lines().forEach(l -> assertTrue(l.length() <= 80, "fits 80 columns: " + l));
    assertEquals("", run.err());
  }

  @Test
  void versionNamesTheRelease() {
    Run run = ssc("--version");

    assertEquals(Main.OK, run.code());
    assertTrue(run.out().matches("ssc \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--nonsense", "-x", "frobnicate"})
  void unknownArgumentsAreOneErrorLine(String arg) {
    Run run = ssc(arg);

    assertOneErrorLine(run);
    assertTrue(run.err().contains(arg), run.err());
    assertTrue(run.err().contains("see 'ssc --help'"), run.err());
  }

  @Test
  void strayWordsAreNamed() {
    assertEquals(
        "ssc: error: unknown command 'frobnicate' (see 'ssc --help')\n", ssc("frobnicate").err());
    assertEquals(
        "ssc: error: unexpected argument 'extra' (see 'ssc demo --help')\n",
        ssc("demo", "extra").err());
  }

  @Test
  void missingOptionValueIsOneErrorLine() {
    Run run = ssc("demo", "--out");

    assertOneErrorLine(run);
    assertTrue(run.err().contains("'--out'"), run.err());
    assertTrue(run.err().contains("see 'ssc demo --help'"), run.err());
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = ssc();

    assertEquals(Main.ERROR, run.code());
    assertTrue(run.err().startsWith("ssc: error: no command given"), run.err());
    assertTrue(run.err().contains("Usage: ssc"), run.err());
  }

  @Test
  void demoWritesTheStoryAndExitsZero(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo");

    Run run = ssc("demo", "--out", out.toString());

    assertEquals(Main.OK, run.code(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().contains("Pipeline acme-web run"), run.out());
    assertEquals(
        """
        ALLOW 1-release-candidate-by-release-manager
        DENY 2-release-candidate-by-developer
        DENY 3-laptop-build-by-release-manager
        """,
        Files.readString(out.resolve("summary.txt")));
  }

  @Test
  void demoRunsAgainIntoItsOwnOutput(@TempDir Path dir) {
    assertEquals(Main.OK, ssc("demo", "--out", dir.toString()).code());
    assertEquals(Main.OK, ssc("demo", "--out", dir.toString()).code());
  }

  @Test
  void demoIntoAFileIsOneErrorLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");

    Run run = ssc("demo", "--out", file.toString());

    assertOneErrorLine(run);
    assertTrue(run.err().contains("not a directory: " + file), run.err());
  }

  @Test
  void demoIntoAForeignDirectoryIsOneErrorLineAndTouchesNothing(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");

    Run run = ssc("demo", "--out", dir.toString());

    assertOneErrorLine(run);
    assertTrue(run.err().contains("directory not empty: " + dir), run.err());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("notes.txt")), files.toList());
    }
  }

  @Test
  void debugAddsTheStackTrace(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");

    Run run = ssc("--debug", "demo", "--out", file.toString());

    assertEquals(Main.ERROR, run.code());
    assertTrue(run.err().startsWith("ssc: error: not a directory"), run.err());
    assertTrue(run.err().contains("\tat "), run.err());
  }

  @Test
  void debugIsAcceptedAfterTheSubcommandToo(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");

    Run run = ssc("demo", "--debug", "--out", file.toString());

    assertTrue(run.err().contains("\tat "), run.err());
  }

  @Test
  void bugsAreNamedAsBugsWithoutAStackTrace() {
    String line = Main.describe(new IllegalStateException("boom"));

    assertEquals(
        "internal error: java.lang.IllegalStateException: boom"
            + " (this is a bug; run with --debug for the stack trace)",
        line);
  }

  @Test
  void multiLineMessagesBecomeOneLine() {
    assertEquals("a; b", Main.describe(new CliException("a\n  b\n")));
  }
}
