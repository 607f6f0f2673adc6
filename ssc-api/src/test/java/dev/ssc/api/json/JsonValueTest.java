package dev.ssc.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class JsonValueTest {
  @Test
  void objectKeepsInsertionOrder() {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("z", new JsonString("last letter"));
    members.put("a", JsonNumber.of(1));
    members.put("m", JsonNull.INSTANCE);

    JsonObject object = new JsonObject(members);

    assertEquals(List.of("z", "a", "m"), new ArrayList<>(object.members().keySet()));
  }

  @Test
  void objectCopiesItsMembers() {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("a", JsonNumber.of(1));
    JsonObject object = new JsonObject(members);

    members.put("b", JsonNumber.of(2));

    assertEquals(1, object.members().size());
  }

  @Test
  void objectIsUnmodifiable() {
    JsonObject object = new JsonObject(Map.of("a", JsonNumber.of(1)));

    assertThrows(
        UnsupportedOperationException.class, () -> object.members().put("b", JsonNull.INSTANCE));
    assertThrows(UnsupportedOperationException.class, () -> object.members().remove("a"));
  }

  @Test
  void objectRejectsNullNamesAndValues() {
    Map<String, JsonValue> nullValue = new HashMap<>();
    nullValue.put("a", null);
    Map<String, JsonValue> nullName = new HashMap<>();
    nullName.put(null, JsonNull.INSTANCE);

    assertThrows(NullPointerException.class, () -> new JsonObject(nullValue));
    assertThrows(NullPointerException.class, () -> new JsonObject(nullName));
    assertThrows(NullPointerException.class, () -> new JsonObject(null));
  }

  @Test
  void getReadsMembersByName() {
    JsonObject inner = new JsonObject(Map.of("x", new JsonBoolean(true)));
    JsonObject object =
        new JsonObject(
            Map.of("name", new JsonString("app"), "inner", inner, "n", JsonNumber.of(3)));

    assertEquals(Optional.of("app"), object.getString("name"));
    assertEquals(Optional.of(inner), object.getObject("inner"));
    assertEquals(Optional.of(JsonNumber.of(3)), object.get("n"));
    assertEquals(Optional.empty(), object.get("missing"));
  }

  @Test
  void typedGettersIgnoreMembersOfAnotherType() {
    JsonObject object = new JsonObject(Map.of("n", JsonNumber.of(3), "s", new JsonString("text")));

    assertEquals(Optional.empty(), object.getString("n"));
    assertEquals(Optional.empty(), object.getObject("s"));
    assertEquals(Optional.empty(), object.getString("missing"));
    assertEquals(Optional.empty(), object.getObject("missing"));
  }

  @Test
  void emptyObjectHasNoMembers() {
    assertTrue(JsonObject.empty().members().isEmpty());
    assertSame(JsonObject.empty(), JsonObject.empty());
    assertEquals(JsonObject.empty(), new JsonObject(Map.of()));
  }

  @Test
  void objectEqualityIgnoresOrderAsMapsDo() {
    Map<String, JsonValue> ab = new LinkedHashMap<>();
    ab.put("a", JsonNumber.of(1));
    ab.put("b", JsonNumber.of(2));
    Map<String, JsonValue> ba = new LinkedHashMap<>();
    ba.put("b", JsonNumber.of(2));
    ba.put("a", JsonNumber.of(1));

    assertEquals(new JsonObject(ab), new JsonObject(ba));
  }

  @Test
  void arrayCopiesItsElements() {
    List<JsonValue> elements = new ArrayList<>(List.of(JsonNumber.of(1)));
    JsonArray array = new JsonArray(elements);

    elements.add(JsonNumber.of(2));

    assertEquals(List.of(JsonNumber.of(1)), array.elements());
    assertThrows(
        UnsupportedOperationException.class, () -> array.elements().add(JsonNull.INSTANCE));
  }

  @Test
  void arrayKeepsOrderAndRejectsNullElements() {
    List<JsonValue> withNull = new ArrayList<>();
    withNull.add(null);

    JsonArray array = new JsonArray(List.of(new JsonString("b"), new JsonString("a")));

    assertEquals(List.of(new JsonString("b"), new JsonString("a")), array.elements());
    assertThrows(NullPointerException.class, () -> new JsonArray(withNull));
  }

  @Test
  void numbersKeepTheirScale() {
    JsonNumber one = JsonNumber.of(1);
    JsonNumber onePointZero = new JsonNumber(new BigDecimal("1.0"));

    assertNotEquals(one, onePointZero);
    assertEquals(one, new JsonNumber(BigDecimal.ONE));
    assertEquals(new BigDecimal("1.0"), onePointZero.value());
  }

  @Test
  void numbersKeepEveryDigit() {
    BigDecimal big = new BigDecimal("12345678901234567890.000000000000000000001");

    assertEquals(big, new JsonNumber(big).value());
  }

  @Test
  void stringsAndNumbersRejectNull() {
    assertThrows(NullPointerException.class, () -> new JsonString(null));
    assertThrows(NullPointerException.class, () -> new JsonNumber(null));
  }

  @Test
  void booleansAndNullAreValues() {
    assertEquals(new JsonBoolean(true), new JsonBoolean(true));
    assertNotEquals(new JsonBoolean(true), new JsonBoolean(false));
    assertTrue(new JsonBoolean(true).value());
    assertEquals(JsonNull.INSTANCE, JsonNull.valueOf("INSTANCE"));
  }

  @Property
  void objectKeepsAnyInsertionOrder(@ForAll("names") List<String> names) {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      members.put(names.get(i), JsonNumber.of(i));
    }

    JsonObject object = new JsonObject(members);

    assertEquals(names, new ArrayList<>(object.members().keySet()));
    for (int i = 0; i < names.size(); i++) {
      assertEquals(Optional.of(JsonNumber.of(i)), object.get(names.get(i)));
    }
  }

  @Provide
  Arbitrary<List<String>> names() {
    return Arbitraries.strings().ofMaxLength(8).list().uniqueElements().ofMaxSize(20);
  }
}
