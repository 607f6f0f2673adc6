package dev.ssc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcmeDemoTest {
  @Test
  void allowsOnlyTheTestedCandidatePromotedByAReleaseManager(@TempDir Path dir) throws Exception {
    StringWriter text = new StringWriter();
    AcmeDemo.Result result = new AcmeDemo(new PrintWriter(text)).run(dir);
    assertEquals(
        Map.of(
            "1-release-candidate-by-release-manager", Verdict.ALLOW,
            "2-release-candidate-by-developer", Verdict.DENY,
            "3-laptop-build-by-release-manager", Verdict.DENY),
        result.verdicts());
    String dave = Files.readString(dir.resolve("decisions/2-release-candidate-by-developer.txt"));
    assertTrue(dave.contains("[FAIL] promotion.role"), dave);
    String laptop =
        Files.readString(dir.resolve("decisions/3-laptop-build-by-release-manager.txt"));
    assertTrue(laptop.contains("[FAIL] build.provenance"), laptop);
    assertTrue(laptop.contains("[FAIL] tests.passed"), laptop);
    try (var files = Files.list(dir.resolve("evidence"))) {
      assertEquals(3, files.count());
    }
    assertTrue(text.toString().contains("1 rejected (untrusted signer)"));
  }

  @Test
  void rerunReplacesItsOwnOutput(@TempDir Path dir) throws Exception {
    AcmeDemo.Result first = new AcmeDemo(new PrintWriter(new StringWriter())).run(dir);
    AcmeDemo.Result second = new AcmeDemo(new PrintWriter(new StringWriter())).run(dir);

    assertEquals(first.verdicts(), second.verdicts());
    try (var files = Files.list(dir.resolve("evidence"))) {
      assertEquals(3, files.count(), "the first run's envelopes (other keys) are gone");
    }
  }

  @Test
  void refusesADirectoryHoldingOtherFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");

    assertThrows(
        DirectoryNotEmptyException.class,
        () -> new AcmeDemo(new PrintWriter(new StringWriter())).run(dir));
    assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void refusesAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("out"), "x");

    assertThrows(
        NotDirectoryException.class,
        () -> new AcmeDemo(new PrintWriter(new StringWriter())).run(file));
  }

  @Test
  void keepsFilesTheDemoDidNotWriteEvenIfAManifestNamesThem(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    Path outside = Files.writeString(dir.resolve("precious.txt"), "keep");
    Files.writeString(out.resolve(AcmeDemo.MANIFEST), "../precious.txt\n");

    AcmeDemo.Result unused = new AcmeDemo(new PrintWriter(new StringWriter())).run(out);

    assertEquals("keep", Files.readString(outside));
  }

  @Test
  void cleansUpAfterARunThatDiedHalfWay(@TempDir Path dir) throws Exception {
    AcmeDemo.Result unused = new AcmeDemo(new PrintWriter(new StringWriter())).run(dir);
    Files.delete(dir.resolve("summary.txt")); // as if the run died before writing it

    AcmeDemo.Result again = new AcmeDemo(new PrintWriter(new StringWriter())).run(dir);

    assertEquals(3, again.verdicts().size());
  }
}
