package dev.ssc.attest.intoto.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Finding;
import dev.ssc.api.Verdict;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of {@code vectors/in-toto-demo/generated/scenarios.json}: the expected PASS or
 * FAIL and the reason category, with the untar inspection run (tar simulating {@code scripts/tar}).
 */
class LayoutScenariosTest {
  /** The default verification time of the scenarios without "now": before the FAR expiry. */
  private static final Instant DEFAULT_NOW = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path work;

  static Stream<Arguments> layoutScenarios() {
    JsonObject all = Vectors.json("/vectors/in-toto-demo/generated/scenarios.json");
    List<Arguments> out = new ArrayList<>();
    for (JsonValue v : ((JsonArray) all.get("scenarios").orElseThrow()).elements()) {
      JsonObject s = (JsonObject) v;
      if (s.get("layout").isEmpty()) {
        continue;
      }
      List<String> keys = new ArrayList<>();
      for (JsonValue k : ((JsonArray) s.get("layoutKeys").orElseThrow()).elements()) {
        keys.add(((dev.ssc.api.json.JsonString) k).value());
      }
      String expect = s.getString("expect").orElseThrow();
      out.add(
          Arguments.of(
              s.getString("layout").orElseThrow(),
              keys,
              s.getString("links").orElseThrow(),
              s.getString("now").orElse(DEFAULT_NOW.toString()),
              expect));
    }
    return out.stream();
  }

  /** The finding codes a scenario's expected reason category maps to. */
  private static List<String> codesFor(String expect) {
    if (expect.contains("SignatureVerificationError")) {
      return List.of("intoto.layout.signature", "intoto.layout.unsigned");
    }
    if (expect.contains("LayoutExpiredError")) {
      return List.of("intoto.layout.expired");
    }
    if (expect.contains("RuleVerificationError")) {
      return List.of("intoto.rule.disallowed", "intoto.rule.required");
    }
    throw new IllegalArgumentException("unknown expectation " + expect);
  }

  @ParameterizedTest(name = "{0} with {1} at {3}: {4}")
  @MethodSource("layoutScenarios")
  void scenarioHasTheExpectedOutcome(
      String layout, List<String> keys, String links, String now, String expect) throws Exception {
    String linkDir = links.startsWith("demo_dsse_files") ? "demo_dsse_files" : "demo_files";
    Demo.copyDir(linkDir, work);
    if (!Files.exists(work.resolve("foo.tar.gz"))) {
      Files.copy(Demo.file("demo_files/foo.tar.gz"), work.resolve("foo.tar.gz"));
    }
    LayoutVerifier.Builder b =
        LayoutVerifier.builder()
            .clock(InstantSource.fixed(Instant.parse(now)))
            .runInspections(work)
            .commandRunner(Demo.untar());
    for (String key : keys) {
      b.addLayoutKey(Demo.bytes("demo_files/" + key), key);
    }
    LayoutVerification v = b.build().verify(Demo.file("generated/" + layout), work);
    if (expect.startsWith("PASS")) {
      assertEquals(Verdict.ALLOW, v.verdict(), v.toString());
      assertTrue(v.reason().isEmpty());
    } else {
      assertEquals(Verdict.DENY, v.verdict(), v.toString());
      Finding reason = v.reason().orElseThrow();
      assertTrue(
          codesFor(expect).contains(reason.code()),
          "expected one of " + codesFor(expect) + " but got " + reason);
    }
  }

  @Test
  void tamperedLinkSignatureFailsWithCarlsKey() throws Exception {
    LayoutKeys.PublicKeyInfo carl =
        LayoutKeys.readPublicKey(Demo.bytes("demo_files/carl.pub"), "carl.pub");
    Metadata tampered =
        Metadata.parse(
            Demo.bytes("generated/package.2f89b927.link.tampered"), "package.link.tampered");
    assertFalse(tampered.signedBy(carl.verifier()));
    Metadata genuine =
        Metadata.parse(Demo.bytes("demo_files/package.2f89b927.link"), "package.link");
    assertTrue(genuine.signedBy(carl.verifier()));
  }

  @Test
  void everyUpstreamLinkVerifiesWithItsFunctionaryKey() throws Exception {
    for (String dir : List.of("demo_files", "demo_dsse_files")) {
      LayoutKeys.PublicKeyInfo bob =
          LayoutKeys.readPublicKey(Demo.bytes("demo_files/bob.pub"), "bob.pub");
      LayoutKeys.PublicKeyInfo carl =
          LayoutKeys.readPublicKey(Demo.bytes("demo_files/carl.pub"), "carl.pub");
      Metadata write = Metadata.parse(Demo.bytes(dir + "/write-code.776a00e2.link"), dir);
      Metadata pkg = Metadata.parse(Demo.bytes(dir + "/package.2f89b927.link"), dir);
      assertEquals(dir.equals("demo_dsse_files"), write.dsse());
      assertTrue(write.signedBy(bob.verifier()), dir + " write-code");
      assertTrue(pkg.signedBy(carl.verifier()), dir + " package");
      assertFalse(pkg.signedBy(bob.verifier()), dir + " package by bob");
    }
  }

  @Test
  void keyIdsMatchTheDemoKeyIds() throws Exception {
    assertEquals(
        "556caebdc0877eed53d419b60eddb1e57fa773e4e31d70698b588f3e9cc48b35",
        LayoutKeys.readPublicKey(Demo.bytes("demo_files/alice.pub"), "alice.pub").keyId());
    assertEquals(
        "36a5529f72cf3b1cc096a28887350969212f9d6c46529658ab186fc0cb781699",
        LayoutKeys.readPublicKey(Demo.bytes("demo_files/danny.pub"), "danny.pub").keyId());
    assertEquals(
        "2f89b9272acfc8f4a0a0f094d789fdb0ba798b0fe41f2f5f417c12f0085ff498",
        LayoutKeys.readPrivateKey(Demo.bytes("demo_files/carl"), "carl").keyId());
    assertEquals(
        "36a5529f72cf3b1cc096a28887350969212f9d6c46529658ab186fc0cb781699",
        LayoutKeys.readPrivateKey(Demo.bytes("demo_files/danny"), "danny").keyId());
  }
}
