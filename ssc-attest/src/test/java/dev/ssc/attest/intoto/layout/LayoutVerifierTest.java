package dev.ssc.attest.intoto.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.Finding;
import dev.ssc.api.Verdict;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.signing.Signer;
import dev.ssc.attest.json.CanonicalJson;
import dev.ssc.attest.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampered variants of the demo supply chain, thresholds, warnings and default deny. */
class LayoutVerifierTest {
  private static final InstantSource NOW =
      InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

  @TempDir Path dir;

  @BeforeEach
  void copyDemo() throws Exception {
    Demo.copyDir("demo_files", dir);
  }

  /** The demo layout's signed body (single-signed.layout) as JSON text. */
  static String layoutText() throws Exception {
    JsonObject o = Json.parseObject(Demo.bytes("generated/single-signed.layout"), "layout");
    return Json.write(o.getObject("signed").orElseThrow()).toUtf8String();
  }

  static Signer key(String name) throws Exception {
    return LayoutKeys.readPrivateKey(Demo.bytes("demo_files/" + name), name);
  }

  /** Signs {@code signedText} as classic metadata by {@code signers}. */
  static Bytes sign(String signedText, Signer... signers) throws Exception {
    JsonObject signed = Json.parseObject(Bytes.utf8(signedText), "test");
    byte[] canonical = CanonicalJson.encode(signed).toByteArray();
    List<JsonValue> sigs = new ArrayList<>();
    for (Signer s : signers) {
      Map<String, JsonValue> m = new TreeMap<>();
      m.put("keyid", new JsonString(s.keyId()));
      m.put("sig", new JsonString(LayoutKeys.hex(s.sign(canonical))));
      sigs.add(new JsonObject(m));
    }
    Map<String, JsonValue> top = new TreeMap<>();
    top.put("signatures", new JsonArray(sigs));
    top.put("signed", signed);
    return Json.write(new JsonObject(top));
  }

  private LayoutVerification verify(Bytes layout, String... keys) throws Exception {
    LayoutVerifier.Builder b = LayoutVerifier.builder().clock(NOW);
    for (String k : keys) {
      b.addLayoutKey(Demo.bytes("demo_files/" + k), k);
    }
    return b.build().verify(layout, "test.layout", dir);
  }

  private static void assertDenied(LayoutVerification v, String code) {
    assertEquals(Verdict.DENY, v.verdict(), v.toString());
    assertEquals(code, v.reason().orElseThrow().code(), v.toString());
  }

  @Test
  void demoVerifiesWithoutInspectionsAndWarnsThatTheyWereSkipped() throws Exception {
    LayoutVerification v = verify(sign(layoutText(), key("alice")), "alice.pub");
    assertEquals(Verdict.ALLOW, v.verdict(), v.toString());
    assertEquals("intoto.inspection.skipped", v.warnings().get(0).code());
  }

