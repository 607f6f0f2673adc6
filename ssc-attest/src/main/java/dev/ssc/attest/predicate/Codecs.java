package dev.ssc.attest.predicate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.intoto.StatementCodec;
import dev.ssc.attest.json.Fields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Decoding and encoding helpers shared by the predicate codecs. */
final class Codecs {
  private Codecs() {}

  static Fields fields(JsonObject predicate, String source) {
    return Fields.of(predicate, source, "/predicate");
  }

  static String requiredNonEmpty(Fields f, String name) throws SscFormatException {
    String value = f.requiredString(name);
    if (value.isEmpty()) {
      throw f.error(name, "must not be empty");
    }
    return value;
  }

  static Fields requiredObject(Fields f, String name) throws SscFormatException {
    return f.nested(name, f.requiredObject(name));
  }

  static Optional<Fields> optionalObject(Fields f, String name) throws SscFormatException {
    Optional<JsonObject> o = f.optionalObject(name);
    return o.isPresent() ? Optional.of(f.nested(name, o.get())) : Optional.empty();
  }

  static List<JsonValue> optionalArray(Fields f, String name) throws SscFormatException {
    return f.object().get(name).isPresent() ? f.requiredArray(name) : List.of();
  }

  static List<String> strings(Fields f, String name, boolean required) throws SscFormatException {
    List<JsonValue> array = required ? f.requiredArray(name) : optionalArray(f, name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString)) {
        throw new SscFormatException(
            f.source() + ": " + f.pointer(name) + "/" + i + ": expected a string");
      }
      out.add(((JsonString) array.get(i)).value());
    }
    return out;
  }

  static List<ResourceDescriptor> descriptors(Fields f, String name, boolean required)
      throws SscFormatException {
    List<JsonValue> array = required ? f.requiredArray(name) : optionalArray(f, name);
    List<ResourceDescriptor> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      out.add(StatementCodec.decodeDescriptor(f.element(name, array, i)));
    }
    return out;
  }

  static Optional<ResourceDescriptor> descriptor(Fields f, String name) throws SscFormatException {
    Optional<Fields> o = optionalObject(f, name);
    return o.isPresent() ? Optional.of(StatementCodec.decodeDescriptor(o.get())) : Optional.empty();
  }

  static Map<String, String> stringMap(Fields f, String name) throws SscFormatException {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<JsonObject> o = f.optionalObject(name);
    if (o.isPresent()) {
      for (Map.Entry<String, JsonValue> e : o.get().members().entrySet()) {
        if (!(e.getValue() instanceof JsonString)) {
          throw f.nested(name, o.get()).error(e.getKey(), "expected a string");
        }
        out.put(e.getKey(), ((JsonString) e.getValue()).value());
      }
    }
    return out;
  }

  /** An RFC 3339 timestamp, as the in-toto Timestamp field type requires. */
  static Optional<Instant> timestamp(Fields f, String name) throws SscFormatException {
    Optional<String> text = f.optionalString(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
    } catch (DateTimeParseException e) {
      throw f.error(name, "expected an RFC 3339 timestamp such as 2024-01-31T12:00:00Z");
    }
  }

  static Instant requiredTimestamp(Fields f, String name) throws SscFormatException {
    return timestamp(f, name).orElseThrow(() -> f.error(name, "required timestamp is missing"));
  }

  static <E extends Enum<E>> E enumValue(Fields f, String name, Class<E> type)
      throws SscFormatException {
    String text = f.requiredString(name);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      allowed.add(e.name());
    }
    throw f.error(name, "expected one of " + allowed + ", got '" + abbreviate(text) + "'");
  }

  /** Runs a builder's {@code build()}, turning its check failure into a format error here. */
  static <T> T build(Fields f, Supplier<T> build) throws SscFormatException {
    try {
      return build.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw f.here(String.valueOf(e.getMessage()));
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /** Builds a JSON object in member order, skipping absent optional members. */
  static final class Writer {
    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    @CanIgnoreReturnValue
    Writer put(String name, JsonValue value) {
      members.put(name, value);
      return this;
    }

    @CanIgnoreReturnValue
    Writer put(String name, String value) {
      return put(name, new JsonString(value));
    }

    @CanIgnoreReturnValue
    Writer put(String name, Optional<?> value) {
      value.ifPresent(
          v -> {
            if (v instanceof JsonValue) {
              put(name, (JsonValue) v);
            } else if (v instanceof ResourceDescriptor) {
              put(name, StatementCodec.encodeDescriptor((ResourceDescriptor) v));
            } else if (v instanceof Instant) {
              put(name, ((Instant) v).toString());
            } else {
              put(name, String.valueOf(v));
            }
          });
      return this;
    }

    @CanIgnoreReturnValue
    Writer putIfNotEmpty(String name, JsonObject value) {
      return value.members().isEmpty() ? this : put(name, value);
    }

    @CanIgnoreReturnValue
    Writer strings(String name, Collection<String> values, boolean always) {
      if (always || !values.isEmpty()) {
        List<JsonValue> out = new ArrayList<>();
        values.forEach(v -> out.add(new JsonString(v)));
        put(name, new JsonArray(out));
      }
      return this;
    }

    @CanIgnoreReturnValue
    Writer descriptors(String name, Collection<ResourceDescriptor> values, boolean always) {
      if (always || !values.isEmpty()) {
        List<JsonValue> out = new ArrayList<>();
        values.forEach(v -> out.add(StatementCodec.encodeDescriptor(v)));
        put(name, new JsonArray(out));
      }
      return this;
    }

    @CanIgnoreReturnValue
    Writer stringMap(String name, Map<String, String> values) {
      if (!values.isEmpty()) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, new JsonString(v)));
        put(name, new JsonObject(m));
      }
      return this;
    }

    @CanIgnoreReturnValue
    Writer intMap(String name, Map<String, Integer> values) {
      if (!values.isEmpty()) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, JsonNumber.of(v)));
        put(name, new JsonObject(m));
      }
      return this;
    }

    JsonObject build() {
      return new JsonObject(members);
    }
  }
}
