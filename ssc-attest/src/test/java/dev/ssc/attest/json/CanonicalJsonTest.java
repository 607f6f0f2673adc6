package dev.ssc.attest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.Vectors;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {
  static String canonical(String json) throws SscFormatException {
    return CanonicalJson.encode(Json.parse(Bytes.utf8(json), "test")).toUtf8String();
  }

  @Test
  void sortsMembersAndDropsWhitespace() throws Exception {
    assertEquals(
        "{\"a\":[1,true,false,null],\"b\":{\"c\":\"d\"},\"x\":-3}",
        canonical("{ \"x\": -3, \"b\": {\"c\": \"d\"}, \"a\": [1, true, false, null] }"));
  }

  @Test
  void escapesOnlyBackslashAndQuoteAndWritesEverythingElseRaw() throws Exception {
    String json = "{\"s\":\"a\\\\b\\\"c\\nd\\t\\u00e9\\u0001\"}";

    Bytes bytes = CanonicalJson.encode(Json.parse(Bytes.utf8(json), "test"));

    assertEquals(
        "{\"s\":\"a\\\\b\\\"c\nd\t\u00e9\u0001\"}",
        new String(bytes.toByteArray(), StandardCharsets.UTF_8));
  }

  @Test
  void sortsByCodePointNotByUtf16Unit() throws Exception {
    // U+FB01 sorts before U+1F600 by code point; by UTF-16 unit the surrogate 0xD83D comes first.
    JsonObject o =
        new JsonObject(
            new java.util.LinkedHashMap<>(
                java.util.Map.<String, JsonValue>of(
                    "\uD83D\uDE00", new JsonString("smile"), "\uFB01", new JsonString("fi"))));

    assertEquals(
        "{\"\uFB01\":\"fi\",\"\uD83D\uDE00\":\"smile\"}", CanonicalJson.encode(o).toUtf8String());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"{\"a\":[1.0]}|/a/0", "{\"n\":{\"m\":1E2}}|/n/m", "{\"a/b\":0.5}|/a~1b"})
  void rejectsNonIntegersNamingWhere(String json, String pointer) {
    SscFormatException e = assertThrows(SscFormatException.class, () -> canonical(json));
    assertTrue(e.getMessage().endsWith("at '" + pointer + "'"), e.getMessage());
  }

  @Test
  void writesBigIntegersExactly() throws Exception {
    assertEquals(
        "[123456789012345678901234567890,0]", canonical("[123456789012345678901234567890, -0]"));
  }

  /** The upstream demo links are signed over canonical JSON: our bytes must be the signed bytes. */
  @ParameterizedTest
  @CsvSource({"write-code.776a00e2.link,bob.pub", "package.2f89b927.link,carl.pub"})
  void upstreamLinkSignaturesVerifyOverOurCanonicalBytes(String link, String key) throws Exception {
    JsonObject metadata = Vectors.json("/vectors/in-toto-demo/demo_files/" + link);
    Bytes signed = CanonicalJson.encode(metadata.members().get("signed"));
    JsonObject sig =
        (JsonObject)
            ((dev.ssc.api.json.JsonArray) metadata.members().get("signatures")).elements().get(0);
    byte[] signature = HexFormat.of().parseHex(((JsonString) sig.members().get("sig")).value());

    Signature pss = Signature.getInstance("RSASSA-PSS");
    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    pss.initVerify(rsaPublicKey(key));
    pss.update(signed.toByteArray());

    assertTrue(pss.verify(signature), link + " verifies with " + key);
  }

  static PublicKey rsaPublicKey(String name) throws Exception {
    String pem = Vectors.resource("/vectors/in-toto-demo/demo_files/" + name).toUtf8String();
    String body =
        String.join(
            "", List.of(pem.split("\n")).stream().filter(l -> !l.startsWith("-----")).toList());
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
  }
}