  @Test
  void changedProductMakesTheLinkSignatureFailAndTheThresholdUnmet() throws Exception {
    Files.copy(
        Demo.file("generated/package.2f89b927.link.tampered"),
        dir.resolve("package.2f89b927.link"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    LayoutVerification v = verify(sign(layoutText(), key("alice")), "alice.pub");
    assertDenied(v, "intoto.threshold.unmet");
    assertTrue(v.findings().stream().anyMatch(f -> f.code().equals("intoto.link.signature")));
  }

  @Test
  void linkSignedByTheWrongFunctionaryIsNotCounted() throws Exception {
    // bob signs carl's package link: the file name claims carl, the signature is bob's.
    JsonObject link = Json.parseObject(Demo.bytes("demo_files/package.2f89b927.link"), "link");
    String body = Json.write(link.getObject("signed").orElseThrow()).toUtf8String();
    Files.write(dir.resolve("package.2f89b927.link"), sign(body, key("bob")).toByteArray());
    assertDenied(verify(sign(layoutText(), key("alice")), "alice.pub"), "intoto.threshold.unmet");
  }

  @Test
  void layoutEditedAfterSigningIsDenied() throws Exception {
    Bytes signed = sign(layoutText(), key("alice"));
    Bytes edited =
        Bytes.utf8(signed.toUtf8String().replace("\"readme\":\"\"", "\"readme\":\"edited\""));
    assertDenied(verify(edited, "alice.pub"), "intoto.layout.signature");
  }

  @Test
  void expiredLayoutIsDenied() throws Exception {
    String text = layoutText().replace("2099-12-31T23:59:59Z", "2025-12-31T23:59:59Z");
    assertDenied(verify(sign(text, key("alice")), "alice.pub"), "intoto.layout.expired");
  }

  @Test
  void everyGivenLayoutKeyMustHaveSigned() throws Exception {
    Bytes single = sign(layoutText(), key("alice"));
    assertDenied(verify(single, "alice.pub", "bob.pub"), "intoto.layout.signature");
    Bytes both = sign(layoutText(), key("alice"), key("bob"));
    assertEquals(Verdict.ALLOW, verify(both, "alice.pub", "bob.pub").verdict());
  }

  @Test
  void unmetThresholdIsDeniedBeforeSignaturesAreChecked() throws Exception {
    String text = layoutText().replace("\"threshold\":1", "\"threshold\":2");
    assertDenied(verify(sign(text, key("alice")), "alice.pub"), "intoto.link.missing");
  }

  @Test
  void violatedArtifactRuleIsDenied() throws Exception {
    String text =
        layoutText()
            .replace("[[\"CREATE\",\"foo.py\"]]", "[[\"CREATE\",\"bar.py\"],[\"DISALLOW\",\"*\"]]");
    LayoutVerification v = verify(sign(text, key("alice")), "alice.pub");
    assertDenied(v, "intoto.rule.disallowed");
    assertTrue(v.reason().orElseThrow().message().contains("foo.py"), v.toString());
    assertEquals(
        "write-code/expected_products/1", v.reason().orElseThrow().location().orElseThrow());
  }

  @Test
  void requireRuleFailsWhenTheArtifactIsMissing() throws Exception {
    String text = layoutText().replace("[[\"CREATE\",\"foo.py\"]]", "[[\"REQUIRE\",\"bar.py\"]]");
    assertDenied(verify(sign(text, key("alice")), "alice.pub"), "intoto.rule.required");
  }

  @Test
  void differingCommandIsAWarningNotAFailure() throws Exception {
    String text = layoutText().replace("\"zcvf\"", "\"czf\"");
    LayoutVerification v = verify(sign(text, key("alice")), "alice.pub");
    assertEquals(Verdict.ALLOW, v.verdict(), v.toString());
    assertTrue(v.warnings().stream().anyMatch(f -> f.code().equals("intoto.command.differs")));
  }

  @Test
  void unknownRuleIsAFormatDenial() throws Exception {
    String text = layoutText().replace("[[\"CREATE\",\"foo.py\"]]", "[[\"CREATED\",\"foo.py\"]]");
    LayoutVerification v = verify(sign(text, key("alice")), "alice.pub");
    assertDenied(v, "intoto.layout.format");
    assertTrue(
        v.reason().orElseThrow().message().contains("/signed/steps/0/expected_products/0"),
        v.toString());
  }

  @Test
  void oversizedLinkIsRefusedUnread() throws Exception {
    // Sparse: 65 MiB of length on disk costs nothing, and would cost 65 MiB of heap if read.
    try (java.io.RandomAccessFile f =
        new java.io.RandomAccessFile(dir.resolve("package.2f89b927.link").toFile(), "rw")) {
      f.setLength(65L << 20);
    }
    LayoutVerification v = verify(sign(layoutText(), key("alice")), "alice.pub");
    assertDenied(v, "intoto.link.format");
    assertTrue(v.reason().orElseThrow().message().contains("larger than the limit"), v.toString());
  }

  @Test
  void malformedLinkIsAFormatDenial() throws Exception {
    Files.writeString(dir.resolve("package.2f89b927.link"), "{\"signed\": ");
    assertDenied(verify(sign(layoutText(), key("alice")), "alice.pub"), "intoto.link.format");
  }

  @Test
  void unsignedAndUnparsableLayoutsAreDenied() throws Exception {
    String unsigned = "{\"signatures\":[],\"signed\":" + layoutText() + "}";
    assertDenied(verify(Bytes.utf8(unsigned), "alice.pub"), "intoto.layout.unsigned");
    assertDenied(verify(Bytes.utf8("not json"), "alice.pub"), "intoto.layout.format");
  }

  @Test
  void thresholdTwoNeedsTwoAgreeingFunctionaries() throws Exception {
    // danny (ed25519) is a second functionary of write-code, re-signing bob's link body.
    JsonObject danny = Json.parseObject(Demo.bytes("demo_files/danny.pub"), "danny.pub");
    String dannyId = LayoutKeys.readPublicKey(Demo.bytes("demo_files/danny.pub"), "d").keyId();
    JsonObject layout = Json.parseObject(Bytes.utf8(layoutText()), "layout");
    Map<String, JsonValue> keys = new TreeMap<>(layout.getObject("keys").orElseThrow().members());
    keys.put(dannyId, danny);
    Map<String, JsonValue> top = new TreeMap<>(layout.members());
    top.put("keys", new JsonObject(keys));
    String text =
        Json.write(new JsonObject(top))
            .toUtf8String()
            .replace("\"pubkeys\":[\"776a00e2", "\"pubkeys\":[\"" + dannyId + "\",\"776a00e2")
            .replaceFirst("\"threshold\":1", "\"threshold\":2");
    Bytes signedLayout = sign(text, key("alice"));

    JsonObject bobLink =
        Json.parseObject(Demo.bytes("demo_files/write-code.776a00e2.link"), "link");
    String body = Json.write(bobLink.getObject("signed").orElseThrow()).toUtf8String();
    Path dannyLink = dir.resolve("write-code." + dannyId.substring(0, 8) + ".link");
    Files.write(dannyLink, sign(body, key("danny")).toByteArray());
    LayoutVerification v = verify(signedLayout, "alice.pub");
    assertEquals(Verdict.ALLOW, v.verdict(), v.toString());

    Files.write(dannyLink, sign(body.replace("74dc3727", "00dc3727"), key("danny")).toByteArray());
    assertDenied(verify(signedLayout, "alice.pub"), "intoto.threshold.artifacts-differ");
  }

  @Test
  void failingOrHangingInspectionIsDenied() throws Exception {
    String fails =
        layoutText()
            .replace("[\"python\",\"./scripts/tar\",\"xfz\",\"foo.tar.gz\"]", "[\"false\"]");
    LayoutVerification v =
        LayoutVerifier.builder()
            .addLayoutKey(Demo.bytes("demo_files/alice.pub"), "alice.pub")
            .clock(NOW)
            .runInspections(dir)
            .build()
            .verify(sign(fails, key("alice")), "test.layout", dir);
    assertDenied(v, "intoto.inspection.failed");
    String hangs =
        layoutText()
            .replace("[\"python\",\"./scripts/tar\",\"xfz\",\"foo.tar.gz\"]", "[\"sleep\",\"30\"]");
    LayoutVerification slow =
        LayoutVerifier.builder()
            .addLayoutKey(Demo.bytes("demo_files/alice.pub"), "alice.pub")
            .clock(NOW)
            .runInspections(dir)
            .commandTimeout(java.time.Duration.ofMillis(200))
            .build()
            .verify(sign(hangs, key("alice")), "test.layout", dir);
    assertDenied(slow, "intoto.inspection.failed");
    assertTrue(slow.reason().orElseThrow().message().contains("did not finish"), slow.toString());
  }

  /** A superlayout signed by carl whose step "sub" is performed by alice as a sublayout. */
  private static String superlayoutText() throws Exception {
    String aliceId = LayoutKeys.readPublicKey(Demo.bytes("demo_files/alice.pub"), "a").keyId();
    JsonObject alice =
        new JsonObject(
            Map.of(
                "keyid", new JsonString(aliceId),
                "keytype", new JsonString("rsa"),
                "scheme", new JsonString("rsassa-pss-sha256"),
                "keyid_hash_algorithms",
                    new JsonArray(List.of(new JsonString("sha256"), new JsonString("sha512"))),
                "keyval",
                    new JsonObject(
                        Map.of(
                            "public",
                            new JsonString(
                                Demo.bytes("demo_files/alice.pub").toUtf8String().strip())))));
    String step =
        "{\"_type\":\"step\",\"name\":\"sub\",\"pubkeys\":[\""
            + aliceId
            + "\"],\"threshold\":1,\"expected_command\":[],\"expected_materials\":[],"
            + "\"expected_products\":[[\"CREATE\",\"foo.tar.gz\"],[\"ALLOW\",\"foo.py\"],"
            + "[\"DISALLOW\",\"*\"]]}";
    return "{\"_type\":\"layout\",\"expires\":\"2099-01-01T00:00:00Z\",\"readme\":\"\","
        + "\"keys\":{\""
        + aliceId
        + "\":"
        + Json.write(alice).toUtf8String()
        + "},\"steps\":["
        + step
        + "],\"inspect\":[]}";
  }

  @Test
  void sublayoutIsVerifiedRecursivelyAndSummarized() throws Exception {
    Path sub = dir.resolve("sub.556caebd");
    Files.createDirectories(sub);
    for (String link : List.of("write-code.776a00e2.link", "package.2f89b927.link")) {
      Files.move(dir.resolve(link), sub.resolve(link));
    }
    Files.write(dir.resolve("sub.556caebd.link"), sign(layoutText(), key("alice")).toByteArray());
    Bytes superlayout = sign(superlayoutText(), key("carl"));
    LayoutVerification v = verify(superlayout, "carl.pub");
    assertEquals(Verdict.ALLOW, v.verdict(), v.toString());

    Files.copy(
        Demo.file("generated/package.2f89b927.link.tampered"),
        sub.resolve("package.2f89b927.link"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertDenied(verify(superlayout, "carl.pub"), "intoto.threshold.unmet");

    // a sublayout not signed by the authorized functionary is skipped like any bad link
    Files.write(dir.resolve("sub.556caebd.link"), sign(layoutText(), key("bob")).toByteArray());
    assertDenied(verify(superlayout, "carl.pub"), "intoto.threshold.unmet");
  }

  @Test
  void linkNamingAnotherStepIsAWarningAsInTheReference() throws Exception {
    JsonObject link = Json.parseObject(Demo.bytes("demo_files/package.2f89b927.link"), "link");
    String body =
        Json.write(link.getObject("signed").orElseThrow())
            .toUtf8String()
            .replace("\"name\":\"package\"", "\"name\":\"other\"");
    Files.write(dir.resolve("package.2f89b927.link"), sign(body, key("carl")).toByteArray());
    LayoutVerification v = verify(sign(layoutText(), key("alice")), "alice.pub");
    assertEquals(Verdict.ALLOW, v.verdict(), v.toString());
    assertTrue(v.warnings().stream().anyMatch(f -> f.code().equals("intoto.link.name-differs")));
  }

  @Test
  void findingsNameTheirPlace() throws Exception {
    Files.delete(dir.resolve("package.2f89b927.link"));
    Finding f = verify(sign(layoutText(), key("alice")), "alice.pub").reason().orElseThrow();
    assertEquals("intoto.link.missing", f.code());
    assertEquals("package", f.location().orElseThrow());
  }
}
