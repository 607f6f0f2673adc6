package dev.ssc.attest.intoto.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.Verdict;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links recorded by {@link LinkRecorder} verify with the demo layout, classic and DSSE. */
class LinkRecorderTest {
  @TempDir Path dir;

  private Path runDemo(boolean dsse) throws Exception {
    Files.writeString(dir.resolve("foo.py"), "# Hello in-toto\n");
    LinkRecorder.Builder write =
        LinkRecorder.builder()
            .step("write-code")
            .key(Demo.bytes("demo_files/bob"), "bob")
            .products(List.of("foo.py"))
            .workingDirectory(dir);
    LinkRecorder.Builder pkg =
        LinkRecorder.builder()
            .step("package")
            .key(Demo.bytes("demo_files/carl"), "carl")
            .materials(List.of("foo.py"))
            .products(List.of("foo.tar.gz"))
            .command(List.of("tar", "zcvf", "foo.tar.gz", "foo.py"))
            .workingDirectory(dir);
    if (dsse) {
      write.dsse();
      pkg.dsse();
    }
    Path w = write.build().run(dir);
    Path p = pkg.build().run(dir);
    assertEquals("write-code.776a00e2.link", w.getFileName().toString());
    assertEquals("package.2f89b927.link", p.getFileName().toString());
    return p;
  }

  private LayoutVerification verify(String layout) throws Exception {
    Files.delete(dir.resolve("foo.py"));
    return LayoutVerifier.builder()
        .addLayoutKey(Demo.bytes("demo_files/alice.pub"), "alice.pub")
        .clock(InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")))
        .runInspections(dir)
        .commandRunner(Demo.untar())
        .build()
        .verify(Demo.file("generated/" + layout), dir);
  }

  @Test
  void classicLinksVerifyWithTheDemoLayoutAndInspection() throws Exception {
    Path p = runDemo(false);
    Metadata m = Metadata.parse(Bytes.of(Files.readAllBytes(p)), p.toString());
    assertFalse(m.dsse());
    Link link = Link.parse(m.body());
    assertEquals(List.of("foo.py"), List.copyOf(link.materials().keySet()));
    assertEquals(
        "74dc3727c6e89308b39e4dfedf787e37841198b1fa165a27c013544a60502549",
        link.materials().get("foo.py").get("sha256"));
    assertEquals(JsonNumber.of(0), link.byproducts().members().get("return-value"));
    assertEquals(new JsonString("foo.py\n"), link.byproducts().members().get("stdout"));
    LayoutVerification v = verify("single-signed.layout");
    assertEquals(Verdict.ALLOW, v.verdict(), v.toString());
  }

  @Test
  void dsseLinksVerifyWithTheDsseLayout() throws Exception {
    Path p = runDemo(true);
    assertTrue(Metadata.parse(Bytes.of(Files.readAllBytes(p)), p.toString()).dsse());
    LayoutVerification v = verify("single-signed.dsse.layout");
    assertEquals(Verdict.ALLOW, v.verdict(), v.toString());
  }

  @Test
  void directoriesAreWalkedAndExcludesApplied() throws Exception {
    Files.createDirectories(dir.resolve("src/sub"));
    Files.writeString(dir.resolve("src/a.txt"), "a");
    Files.writeString(dir.resolve("src/sub/b.txt"), "b");
    Files.writeString(dir.resolve("src/x.link"), "ignored");
    Files.writeString(dir.resolve("src/y.pyc"), "ignored");
    Files.createDirectories(dir.resolve("src/.git"));
    Files.writeString(dir.resolve("src/.git/HEAD"), "ignored");
    Map<String, Map<String, String>> a = Artifacts.record(dir, List.of("./src/", "missing"));
    assertEquals(List.of("src/a.txt", "src/sub/b.txt"), List.copyOf(a.keySet()));
    Map<String, Map<String, String>> all = Artifacts.record(dir, List.of("."));
    assertEquals(List.of("src/a.txt", "src/sub/b.txt"), List.copyOf(all.keySet()));
  }

  @Test
  void normpathLikePython() {
    assertEquals("a/b", Artifacts.normpath("./a//b/"));
    assertEquals(".", Artifacts.normpath("./"));
    assertEquals("../x", Artifacts.normpath("../x"));
    assertEquals("b", Artifacts.normpath("a/../b"));
    assertEquals("/b", Artifacts.normpath("/../b"));
  }

  @Test
  void signerToStringShowsNoKeyMaterial() throws Exception {
    String s = LayoutKeys.readPrivateKey(Demo.bytes("demo_files/carl"), "carl").toString();
    assertTrue(s.contains("2f89b927"), s);
    assertFalse(s.contains("PRIVATE"), s);
  }
}
