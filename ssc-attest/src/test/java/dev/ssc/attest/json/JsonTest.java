package dev.ssc.attest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static SscFormatException rejects(String json) {
    return assertThrows(SscFormatException.class, () -> Json.parse(Bytes.utf8(json), "doc.json"));
  }

  @Test
  void rejectsDuplicateKeysNamingTheLine() {
    SscFormatException e = rejects("{\"a\": 1,\n \"a\": 2}");
    assertTrue(e.getMessage().startsWith("doc.json: line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("Duplicate"), e.getMessage());
  }

  @Test
  void rejectsTrailingContent() {
    assertTrue(rejects("{} {}").getMessage().contains("after the JSON value"));
  }

  @Test
  void rejectsEmptyDocument() {
    assertTrue(rejects("  ").getMessage().contains("empty document"));
  }

  @Test
  void rejectsMalformedUtf8() {
    byte[] bad = {'"', (byte) 0xC3, (byte) 0x28, '"'};
    assertThrows(SscFormatException.class, () -> Json.parse(Bytes.of(bad), "doc.json"));
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
    assertTrue(rejects(deep).getMessage().contains("doc.json"));
  }

  @Test
  void keepsNumbersExactAndMembersInOrder() throws Exception {
    JsonValue v = Json.parse(Bytes.utf8("{\"z\": 12345678901234567890.5, \"a\": 1}"), "doc.json");
    JsonObject o = (JsonObject) v;
    assertEquals(java.util.List.of("z", "a"), java.util.List.copyOf(o.members().keySet()));
    assertEquals(
        new JsonNumber(new BigDecimal("12345678901234567890.5")), o.get("z").orElseThrow());
    assertEquals("{\"z\":12345678901234567890.5,\"a\":1}", Json.write(v).toUtf8String());
  }
}
