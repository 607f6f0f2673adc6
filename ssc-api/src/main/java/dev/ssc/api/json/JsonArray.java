package dev.ssc.api.json;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A JSON array.
 *
 * @param elements the elements, copied in and unmodifiable
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
  /** Copies {@code elements}. */
  public JsonArray {
    elements = List.copyOf(requireNonNull(elements, "elements"));
  }
}
