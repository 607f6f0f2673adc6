package dev.ssc.cli;

import static dev.ssc.cli.MainTest.assertOneErrorLine;
import static dev.ssc.cli.MainTest.ssc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Json;
import dev.ssc.attest.tlog.Checkpoints;
import dev.ssc.attest.tlog.MerkleTree;
import dev.ssc.attest.tlog.NoteKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssc log, end to end through Main. */
class LogCommandTest {
  @TempDir Path dir;

  String log() {
    return dir.resolve("log").toString();
  }

  @CanIgnoreReturnValue
  MainTest.Run ok(String... args) {
    MainTest.Run r = ssc(args);
    assertEquals(Main.OK, r.code(), r.err());
    return r;
  }

  static JsonObject json(String line) throws Exception {
    return Json.parseObject(Bytes.utf8(line), "output");
  }

  static long number(JsonObject o, String name) {
    return ((JsonNumber) o.get(name).orElseThrow()).value().longValueExact();
  }

  static Bytes hex(JsonObject o, String name) {
    return Bytes.fromHex(o.getString(name).orElseThrow());
  }

  static List<Bytes> proof(JsonObject o) {
    List<Bytes> out = new ArrayList<>();
    for (JsonValue v : ((JsonArray) o.get("proof").orElseThrow()).elements()) {
      out.add(Bytes.fromHex(((JsonString) v).value()));
    }
    return out;
  }

  Path file(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  @Test
  void initAppendGetProveConsistencyVerify() throws Exception {
    MainTest.Run init = ok("log", "init", "--log", log(), "--origin", "audit.example/prod");
    assertTrue(init.out().startsWith("initialized: "), init.out());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("log").resolve("log.key"))));
    String vkey = Files.readString(dir.resolve("log").resolve("log.vkey")).strip();
    NoteKey key = NoteKey.parse(vkey);
    assertEquals("audit.example/prod", key.name());

    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    List<String> files = new ArrayList<>(List.of("log", "append", "--log", log()));
    List<Bytes> entries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] content = i == 2 ? binary : ("entry " + i + "\n").getBytes(StandardCharsets.UTF_8);
      files.add(file("e" + i, content).toString());
      entries.add(Bytes.of(content));
    }
    MainTest.Run append = ok(files.toArray(new String[0]));
    List<String> lines = append.out().lines().toList();
    assertEquals(5, lines.size());
    for (int i = 0; i < 5; i++) {
      assertEquals(
          "{\"index\":"
              + i
              + ",\"leafHash\":\""
              + MerkleTree.leafHash(entries.get(i)).toHex()
              + "\"}",
          lines.get(i));
    }

    assertArrayEquals(binary, rawOut("log", "get", "--log", log(), "--index", "2"));

    MainTest.Run cp = ok("log", "checkpoint", "--log", log());
    var opened = Checkpoints.open(Bytes.utf8(cp.out()), "audit.example/prod", key, List.of());
    assertTrue(opened.isValid(), opened.failure().orElse(""));
    Bytes root = opened.checkpoint().orElseThrow().rootHash();
    assertEquals(5, opened.checkpoint().orElseThrow().size());

    JsonObject prove = json(ok("log", "prove", "--log", log(), "--index", "3").out().strip());
    assertEquals(3, number(prove, "index"));
    assertEquals(5, number(prove, "size"));
    assertEquals(root, hex(prove, "rootHash"));
    assertTrue(
        MerkleTree.verifyInclusion(3, 5, hex(prove, "leafHash"), proof(prove), root).isValid());
    JsonObject small =
        json(ok("log", "prove", "--log", log(), "--index", "1", "--size", "3").out().strip());
    assertTrue(
        MerkleTree.verifyInclusion(
                1, 3, hex(small, "leafHash"), proof(small), hex(small, "rootHash"))
            .isValid());

    JsonObject cons = json(ok("log", "consistency", "--log", log(), "--from", "3").out().strip());
    assertEquals(3, number(cons, "size1"));
    assertEquals(5, number(cons, "size2"));
    assertEquals(root, hex(cons, "rootHash2"));
    assertTrue(
        MerkleTree.verifyConsistency(3, 5, proof(cons), hex(cons, "rootHash1"), root).isValid());
    assertEquals(hex(small, "rootHash"), hex(cons, "rootHash1"));

    MainTest.Run verify = ok("log", "verify", "--log", log());
    assertTrue(verify.out().startsWith("verified: "), verify.out());

    // Tamper with entry 3's bytes: verify names index 3.
    Path stored = dir.resolve("log").resolve("entries");
    byte[] data = Files.readAllBytes(stored);
    int at = 16 + 16 + (256 + 8) + 4 + 2; // records of 8+8, 8+8, 256+8 bytes, then entry 3's
    data[at] ^= 0x20;
    Files.write(stored, data);
    MainTest.Run bad = ssc("log", "verify", "--log", log());
    assertEquals(Main.NEGATIVE, bad.code(), bad.toString());
    assertEquals(1, bad.errLines().size(), bad.err());
    assertTrue(bad.err().contains("at index 3: "), bad.err());
  }

  byte[] rawOut(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    assertEquals(Main.OK, code, err.toString(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void helpListsTheLogCommandsInOneLineEach() {
    MainTest.Run help = ok("log", "--help");
    for (String summary :
        List.of(
            "init +Create a log and its checkpoint signing key\\.",
            "append +Append each FILE's bytes as one entry\\.",
            "checkpoint +Print the latest signed checkpoint note, signing one if needed\\.",
            "get +Write the exact bytes of entry I to stdout\\.",
            "prove +Print an inclusion proof as JSON\\.",
            "consistency +Print a consistency proof as JSON\\.",
            "verify +Recompute the whole log and check its checkpoints\\.")) {
      assertTrue(help.out().lines().anyMatch(l -> l.matches("  " + summary)), summary);
    }
    help.out().lines().forEach(l -> assertTrue(l.length() <= 80, "fits 80 columns: " + l));
  }

  @Test
  void usageAndInputErrorsAreOneLine() throws Exception {
    assertOneErrorLine(ssc("log", "append", "--log", log(), "nothing"));
    assertOneErrorLine(ssc("log", "verify"));
    ok("log", "init", "--log", log(), "--origin", "audit.example/prod");
    assertOneErrorLine(ssc("log", "init", "--log", log(), "--origin", "audit.example/prod"));
    assertOneErrorLine(ssc("log", "init", "--log", dir.resolve("x").toString(), "--origin", "a b"));
    assertOneErrorLine(ssc("log", "get", "--log", log(), "--index", "0"));
    assertOneErrorLine(ssc("log", "append", "--log", log(), dir.resolve("missing").toString()));
    ok("log", "append", "--log", log(), file("one", new byte[] {1}).toString());
    assertOneErrorLine(ssc("log", "prove", "--log", log(), "--index", "1"));
    assertOneErrorLine(ssc("log", "prove", "--log", log(), "--index", "0", "--size", "2"));
    assertOneErrorLine(ssc("log", "consistency", "--log", log(), "--from", "2"));
    assertOneErrorLine(ssc("log", "get", "--log", log(), "--index", "x"));
    assertOneErrorLine(ssc("log"));
  }
}
