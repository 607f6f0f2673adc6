package dev.ssc.attest.dsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.attest.Vectors;
import dev.ssc.attest.keys.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The official DSSE vectors: PAE bytes, and envelope verification with the spec's P-256 key. */
class DsseVectorsTest {
  private static final JsonObject VECTORS = Vectors.json("/vectors/dsse/vectors.json");

  private static List<JsonObject> list(String name) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonValue v : ((dev.ssc.api.json.JsonArray) VECTORS.get(name).orElseThrow()).elements()) {
      out.add((JsonObject) v);
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> paeMatchesEveryVector() {
    List<JsonObject> all = new ArrayList<>(list("paeOnly"));
    all.addAll(list("vectors"));
    return all.stream()
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.getString("why").orElse("pae"),
                    () -> {
                      byte[] payload =
                          Bytes.fromBase64(v.getString("payloadBase64").orElseThrow())
                              .toByteArray();
                      byte[] pae = Pae.encode(v.getString("payloadType").orElseThrow(), payload);
                      assertArrayEquals(
                          Bytes.fromHex(v.getString("paeHex").orElseThrow()).toByteArray(), pae);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> envelopeVerificationMatchesEveryVector() {
    return list("vectors").stream()
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.getString("id").orElseThrow() + ": " + v.getString("why").orElse(""),
                    () -> {
                      boolean expectValid =
                          v.get("expectValid")
                              .orElseThrow()
                              .equals(new dev.ssc.api.json.JsonBoolean(true));
                      KeyRing ring =
                          KeyRing.of(
                              Keys.readPublicKeyPem(
                                  v.getString("publicKeyPem").orElseThrow(), "vector key"));
                      boolean valid;
                      try {
                        Envelope envelope =
                            DsseCodec.decode(
                                Bytes.utf8(v.getString("envelope").orElseThrow()), "vector");
                        valid =
                            DsseVerifier.builder(ring)
                                .build()
                                .verifySignatures(envelope)
                                .thresholdMet();
                      } catch (SscFormatException e) {
                        valid = false;
                      }
                      assertEquals(expectValid, valid);
                    }));
  }
}
