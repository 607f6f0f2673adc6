package dev.ssc.api.json;

import static java.util.Objects.requireNonNull;

/**
 * A JSON string.
 *
 * @param value the string
 */
public record JsonString(String value) implements JsonValue {
  /** Checks that {@code value} is not null. */
  public JsonString {
    requireNonNull(value, "value");
  }
}
