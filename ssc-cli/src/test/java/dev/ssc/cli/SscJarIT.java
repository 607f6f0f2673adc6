package dev.ssc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command, {@code java -jar target/ssc.jar}, as the {@code ./ssc} launcher runs it.
 */
class SscJarIT {
  private static final Path JAR = Path.of("target", "ssc.jar");

  record Run(int code, String out, String err) {}

  static Run ssc(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("ssc " + String.join(" ", args) + " did not finish");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static void assertOneErrorLine(Run run) {
    assertEquals(2, run.code(), run.toString());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("ssc: error: "), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void helpAndVersionRunFromTheJar(@TempDir Path dir) throws Exception {
    Run help = ssc(dir, "--help");
    Run version = ssc(dir, "--version");

    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().startsWith("Usage: ssc"), help.out());
    assertEquals(0, version.code(), version.err());
    assertTrue(version.out().startsWith("ssc 0."), version.out());
  }

  @Test
  void usageErrorsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
    assertOneErrorLine(ssc(dir, "--nonsense"));
    assertOneErrorLine(ssc(dir, "demo", "--out"));
  }

  @Test
  void demoRunsEndToEndWithTheDefaultDirectory(@TempDir Path dir) throws Exception {
    Run run = ssc(dir, "demo");

    assertEquals(0, run.code(), run.err());
    assertEquals("", run.err(), "nothing on stderr (no logging noise)");
    assertTrue(Files.isRegularFile(dir.resolve("target/demo/summary.txt")));
  }
}
