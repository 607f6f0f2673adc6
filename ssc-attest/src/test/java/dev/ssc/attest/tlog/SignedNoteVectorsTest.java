package dev.ssc.attest.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.audit.Checkpoint;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonBoolean;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.Vectors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of the C2SP note and checkpoint vectors (golang/mod, transparency-dev/formats). */
class SignedNoteVectorsTest {
  static final JsonObject NOTES = Vectors.json("/vectors/c2sp/note-vectors.json");
  static final JsonObject CHECKPOINTS = Vectors.json("/vectors/c2sp/checkpoint-vectors.json");

  static List<JsonObject> list(JsonValue v) {
    List<JsonObject> out = new ArrayList<>();
    ((JsonArray) v).elements().forEach(e -> out.add((JsonObject) e));
    return out;
  }

  static String str(JsonObject o, String name) {
    return ((JsonString) o.members().get(name)).value();
  }

  static boolean bool(JsonObject o, String name) {
    return ((JsonBoolean) o.members().get(name)).value();
  }

  static JsonObject obj(JsonObject o, String name) {
    return (JsonObject) o.members().get(name);
  }

  static List<NoteKey> keys(JsonValue array) throws SscFormatException {
    List<NoteKey> keys = new ArrayList<>();
    if (array instanceof JsonArray a) {
      for (JsonValue v : a.elements()) {
        keys.add(NoteKey.parse(((JsonString) v).value()));
      }
    }
    return keys;
  }

