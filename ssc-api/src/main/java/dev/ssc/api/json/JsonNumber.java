package dev.ssc.api.json;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A JSON number, exact. Equality is {@link BigDecimal#equals}, so {@code 1.0} and {@code 1} differ,
 * as their JSON texts do.
 *
 * @param value the number
 */
public record JsonNumber(BigDecimal value) implements JsonValue {
  /** Checks that {@code value} is not null. */
  public JsonNumber {
    requireNonNull(value, "value");
  }

  /** The number {@code value}. */
  public static JsonNumber of(long value) {
    return new JsonNumber(BigDecimal.valueOf(value));
  }
}
