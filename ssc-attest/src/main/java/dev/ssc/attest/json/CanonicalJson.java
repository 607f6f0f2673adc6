package dev.ssc.attest.json;

import static java.util.Objects.requireNonNull;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON as securesystemslib writes it (the OLPC dialect that python in-toto signs classic
 * metadata over): object members sorted by name in code point order, no whitespace, integers only,
 * and in strings only {@code \} and {@code "} escaped, every other character written as its raw
 * UTF-8 bytes (control characters included).
 *
 * <p>A number is an integer when its {@code BigDecimal} has scale 0, as {@link Json} parses integer
 * literals; securesystemslib rejects every JSON float, and so does this encoder for any fraction or
 * exponent that survives parsing ({@code 1.0}, {@code 1E2}). One difference remains: a float
 * literal that parses to scale 0, such as {@code 1.5E1}, is written as {@code 15}, where
 * securesystemslib refuses it.
 *
 * <p>Thread-safe; stateless.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * The canonical bytes of {@code value}.
   *
   * @throws SscFormatException if {@code value} holds a number that is not an integer; the message
   *     names its JSON pointer
   */
  public static Bytes encode(JsonValue value) throws SscFormatException {
    requireNonNull(value, "value");
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    write(value, "", out);
    return Bytes.of(out.toByteArray());
  }

  private static void write(JsonValue value, String pointer, ByteArrayOutputStream out)
      throws SscFormatException {
    if (value instanceof JsonString s) {
      writeString(s.value(), out);
    } else if (value instanceof JsonBoolean b) {
      ascii(b.value() ? "true" : "false", out);
    } else if (value instanceof JsonNull) {
      ascii("null", out);
    } else if (value instanceof JsonNumber n) {
      if (n.value().scale() != 0) {
        throw new SscFormatException(
            "canonical JSON allows only integers, got " + n.value() + " at '" + pointer + "'");
      }
      ascii(n.value().toBigIntegerExact().toString(), out);
    } else if (value instanceof JsonArray a) {
      out.write('[');
      List<JsonValue> elements = a.elements();
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        write(elements.get(i), pointer + "/" + i, out);
      }
      out.write(']');
    } else if (value instanceof JsonObject o) {
      // Code point order is the order of the names' UTF-8 bytes.
      List<Map.Entry<byte[], JsonValue>> members = new ArrayList<>();
      Map<String, JsonValue> byName = o.members();
      for (Map.Entry<String, JsonValue> e : byName.entrySet()) {
        members.add(Map.entry(e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue()));
      }
      members.sort((x, y) -> Arrays.compareUnsigned(x.getKey(), y.getKey()));
      out.write('{');
      boolean first = true;
      for (Map.Entry<byte[], JsonValue> e : members) {
        if (!first) {
          out.write(',');
        }
        first = false;
        String name = new String(e.getKey(), StandardCharsets.UTF_8);
        writeString(name, out);
        out.write(':');
        write(e.getValue(), pointer + "/" + escapePointer(name), out);
      }
      out.write('}');
    } else {
      throw new IllegalStateException("unknown JSON value " + value.getClass());
    }
  }

  private static void writeString(String s, ByteArrayOutputStream out) {
    out.write('"');
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    for (byte b : utf8) {
      if (b == '\\' || b == '"') {
        out.write('\\');
      }
      out.write(b);
    }
    out.write('"');
  }

  private static void ascii(String s, ByteArrayOutputStream out) {
    byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
    out.write(bytes, 0, bytes.length);
  }

  private static String escapePointer(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
