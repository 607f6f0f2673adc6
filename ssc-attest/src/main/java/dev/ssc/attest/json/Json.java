package dev.ssc.attest.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonBoolean;
import dev.ssc.api.json.JsonNull;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON for untrusted input, into ssc-api's {@link JsonValue} model.
 *
 * <p>Reading is strict: a document is at most {@link #MAX_DOCUMENT_BYTES} bytes, nests at most
 * {@link #MAX_DEPTH} levels, has no duplicate object keys, is well-formed UTF-8 and holds exactly
 * one value. Every error is an {@link SscFormatException} naming the source, line and column.
 * Writing is compact, keeps member order and escapes as Jackson does; it is not canonical JSON.
 *
 * <p>Thread-safe.
 */
public final class Json {
  /** The largest document read: 64 MiB. */
  public static final int MAX_DOCUMENT_BYTES = 64 << 20;

  /** The deepest nesting read. */
  public static final int MAX_DEPTH = 64;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxDocumentLength(MAX_DOCUMENT_BYTES)
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(MAX_DOCUMENT_BYTES)
                  .maxNumberLength(1000)
                  .build())
          .build();

  private Json() {}

  /**
   * Parses {@code json}, which came from {@code source} (a file name or a description used in error
   * messages).
   *
   * @throws SscFormatException if the bytes are not one well-formed JSON value within the limits
   */
  public static JsonValue parse(Bytes json, String source) throws SscFormatException {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    if (json.size() > MAX_DOCUMENT_BYTES) {
      throw new SscFormatException(
          source
              + ": document is "
              + json.size()
              + " bytes, larger than the limit of "
              + MAX_DOCUMENT_BYTES);
    }
    byte[] bytes = json.toByteArray();
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SscFormatException(source + ": empty document, expected a JSON value");
      }
      JsonValue value = read(parser, first);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new SscFormatException(
            source
                + ": "
                + where(parser.currentTokenLocation())
                + "unexpected content after the JSON value");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new SscFormatException(
          source + ": " + where(e.getLocation()) + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SscFormatException(source + ": cannot read JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code json} and requires an object at the top.
   *
   * @throws SscFormatException if it is not one JSON object within the limits
   */
  public static JsonObject parseObject(Bytes json, String source) throws SscFormatException {
    JsonValue value = parse(json, source);
    if (!(value instanceof JsonObject)) {
      throw new SscFormatException(source + ": expected a JSON object at the top level");
    }
    return (JsonObject) value;
  }

  private static String where(@org.jspecify.annotations.Nullable JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }

  private static JsonValue read(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        {
          Map<String, JsonValue> members = new LinkedHashMap<>();
          JsonToken t;
          while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            members.put(name, read(p, p.nextToken()));
          }
          expect(p, t, JsonToken.END_OBJECT);
          return new JsonObject(members);
        }
      case START_ARRAY:
        {
          List<JsonValue> elements = new ArrayList<>();
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
              throw new com.fasterxml.jackson.core.JsonParseException(
                  p, "unexpected end of input in an array");
            }
            elements.add(read(p, t));
          }
          return new JsonArray(elements);
        }
      case VALUE_STRING:
        return new JsonString(p.getText());
      case VALUE_NUMBER_INT:
        return new JsonNumber(new java.math.BigDecimal(p.getBigIntegerValue()));
      case VALUE_NUMBER_FLOAT:
        return new JsonNumber(p.getDecimalValue());
      case VALUE_TRUE:
        return new JsonBoolean(true);
      case VALUE_FALSE:
        return new JsonBoolean(false);
      case VALUE_NULL:
        return JsonNull.INSTANCE;
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + token);
    }
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected)
      throws IOException {
    if (actual != expected) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "expected " + expected + " but found " + actual);
    }
  }

  /** Writes {@code value} as compact UTF-8 JSON, members in order. */
  public static Bytes write(JsonValue value) {
    requireNonNull(value, "value");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return Bytes.of(out.toByteArray());
  }

  private static void write(JsonGenerator g, JsonValue value) throws IOException {
    if (value instanceof JsonObject) {
      g.writeStartObject();
      for (Map.Entry<String, JsonValue> e : ((JsonObject) value).members().entrySet()) {
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof JsonArray) {
      g.writeStartArray();
      for (JsonValue element : ((JsonArray) value).elements()) {
        write(g, element);
      }
      g.writeEndArray();
    } else if (value instanceof JsonString) {
      g.writeString(((JsonString) value).value());
    } else if (value instanceof JsonNumber) {
      g.writeNumber(((JsonNumber) value).value());
    } else if (value instanceof JsonBoolean) {
      g.writeBoolean(((JsonBoolean) value).value());
    } else {
      g.writeNull();
    }
  }
}
