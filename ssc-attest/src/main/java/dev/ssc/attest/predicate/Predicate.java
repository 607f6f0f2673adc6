package dev.ssc.attest.predicate;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.json.JsonObject;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A statement's predicate as a {@link PredicateRegistry} decoded it: the predicate type URI, the
 * JSON exactly as it was in the statement, and the typed value when the type is registered.
 *
 * <p>Immutable and thread-safe if the typed value is.
 */
public final class Predicate {
  private final String uri;
  private final JsonObject json;
  private final @Nullable PredicateType<?> type;
  private final @Nullable Object value;

  private Predicate(
      String uri, JsonObject json, @Nullable PredicateType<?> type, @Nullable Object value) {
    this.uri = uri;
    this.json = json;
    this.type = type;
    this.value = value;
  }

  static <T> Predicate typed(PredicateType<T> type, JsonObject json, T value) {
    return new Predicate(type.uri(), json, type, value);
  }

  static Predicate untyped(String uri, JsonObject json) {
    return new Predicate(uri, json, null, null);
  }

  /** The predicate type URI. */
  public String uri() {
    return uri;
  }

  /** The predicate JSON exactly as the statement carried it. */
  public JsonObject json() {
    return json;
  }

  /** Whether the registry knew the predicate type, so a typed value exists. */
  public boolean isTyped() {
    return type != null;
  }

  /** The predicate type that decoded it, if the registry knew it. */
  public Optional<PredicateType<?>> type() {
    return Optional.ofNullable(type);
  }

  /**
   * The typed value, if the predicate was decoded as {@code type}'s URI into {@code type}'s value
   * class; empty otherwise, also for an untyped predicate.
   */
  public <T> Optional<T> as(PredicateType<T> type) {
    requireNonNull(type, "type");
    if (this.type == null
        || !this.type.uri().equals(type.uri())
        || !type.valueType().isInstance(value)) {
      return Optional.empty();
    }
    return Optional.of(type.valueType().cast(value));
  }

  /** The predicate type URI and whether it is typed; never the content. */
  @Override
  public String toString() {
    return "Predicate[" + uri + (isTyped() ? ", typed" : ", untyped") + "]";
  }
}
