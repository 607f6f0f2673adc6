package dev.ssc.attest.json;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to the members of a JSON object for decoders, with errors that name the JSON pointer
 * of the offending member.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fields {
  private final JsonObject object;
  private final String source;
  private final String pointer;

  private Fields(JsonObject object, String source, String pointer) {
    this.object = object;
    this.source = source;
    this.pointer = pointer;
  }

  /** Access to {@code object}, found at {@code pointer} in {@code source}. */
  public static Fields of(JsonObject object, String source, String pointer) {
    return new Fields(
        requireNonNull(object, "object"),
        requireNonNull(source, "source"),
        requireNonNull(pointer, "pointer"));
  }

  /** The JSON pointer of member {@code name}. */
  public String pointer(String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /** An error about member {@code name}. */
  public SscFormatException error(String name, String message) {
    return new SscFormatException(source + ": " + pointer(name) + ": " + message);
  }

  /** An error about this object itself, naming its pointer unless it is the whole document. */
  public SscFormatException here(String message) {
    return new SscFormatException(
        source + ": " + (pointer.isEmpty() ? "" : pointer + ": ") + message);
  }

  /** The source named in errors. */
  public String source() {
    return source;
  }

  /** The JSON pointer of this object. */
  public String pointer() {
    return pointer;
  }

  /**
   * The required string member {@code name}.
   *
   * @throws SscFormatException if it is missing or not a string
   */
  public String requiredString(String name) throws SscFormatException {
    return optionalString(name).orElseThrow(() -> error(name, "required string is missing"));
  }

  /**
   * The optional string member {@code name}.
   *
   * @throws SscFormatException if it is present but not a string
   */
  public Optional<String> optionalString(String name) throws SscFormatException {
    Optional<JsonValue> value = object.get(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!(value.get() instanceof JsonString)) {
      throw error(name, "expected a string");
    }
    return Optional.of(((JsonString) value.get()).value());
  }

  /**
   * The optional object member {@code name}.
   *
   * @throws SscFormatException if it is present but not an object
   */
  public Optional<JsonObject> optionalObject(String name) throws SscFormatException {
    Optional<JsonValue> value = object.get(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!(value.get() instanceof JsonObject)) {
      throw error(name, "expected an object");
    }
    return Optional.of((JsonObject) value.get());
  }

  /**
   * The required object member {@code name}.
   *
   * @throws SscFormatException if it is missing or not an object
   */
  public JsonObject requiredObject(String name) throws SscFormatException {
    return optionalObject(name).orElseThrow(() -> error(name, "required object is missing"));
  }

  /**
   * The required array member {@code name}.
   *
   * @throws SscFormatException if it is missing or not an array
   */
  public List<JsonValue> requiredArray(String name) throws SscFormatException {
    Optional<JsonValue> value = object.get(name);
    if (value.isEmpty()) {
      throw error(name, "required array is missing");
    }
    if (!(value.get() instanceof JsonArray)) {
      throw error(name, "expected an array");
    }
    return ((JsonArray) value.get()).elements();
  }

  /**
   * Element {@code index} of array member {@code name} as an object.
   *
   * @throws SscFormatException if it is not an object
   */
  public Fields element(String name, List<JsonValue> array, int index) throws SscFormatException {
    JsonValue element = array.get(index);
    if (!(element instanceof JsonObject)) {
      throw new SscFormatException(
          source + ": " + pointer(name) + "/" + index + ": expected an object");
    }
    return new Fields((JsonObject) element, source, pointer(name) + "/" + index);
  }

  /** The object member {@code name} as fields, for nested decoding. */
  public Fields nested(String name, JsonObject value) {
    return new Fields(value, source, pointer(name));
  }

  /** The object. */
  public JsonObject object() {
    return object;
  }
}
