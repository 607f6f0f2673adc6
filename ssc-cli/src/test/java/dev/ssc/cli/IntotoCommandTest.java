package dev.ssc.cli;

import static dev.ssc.cli.MainTest.assertOneErrorLine;
import static dev.ssc.cli.MainTest.ssc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.cli.MainTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ssc intoto run} and {@code ssc intoto verify} on the in-toto demo. */
class IntotoCommandTest {
  /** The demo vectors of ssc-attest (tests run in the module directory). */
  static final Path DEMO =
      Path.of(System.getProperty("basedir", "."))
          .resolve("../ssc-attest/src/test/resources/vectors/in-toto-demo")
          .normalize();

  @TempDir Path dir;

  private static String demo(String relative) {
    return DEMO.resolve(relative).toString();
  }

  private Run verify(String layout, String... extra) {
    return verifyAt("2026-01-01T00:00:00Z", layout, extra);
  }

  private Run verifyAt(String at, String layout, String... extra) {
    String[] base = {
      "intoto",
      "verify",
      "--layout",
      demo("generated/" + layout),
      "--layout-key",
      demo("demo_files/alice.pub"),
      "--link-dir",
      demo("demo_files"),
      "--at",
      at
    };
    return ssc(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
  }

  @Test
  void helpFitsEightyColumns() {
    for (String[] args :
        new String[][] {
          {"intoto", "--help"}, {"intoto", "run", "--help"}, {"intoto", "verify", "--help"}
        }) {
      Run run = ssc(args);
      assertEquals(Main.OK, run.code(), run.toString());
      run.out().lines().forEach(l -> assertTrue(l.length() <= 80, "fits 80 columns: " + l));
    }
    assertTrue(ssc("--help").out().contains("intoto"));
  }

  @Test
  void verifiesTheDemoSupplyChain() {
    Run run = verify("single-signed.layout");
    assertEquals(Main.OK, run.code(), run.toString());
    assertTrue(run.out().contains("verified: "), run.out());
    assertTrue(run.err().contains("ssc: warning: intoto.inspection.skipped"), run.err());
  }

  @Test
  void failedVerificationExitsOneWithTheReason() {
    Run run = verify("expired.layout");
    assertEquals(Main.NEGATIVE, run.code(), run.toString());
    assertTrue(run.err().contains("intoto.layout.expired"), run.err());
    assertTrue(run.err().startsWith("ssc: verification failed: layout "), run.err());
    assertTrue(run.err().contains("layout expired at"), run.err());

    Run early = verifyAt("2025-01-02T03:04:05Z", "fixed-datetime-expiry.layout");
    assertEquals(Main.OK, early.code(), early.toString());
    Run atExpiry = verifyAt("2025-01-02T03:04:06Z", "fixed-datetime-expiry.layout");
    assertEquals(Main.NEGATIVE, atExpiry.code(), atExpiry.toString());
  }

  @Test
  void everyLayoutKeyMustHaveSigned() {
    Run run = verify("single-signed.layout", "--layout-key", demo("demo_files/bob.pub"));
    assertEquals(Main.NEGATIVE, run.code(), run.toString());
    assertTrue(run.err().contains("intoto.layout.signature"), run.err());
  }

  @Test
  void unreadableInputExitsTwoWithOneErrorLine() throws Exception {
    assertOneErrorLine(verify("no-such.layout"));
    Path bad = dir.resolve("bad.layout");
    Files.writeString(bad, "{");
    assertOneErrorLine(
        ssc(
            "intoto",
            "verify",
            "--layout",
            bad.toString(),
            "--layout-key",
            demo("demo_files/alice.pub"),
            "--link-dir",
            dir.toString()));
    assertOneErrorLine(
        ssc(
            "intoto",
            "verify",
            "--layout",
            demo("generated/single-signed.layout"),
            "--layout-key",
            bad.toString(),
            "--link-dir",
            dir.toString()));
    assertOneErrorLine(verifyAt("yesterday", "single-signed.layout"));
    assertOneErrorLine(ssc("intoto", "verify", "--layout", "x"));
  }

  @Test
  void runWritesLinksThatVerify() throws Exception {
    Files.writeString(dir.resolve("foo.py"), "# Hello in-toto\n");
    Run write =
        ssc(
            "intoto",
            "run",
            "--cwd",
            dir.toString(),
            "--step",
            "write-code",
            "--key",
            demo("demo_files/bob"),
            "--products",
            "foo.py",
            "--",
            "true");
    assertEquals(Main.OK, write.code(), write.toString());
    assertTrue(write.out().contains("wrote write-code.776a00e2.link"), write.out());
    Run pkg =
        ssc(
            "intoto",
            "run",
            "--cwd",
            dir.toString(),
            "--step",
            "package",
            "--key",
            demo("demo_files/carl"),
            "--materials",
            "foo.py",
            "--products",
            "foo.tar.gz",
            "--",
            "tar",
            "zcvf",
            "foo.tar.gz",
            "foo.py");
    assertEquals(Main.OK, pkg.code(), pkg.toString());
    assertTrue(Files.exists(dir.resolve("package.2f89b927.link")));
    Run v =
        ssc(
            "intoto",
            "verify",
            "--layout",
            demo("generated/single-signed.layout"),
            "--layout-key",
            demo("demo_files/alice.pub"),
            "--link-dir",
            dir.toString());
    assertEquals(Main.OK, v.code(), v.toString());

    Path link = dir.resolve("package.2f89b927.link");
    Files.writeString(
        link,
        Files.readString(link)
            .replace("\"foo.tar.gz\":{\"sha256\":\"", "\"foo.tar.gz\":{\"sha256\":\"00"));
    Run denied =
        ssc(
            "intoto",
            "verify",
            "--layout",
            demo("generated/single-signed.layout"),
            "--layout-key",
            demo("demo_files/alice.pub"),
            "--link-dir",
            dir.toString());
    assertEquals(Main.NEGATIVE, denied.code(), denied.toString());
    assertTrue(denied.err().contains("intoto.threshold.unmet"), denied.err());
    assertTrue(denied.err().contains("intoto.link.signature"), denied.err());
  }

  @Test
  void runWithDsseAndABadKey() throws Exception {
    Files.writeString(dir.resolve("foo.py"), "# Hello in-toto\n");
    Run dsse =
        ssc(
            "intoto",
            "run",
            "--cwd",
            dir.toString(),
            "--step",
            "write-code",
            "--key",
            demo("demo_files/bob"),
            "--products",
            "foo.py",
            "--dsse",
            "--",
            "true");
    assertEquals(Main.OK, dsse.code(), dsse.toString());
    assertTrue(
        Files.readString(dir.resolve("write-code.776a00e2.link")).contains("\"payloadType\""));
    Files.copy(
        DEMO.resolve("demo_files/bob.pub"),
        dir.resolve("key.pub"),
        StandardCopyOption.REPLACE_EXISTING);
    assertOneErrorLine(
        ssc(
            "intoto",
            "run",
            "--cwd",
            dir.toString(),
            "--step",
            "s",
            "--key",
            dir.resolve("key.pub").toString(),
            "--",
            "true"));
    assertOneErrorLine(ssc("intoto", "run", "--step", "s", "--key", "k"));
  }
}
