package dev.ssc.cli;

import static dev.ssc.cli.MainTest.assertOneErrorLine;
import static dev.ssc.cli.MainTest.ssc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** key generate, dsse sign/verify, attest and verify-attestation, end to end through Main. */
class AttestationCommandsTest {
  @TempDir Path dir;

  String p(String name) {
    return dir.resolve(name).toString();
  }

  MainTest.Run generate(String type, String prefix) {
    return ssc("key", "generate", "--type", type, "--out", p(prefix));
  }

  void newKey(String type, String prefix) {
    MainTest.Run r = generate(type, prefix);
    assertEquals(Main.OK, r.code(), r.err());
  }

  @CanIgnoreReturnValue
  Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  Path run(String name, String... args) throws Exception {
    MainTest.Run r = ssc(args);
    assertEquals(Main.OK, r.code(), r.err());
    return write(name, r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "ecdsa-p256", "ecdsa-p384", "rsa"})
  void everyKeyTypeSignsAndVerifies(String type) throws Exception {
    MainTest.Run gen = generate(type, "k");
    assertEquals(Main.OK, gen.code(), gen.err());
    assertTrue(gen.out().startsWith(type + " key "), gen.out());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("k.key"))));
    assertTrue(Files.readString(dir.resolve("k.key")).startsWith("-----BEGIN PRIVATE KEY-----"));
    assertTrue(Files.readString(dir.resolve("k.pub")).startsWith("-----BEGIN PUBLIC KEY-----"));
    write("payload.txt", "héllo, wörld\n");

    Path env = run("env.json", "dsse", "sign", "--key", p("k.key"), p("payload.txt"));
    MainTest.Run verify = ssc("dsse", "verify", "--key", p("k.pub"), env.toString());

    assertEquals(Main.OK, verify.code(), verify.err());
    assertTrue(verify.out().startsWith("verified: "), verify.out());
  }

  @Test
  void neverOverwritesAKey() throws Exception {
    newKey("ed25519", "k");
    String before = Files.readString(dir.resolve("k.key"));

    MainTest.Run again = generate("ed25519", "k");

    assertOneErrorLine(again);
    assertTrue(again.err().contains("refusing to overwrite"), again.err());
    assertEquals(before, Files.readString(dir.resolve("k.key")));
  }

  @Test
  void unknownKeyTypeIsAUsageError() {
    MainTest.Run r = generate("dsa", "k");
    assertOneErrorLine(r);
    assertTrue(r.err().contains("--type must be one of"), r.err());
  }

  @Test
  void dsseVerifyDeniesAnotherKeyAndCountsDistinctKeys() throws Exception {
    newKey("ed25519", "a");
    newKey("ecdsa-p256", "b");
    write("payload.txt", "x");
    Path env = run("env.json", "dsse", "sign", "--key", p("a.key"), p("payload.txt"));

    MainTest.Run wrong = ssc("dsse", "verify", "--key", p("b.pub"), env.toString());
    assertEquals(Main.NEGATIVE, wrong.code(), wrong.err());
    assertTrue(wrong.err().startsWith("ssc: verification failed: envelope "), wrong.err());
    assertTrue(wrong.err().contains("dsse.threshold.unmet"), wrong.err());

    MainTest.Run twoOfTwo =
        ssc(
            "dsse",
            "verify",
            "--key",
            p("a.pub"),
            "--key",
            p("b.pub"),
            "--threshold",
            "2",
            env.toString());
    assertEquals(Main.NEGATIVE, twoOfTwo.code(), twoOfTwo.err());

    MainTest.Run sameKeyTwice =
        ssc(
            "dsse",
            "verify",
            "--key",
            p("a.pub"),
            "--key",
            p("a.pub"),
            "--threshold",
            "2",
            env.toString());
    assertOneErrorLine(sameKeyTwice);
    assertTrue(sameKeyTwice.err().contains("distinct keys given (1)"), sameKeyTwice.err());
  }

  @Test
  void dsseVerifyDeniesATamperedPayload() throws Exception {
    newKey("ed25519", "a");
    write("payload.txt", "release 1.4.0");
    Path env = run("env.json", "dsse", "sign", "--key", p("a.key"), p("payload.txt"));
    String json = Files.readString(env);
    String payload = java.util.Base64.getEncoder().encodeToString("release 1.4.1".getBytes());
    write(
        "tampered.json",
        json.replaceFirst("\"payload\":\"[^\"]*\"", "\"payload\":\"" + payload + "\""));

    MainTest.Run r = ssc("dsse", "verify", "--key", p("a.pub"), p("tampered.json"));

    assertEquals(Main.NEGATIVE, r.code(), r.err());
  }

  @Test
  void unreadableInputsAreOneErrorLine() throws Exception {
    newKey("ed25519", "a");
    write("garbage.json", "{\"payload\":");
    write("notakey.pub", "hello");

    assertOneErrorLine(ssc("dsse", "verify", "--key", p("a.pub"), p("garbage.json")));
    assertOneErrorLine(ssc("dsse", "verify", "--key", p("missing.pub"), p("garbage.json")));
    assertOneErrorLine(ssc("dsse", "verify", "--key", p("notakey.pub"), p("garbage.json")));
    assertOneErrorLine(ssc("dsse", "sign", "--key", p("a.pub"), p("garbage.json")));
    MainTest.Run dir = ssc("dsse", "sign", "--key", p("a.key"), this.dir.toString());
    assertOneErrorLine(dir);
    assertTrue(dir.err().contains("not a regular file"), dir.err());
  }

  @Test
  void attestationIsVerifiedBySignatureSubjectAndPredicateType() throws Exception {
    newKey("ed25519", "ci");
    newKey("ed25519", "laptop");
    Path jar = write("app.jar", "the release candidate");
    write("other.jar", "something else");
    write("provenance.json", "{\"buildDefinition\":{\"buildType\":\"https://acme.dev/maven@v1\"}}");
    String slsa = "https://slsa.dev/provenance/v1";
    Path env =
        run(
            "att.json",
            "attest",
            "--key",
            p("ci.key"),
            "--predicate-type",
            slsa,
            "--predicate",
            p("provenance.json"),
            jar.toString());

    MainTest.Run ok =
        ssc(
            "verify-attestation",
            "--key",
            p("ci.pub"),
            "--predicate-type",
            slsa,
            "--subject",
            jar.toString(),
            env.toString());
    assertEquals(Main.OK, ok.code(), ok.err());
    assertTrue(ok.out().startsWith("verified: " + slsa + " about "), ok.out());

    MainTest.Run otherFile =
        ssc(
            "verify-attestation",
            "--key",
            p("ci.pub"),
            "--subject",
            p("other.jar"),
            env.toString());
    assertEquals(Main.NEGATIVE, otherFile.code());
    assertTrue(otherFile.err().contains("attestation.subject.mismatch"), otherFile.err());

    MainTest.Run otherType =
        ssc(
            "verify-attestation",
            "--key",
            p("ci.pub"),
            "--predicate-type",
            "https://x/y",
            "--subject",
            jar.toString(),
            env.toString());
    assertEquals(Main.NEGATIVE, otherType.code());
    assertTrue(otherType.err().contains("attestation.predicate-type.mismatch"), otherType.err());

    MainTest.Run untrusted =
        ssc(
            "verify-attestation",
            "--key",
            p("laptop.pub"),
            "--subject",
            jar.toString(),
            env.toString());
    assertEquals(Main.NEGATIVE, untrusted.code());
  }

  @Test
  void attestRejectsAPredicateThatIsNotAnObject() throws Exception {
    newKey("ed25519", "ci");
    write("p.json", "[1,2]");
    Path jar = write("app.jar", "x");

    MainTest.Run r =
        ssc(
            "attest",
            "--key",
            p("ci.key"),
            "--predicate-type",
            "https://x/y",
            "--predicate",
            p("p.json"),
            jar.toString());

    assertOneErrorLine(r);
  }
}
