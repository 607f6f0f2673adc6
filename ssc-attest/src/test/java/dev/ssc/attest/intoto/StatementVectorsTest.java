package dev.ssc.attest.intoto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonBoolean;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of in-toto-attestation's validation-vectors.json (statements and resource descriptors;
 * the provenance cases are in SlsaProvenanceTest) and every parsed example of its
 * examples/INDEX.json.
 */
class StatementVectorsTest {
  private static final String DIR = "/vectors/in-toto-attestation/";

  static List<JsonObject> cases(String group) {
    JsonObject all = Vectors.json(DIR + "validation-vectors.json");
    List<JsonObject> cases = new ArrayList<>();
    for (JsonValue v : ((JsonArray) all.get(group).orElseThrow()).elements()) {
      cases.add((JsonObject) v);
    }
    return cases;
  }

  static boolean expectValid(JsonObject c) {
    return ((JsonBoolean) c.get("expectValid").orElseThrow()).value();
  }

  @TestFactory
  Stream<DynamicTest> everyStatementVectorMatchesExpectValid() {
    List<JsonObject> cases = cases("statements");
    assertEquals(12, cases.size());
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.getString("desc").orElseThrow(),
                    () ->
                        check(
                            c,
                            json -> StatementCodec.decode(Bytes.utf8(json), "vector"),
                            StatementCodec::encode)));
  }

  @TestFactory
  Stream<DynamicTest> everyResourceDescriptorVectorMatchesExpectValid() {
    List<JsonObject> cases = cases("resourceDescriptors");
    assertEquals(8, cases.size());
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.getString("desc").orElseThrow(),
                    () ->
                        check(
                            c,
                            json -> StatementCodec.decodeDescriptor(Bytes.utf8(json), "vector"),
                            d ->
                                dev.ssc.attest.json.Json.write(
                                    StatementCodec.encodeDescriptor(d)))));
  }

  interface Decoder<T> {
    T decode(String json) throws SscFormatException;
  }

  interface Encoder<T> {
    Bytes encode(T value);
  }

  static <T> void check(JsonObject c, Decoder<T> decoder, Encoder<T> encoder) throws Exception {
    String json = c.getString("json").orElseThrow();
    if (expectValid(c)) {
      T value = decoder.decode(json);
      // What ssc writes, ssc reads back to the same value.
      assertEquals(value, decoder.decode(encoder.encode(value).toUtf8String()));
    } else {
      try {
        var unused = decoder.decode(json);
        fail("accepted an invalid vector: " + c.getString("desc").orElseThrow());
      } catch (SscFormatException e) {
        assertTrue(e.getMessage().startsWith("vector: "), e.getMessage());
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyParsedSpecificationExampleDecodesAsTheReferenceValidatorSays() {
    JsonObject index = Vectors.json(DIR + "examples/INDEX.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonValue v : ((JsonArray) index.get("blocks").orElseThrow()).elements()) {
      JsonObject block = (JsonObject) v;
      if (!((JsonBoolean) block.get("parsed").orElseThrow()).value()) {
        continue;
      }
      String file = block.getString("file").orElseThrow();
      boolean valid = block.getString("referenceValidatorResult").orElseThrow().equals("valid");
      boolean isStatement = block.getString("_type").isPresent();
      tests.add(
          DynamicTest.dynamicTest(
              file,
              () -> {
                Bytes bytes = Vectors.resource(DIR + "examples/" + file);
                try {
                  if (isStatement) {
                    Statement s = StatementCodec.decode(bytes, file);
                    assertEquals(block.getString("predicateType").orElseThrow(), s.predicateType());
                  } else {
                    var unused = StatementCodec.decodeDescriptor(bytes, file);
                  }
                  assertTrue(valid, file + " should fail strict digest validation");
                } catch (SscFormatException e) {
                  assertTrue(!valid, file + ": " + e.getMessage());
                  assertTrue(e.getMessage().contains("/digest"), e.getMessage());
                }
              }));
    }
    assertEquals(14, tests.size());
    return tests.stream();
  }
}
