package dev.ssc.api.json;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object: members in insertion order, names unique.
 *
 * @param members the members, copied in and unmodifiable
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
  private static final JsonObject EMPTY = new JsonObject(Map.of());

  /** Copies {@code members}, keeping their order. */
  public JsonObject {
    requireNonNull(members, "members");
    Map<String, JsonValue> copy = new LinkedHashMap<>();
    members.forEach(
        (name, value) -> copy.put(requireNonNull(name, "name"), requireNonNull(value, "value")));
    members = Collections.unmodifiableMap(copy);
  }

  /** The empty object. */
  public static JsonObject empty() {
    return EMPTY;
  }

  /** The member named {@code name}, if present. */
  public Optional<JsonValue> get(String name) {
    return Optional.ofNullable(members.get(requireNonNull(name, "name")));
  }

  /** The string member named {@code name}, if present and a string. */
  public Optional<String> getString(String name) {
    return get(name).filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value());
  }

  /** The object member named {@code name}, if present and an object. */
  public Optional<JsonObject> getObject(String name) {
    return get(name).filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
  }
}