  static List<String> signatures(JsonValue expected) {
    List<String> out = new ArrayList<>();
    if (expected instanceof JsonArray a) {
      for (JsonValue v : a.elements()) {
        JsonObject s = (JsonObject) v;
        out.add(str(s, "name") + "+" + str(s, "keyIdHex").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  /** The checkpoint origin of {@code text}, or "" where it is no checkpoint. */
  static String origin(String text) {
    try {
      return CheckpointBody.parse(text).origin();
    } catch (SscFormatException e) {
      return "";
    }
  }

  /** The generated cases name their verifiers: the test keys, as note or cosignature keys. */
  static List<NoteKey> namedKeys(JsonValue names) throws SscFormatException {
    JsonObject testKeys = obj(CHECKPOINTS, "testKeys");
    List<NoteKey> keys = new ArrayList<>();
    for (JsonValue v : ((JsonArray) names).elements()) {
      String name = ((JsonString) v).value();
      JsonObject key = obj(testKeys, name.replace("-as-type1", ""));
      keys.add(
          NoteKey.parse(
              name.equals("Log") || name.endsWith("-as-type1")
                  ? str(key, "vkey")
                  : str(obj(key, "cosignatureV1"), "vkey")));
    }
    return keys;
  }

  static List<String> names(List<NoteSignature> sigs) {
    return sigs.stream().map(NoteSignature::toString).toList();
  }

  @TestFactory
  Stream<DynamicTest> verifierKeys() {
    List<JsonObject> cases = new ArrayList<>(list(NOTES.members().get("vkeyParsing")));
    cases.addAll(
        list(obj(CHECKPOINTS, "cosignatureUpstream").members().get("cosignerVkeyParsing")));
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    str(c, "vkey"),
                    () -> {
                      if (bool(c, "expectValid")) {
                        NoteKey k = NoteKey.parse(str(c, "vkey"));
                        assertEquals(str(c, "vkey"), k.verifierKey());
                      } else {
                        assertThrows(SscFormatException.class, () -> NoteKey.parse(str(c, "vkey")));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> signerKeys() {
    return list(NOTES.members().get("skeyParsing")).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    str(c, "skey").substring(0, 30),
                    () -> {
                      if (bool(c, "expectValid")) {
                        NoteSigner s = NoteSigner.parse(str(c, "skey"));
                        assertEquals(str(c, "skey"), s.signerKey());
                        assertTrue(s.toString().startsWith("NoteSigner["), "no secret in toString");
                      } else {
                        assertThrows(
                            SscFormatException.class, () -> NoteSigner.parse(str(c, "skey")));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> signingIsByteExact() {
    return list(NOTES.members().get("signing")).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    str(c, "id"),
                    () -> {
                      List<NoteSigner> signers = new ArrayList<>();
                      if (c.members().get("skeys") instanceof JsonArray a) {
                        for (JsonValue k : a.elements()) {
                          signers.add(NoteSigner.parse(((JsonString) k).value()));
                        }
                      } else {
                        signers.add(NoteSigner.parse(str(c, "skey")));
                      }
                      if (c.members().containsKey("expectError")) {
                        assertThrows(
                            IllegalArgumentException.class,
                            () -> SignedNote.sign(str(c, "text"), signers));
                        return;
                      }
                      Bytes note = SignedNote.sign(str(c, "text"), signers);
                      assertEquals(str(c, "expectedSignedNote"), note.toUtf8String());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> openingNotes() {
    return list(NOTES.members().get("open")).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    str(c, "id"),
                    () -> {
                      Bytes note = Bytes.of(Base64.getDecoder().decode(str(c, "noteBase64")));
                      NoteVerification v =
                          SignedNote.open(note, keys(c.members().get("verifierKeys")));
                      assertEquals(
                          bool(c, "expectValid"), v.isValid(), v.failure().orElse("valid"));
                      if (v.isValid()) {
                        assertEquals(str(c, "expectedText"), v.text());
                        assertEquals(
                            signatures(c.members().get("expectedVerified")), names(v.verified()));
                        assertEquals(
                            signatures(c.members().get("expectedUnverified")),
                            names(v.unverified()));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> checkpointBodies() {
    return list(CHECKPOINTS.members().get("checkpointBodyParsing")).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    str(c, "desc"),
                    () -> {
                      if (bool(c, "expectValid")) {
                        CheckpointBody b = CheckpointBody.parse(str(c, "body"));
                        JsonObject e = obj(c, "expected");
                        assertEquals(str(e, "origin"), b.origin());
                        assertEquals(
                            ((JsonNumber) e.members().get("size")).value().longValue(), b.size());
                        assertEquals(str(e, "hashBase64"), b.rootHash().toBase64());
                      } else {
                        assertThrows(
                            SscFormatException.class, () -> CheckpointBody.parse(str(c, "body")));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> realAndMatrixCheckpoints() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonObject c : list(CHECKPOINTS.members().get("realCheckpoints"))) {
      tests.add(
          DynamicTest.dynamicTest(
              "real: " + str(c, "desc"),
              () -> {
                CheckpointVerification v =
                    Checkpoints.open(
                        Bytes.utf8(str(c, "signedCheckpoint")),
                        str(c, "expectedOrigin"),
                        NoteKey.parse(str(c, "logVerifierKey")),
                        List.of());
                assertEquals(bool(c, "expectValid"), v.isValid(), v.failure().orElse("valid"));
                if (v.isValid()) {
                  Checkpoint cp = v.checkpoint().orElseThrow();
                  assertEquals(
                      ((JsonNumber) c.members().get("expectedSize")).value().longValue(),
                      cp.size());
                  assertEquals(str(c, "expectedRootHashBase64"), cp.rootHash().toBase64());
                }
              }));
    }
    for (JsonObject c : list(obj(CHECKPOINTS, "parseCheckpointMatrix").members().get("cases"))) {
      tests.add(
          DynamicTest.dynamicTest(
              "matrix: " + str(c, "desc"),
              () -> {
                JsonValue note = c.members().get("signedCheckpoint");
                if (!(note instanceof JsonString s)) {
                  assertEquals(false, bool(c, "expectValid"), "a case without a note must fail");
                  return;
                }
                // The checkpoint roots here are 6 bytes (upstream's test data), so only the note
                // and the log-key and origin rules are checked here; Checkpoints.open adds 32
                // bytes.
                NoteKey log = NoteKey.parse(str(c, "logVerifierKey"));
                List<NoteKey> known = new ArrayList<>(List.of(log));
                known.addAll(keys(c.members().get("otherVerifierKeys")));
                NoteVerification v = SignedNote.open(Bytes.utf8(s.value()), known);
                boolean ok =
                    v.isValid()
                        && v.isSignedBy(log)
                        && origin(v.text()).equals(str(c, "expectedOrigin"));
                assertEquals(bool(c, "expectValid"), ok, v.failure().orElse("valid"));
                CheckpointVerification strict =
                    Checkpoints.open(
                        Bytes.utf8(s.value()),
                        str(c, "expectedOrigin"),
                        log,
                        known.subList(1, known.size()));
                assertEquals(
                    false, strict.isValid(), "6-byte roots are refused by the strict client");
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> ecdsaCheckpoints() {
    return list(CHECKPOINTS.members().get("ecdsaCheckpoints")).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    str(c, "id"),
                    () -> {
                      NoteVerification v =
                          SignedNote.open(
                              Bytes.utf8(str(c, "note")),
                              List.of(NoteKey.parse(str(c, "verifierKey"))));
                      assertEquals(
                          bool(c, "expectValid"), v.isValid(), v.failure().orElse("valid"));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> cosignedCheckpoint() {
    JsonObject g = obj(CHECKPOINTS, "generatedCosignedCheckpoint");
    return list(g.members().get("cases")).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    str(c, "id"),
                    () -> {
                      NoteVerification v =
                          SignedNote.open(
                              Bytes.utf8(str(c, "note")), namedKeys(c.members().get("verifiers")));
                      assertEquals(
                          bool(c, "expectValid"), v.isValid(), v.failure().orElse("valid"));
                      if (v.isValid()) {
                        assertEquals(
                            signatures(c.members().get("expectedVerified")), names(v.verified()));
                      }
                    }));
  }

  @Test
  void cosignedReferenceCheckpointOpensWithItsWitnesses() throws Exception {
    JsonObject g = obj(CHECKPOINTS, "generatedCosignedCheckpoint");
    NoteKey log = NoteKey.parse(str(g, "logVerifierKey"));
    JsonObject cosigners = obj(g, "cosignerVerifierKeys");
    List<NoteKey> witnesses =
        List.of(NoteKey.parse(str(cosigners, "Wit1")), NoteKey.parse(str(cosigners, "Wit2")));

    CheckpointVerification v =
        Checkpoints.open(Bytes.utf8(str(g, "signedCheckpoint")), str(g, "origin"), log, witnesses);

    assertTrue(v.isValid(), v.failure().orElse(""));
    assertEquals(8, v.checkpoint().orElseThrow().size());
    assertEquals(List.of("Wit1+9b3fb2d5", "Wit2+38153445"), names(v.cosigners()));
    assertEquals(1700000000L, v.cosigners().get(0).timestamp().orElseThrow());
    // The root is the RFC 9162 root of the 8 reference leaves.
    assertEquals(str(g, "rootHashBase64"), v.checkpoint().orElseThrow().rootHash().toBase64());
  }

  @Test
  void signedCheckpointRoundTripsAndRejectsAnotherOrigin() throws Exception {
    NoteSigner log = NoteSigner.generate("audit.acme.dev", new java.security.SecureRandom());
    Bytes root = MerkleTree.leafHash(Bytes.utf8("x"));
    Checkpoint cp =
        Checkpoints.sign(new CheckpointBody("audit.acme.dev/prod", 1, root, List.of()), log);

    CheckpointVerification ok =
        Checkpoints.open(cp.signedNote(), "audit.acme.dev/prod", log.verifierKey(), List.of());
    CheckpointVerification wrongOrigin =
        Checkpoints.open(cp.signedNote(), "audit.acme.dev/staging", log.verifierKey(), List.of());
    NoteKey reparsed = NoteKey.parse(log.verifierKey().verifierKey());

    assertTrue(ok.isValid(), ok.failure().orElse(""));
    assertEquals(cp, ok.checkpoint().orElseThrow());
    assertTrue(wrongOrigin.failure().orElseThrow().contains("not the expected"));
    assertEquals(log.verifierKey(), reparsed);
    assertArrayEquals(root.toByteArray(), ok.checkpoint().orElseThrow().rootHash().toByteArray());
  }
}
