package dev.ssc.attest.intoto.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ssc.api.Bytes;
import dev.ssc.api.Verdict;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.Peers;
import dev.ssc.attest.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with python in-toto 1.3.1: links made by {@code in-toto-run} verify with ssc, links made
 * by ssc verify with {@code in-toto-verify}, and on the demo chain and its tampered variants both
 * reach the same verdict.
 */
class LayoutInteropIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final List<String> TYPES = List.of("rsa", "ed25519", "ecdsa");
  private static final InstantSource NOW =
      InstantSource.fixed(Instant.parse("2026-06-01T00:00:00Z"));

  @TempDir Path dir;

  @BeforeEach
  void requirePeers() {
    Peers.requirePython("in_toto");
    for (String c : List.of("in-toto-run", "in-toto-sign", "in-toto-verify", "in-toto-keygen")) {
      Peers.requireCommand(c, "apt-get install in-toto");
    }
  }

  private Peers.Result peer(String... command) {
    return Peers.run(dir, TIMEOUT, command);
  }

  private void ok(Peers.Result r) {
    assertEquals(0, r.exitCode(), r.output());
  }

  /** Generates keys owner (rsa) and f-TYPE for each type with in-toto-keygen. */
  private Map<String, LayoutKeys.PublicKeyInfo> keygen() throws Exception {
    ok(peer("in-toto-keygen", "-t", "rsa", "owner"));
    Map<String, LayoutKeys.PublicKeyInfo> keys = new LinkedHashMap<>();
    for (String t : TYPES) {
      ok(peer("in-toto-keygen", "-t", t, "f-" + t));
      Path pub = dir.resolve("f-" + t + ".pub");
      keys.put(t, LayoutKeys.readPublicKey(Bytes.of(Files.readAllBytes(pub)), pub.toString()));
    }
    return keys;
  }

  /** A layout with one step per key type, each creating out-TYPE.txt and nothing else. */
  private static JsonObject layout(Map<String, LayoutKeys.PublicKeyInfo> keys) {
    Map<String, JsonValue> keyMap = new TreeMap<>();
    List<JsonValue> steps = new ArrayList<>();
    for (Map.Entry<String, LayoutKeys.PublicKeyInfo> e : keys.entrySet()) {
      Map<String, JsonValue> k = new TreeMap<>(e.getValue().dict().members());
      k.put("keyid", new JsonString(e.getValue().keyId()));
      keyMap.put(e.getValue().keyId(), new JsonObject(k));
      Map<String, JsonValue> step = new TreeMap<>();
      step.put("_type", new JsonString("step"));
      step.put("name", new JsonString("build-" + e.getKey()));
      step.put("pubkeys", new JsonArray(List.of(new JsonString(e.getValue().keyId()))));
      step.put("threshold", JsonNumber.of(1));
      step.put("expected_command", new JsonArray(List.of()));
      step.put("expected_materials", new JsonArray(List.of()));
      step.put(
          "expected_products",
          new JsonArray(
              List.of(rule("CREATE", "out-" + e.getKey() + ".txt"), rule("DISALLOW", "*"))));
      steps.add(new JsonObject(step));
    }
    Map<String, JsonValue> signed = new TreeMap<>();
    signed.put("_type", new JsonString("layout"));
    signed.put("expires", new JsonString("2099-01-01T00:00:00Z"));
    signed.put("readme", new JsonString("interop"));
    signed.put("keys", new JsonObject(keyMap));
    signed.put("steps", new JsonArray(steps));
    signed.put("inspect", new JsonArray(List.of()));
    Map<String, JsonValue> top = new TreeMap<>();
    top.put("signed", new JsonObject(signed));
    top.put("signatures", new JsonArray(List.of()));
    return new JsonObject(top);
  }

  private static JsonValue rule(String... words) {
    List<JsonValue> w = new ArrayList<>();
    for (String s : words) {
      w.add(new JsonString(s));
    }
    return new JsonArray(w);
  }

  /** Writes the layout and signs it with python in-toto-sign as owner. */
  private Path pythonSignedLayout(Map<String, LayoutKeys.PublicKeyInfo> keys) throws Exception {
    Files.write(dir.resolve("layout.tmpl"), Json.write(layout(keys)).toByteArray());
    ok(peer("in-toto-sign", "-f", "layout.tmpl", "-k", "owner", "-o", "root.layout"));
    return dir.resolve("root.layout");
  }

  private LayoutVerification sscVerify(Path layout, Path linkDir, String layoutKey)
      throws Exception {
    Path pub = dir.resolve(layoutKey);
    return LayoutVerifier.builder()
        .addLayoutKey(Bytes.of(Files.readAllBytes(pub)), layoutKey)
        .clock(NOW)
        .build()
        .verify(layout, linkDir);
  }

  @Test
  void linksFromInTotoRunVerifyWithSsc() throws Exception {
    Map<String, LayoutKeys.PublicKeyInfo> keys = keygen();
    Path layout = pythonSignedLayout(keys);
    for (String t : TYPES) {
      ok(
          peer(
              "in-toto-run",
              "-n",
              "build-" + t,
              "-k",
              "f-" + t,
              "-t",
              t,
              "-s",
              "-p",
              "out-" + t + ".txt",
              "--",
              "sh",
              "-c",
              "echo " + t + " > out-" + t + ".txt"));
    }
    LayoutVerification v = sscVerify(layout, dir, "owner.pub");
    assertEquals(Verdict.ALLOW, v.verdict(), v.toString());
    // python agrees
    ok(peer("in-toto-verify", "-l", "root.layout", "-k", "owner.pub", "--link-dir", "."));

    // and a product changed after in-toto-run fails the rules in both
    Files.writeString(dir.resolve("extra.txt"), "x");
    ok(
        peer(
            "in-toto-run",
            "-n",
            "build-rsa",
            "-k",
            "f-rsa",
            "-p",
            "out-rsa.txt",
            "extra.txt",
            "--",
            "true"));
    LayoutVerification denied = sscVerify(layout, dir, "owner.pub");
    assertEquals("intoto.rule.disallowed", denied.reason().orElseThrow().code(), denied.toString());
    assertNotEquals(0, peer("in-toto-verify", "-l", "root.layout", "-k", "owner.pub").exitCode());
  }

  @Test
  void linksFromSscVerifyWithInTotoVerify() throws Exception {
    Map<String, LayoutKeys.PublicKeyInfo> keys = keygen();
    Path layout = pythonSignedLayout(keys);
    for (String t : TYPES) {
      Path link =
          LinkRecorder.builder()
              .step("build-" + t)
              .key(Bytes.of(Files.readAllBytes(dir.resolve("f-" + t))), "f-" + t)
              .products(List.of("out-" + t + ".txt"))
              .command(List.of("sh", "-c", "echo " + t + " > out-" + t + ".txt"))
              .workingDirectory(dir)
              .build()
              .run(dir);
      assertEquals(
          "build-" + t + "." + keys.get(t).keyId().substring(0, 8) + ".link",
          link.getFileName().toString());
    }
    Peers.Result r =
        peer("in-toto-verify", "-l", "root.layout", "-k", "owner.pub", "--link-dir", ".", "-v");
    assertEquals(0, r.exitCode(), r.output());
    assertEquals(Verdict.ALLOW, sscVerify(layout, dir, "owner.pub").verdict());
  }

  /** The demo chain without its inspection (python has no scripts/tar here), signed by alice. */
  private String demoLayoutText() throws Exception {
    return LayoutVerifierTest.layoutText()
        .replaceFirst("\"inspect\":\\[.*?\\]\\}\\],\"keys\"", "\"inspect\":[],\"keys\"");
  }

  private void bothVerdicts(Bytes layout, String expectedCode) throws Exception {
    Files.write(dir.resolve("demo.layout"), layout.toByteArray());
    Files.copy(
        Demo.file("demo_files/alice.pub"),
        dir.resolve("alice.pub"),
        StandardCopyOption.REPLACE_EXISTING);
    LayoutVerification v = sscVerify(dir.resolve("demo.layout"), dir, "alice.pub");
    Peers.Result py = peer("in-toto-verify", "-l", "demo.layout", "-k", "alice.pub");
    if (expectedCode.isEmpty()) {
      assertEquals(Verdict.ALLOW, v.verdict(), v.toString());
      assertEquals(0, py.exitCode(), py.output());
    } else {
      assertEquals(expectedCode, v.reason().orElseThrow().code(), v.toString());
      assertNotEquals(0, py.exitCode(), py.output());
    }
  }

  @Test
  void demoChainAndItsTamperedVariantsAgreeWithInTotoVerify() throws Exception {
    Demo.copyDir("demo_files", dir);
    var alice = LayoutVerifierTest.key("alice");
    String text = demoLayoutText();
    bothVerdicts(LayoutVerifierTest.sign(text, alice), "");

    // edited layout
    Bytes edited =
        Bytes.utf8(
            LayoutVerifierTest.sign(text, alice)
                .toUtf8String()
                .replace("\"readme\":\"\"", "\"readme\":\"x\""));
    bothVerdicts(edited, "intoto.layout.signature");

    // expired layout
    bothVerdicts(
        LayoutVerifierTest.sign(
            text.replace("2099-12-31T23:59:59Z", "2020-01-01T00:00:00Z"), alice),
        "intoto.layout.expired");

    // unmet threshold
    bothVerdicts(
        LayoutVerifierTest.sign(text.replace("\"threshold\":1", "\"threshold\":2"), alice),
        "intoto.link.missing");

    // violated artifact rule
    bothVerdicts(
        LayoutVerifierTest.sign(
            text.replace("[[\"CREATE\",\"foo.py\"]]", "[[\"DISALLOW\",\"*\"]]"), alice),
        "intoto.rule.disallowed");

    // wrong signer: carl's link re-signed by bob
    Bytes good = LayoutVerifierTest.sign(text, alice);
    JsonObject link = Json.parseObject(Demo.bytes("demo_files/package.2f89b927.link"), "link");
    String body = Json.write(link.getObject("signed").orElseThrow()).toUtf8String();
    Path pkg = dir.resolve("package.2f89b927.link");
    Files.write(pkg, LayoutVerifierTest.sign(body, LayoutVerifierTest.key("bob")).toByteArray());
    bothVerdicts(good, "intoto.threshold.unmet");

    // changed product
    Files.copy(
        Demo.file("generated/package.2f89b927.link.tampered"),
        pkg,
        StandardCopyOption.REPLACE_EXISTING);
    bothVerdicts(good, "intoto.threshold.unmet");
  }
}
