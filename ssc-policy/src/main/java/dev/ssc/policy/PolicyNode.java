package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ssc.api.SscFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A parsed YAML or JSON value that remembers where it came from, so that every error in a policy
 * file names its file, line and column.
 *
 * <p>Parsing rejects duplicate keys, YAML anchors and aliases (which make "billion laughs"
 * documents possible and have no use in a policy), documents over {@link #MAX_BYTES}, nesting
 * deeper than {@link #MAX_DEPTH} and more than one document per file. Immutable.
 */
final class PolicyNode {
  /** The largest policy document accepted. */
  static final int MAX_BYTES = 1 << 20;

  /** The deepest nesting accepted. */
  static final int MAX_DEPTH = 32;

  enum Kind {
    MAP,
    LIST,
    SCALAR,
    NULL
  }

  private final Kind kind;
  private final String source;
  private final int line;
  private final int column;
  private final @Nullable String text;
  private final Map<String, PolicyNode> fields;
  private final List<PolicyNode> items;
  private final boolean quoted;
  private final Map<String, String> keyPositions;

  private PolicyNode(
      Kind kind,
      String source,
      int line,
      int column,
      @Nullable String text,
      Map<String, PolicyNode> fields,
      List<PolicyNode> items,
      boolean quoted,
      Map<String, String> keyPositions) {
    this.kind = kind;
    this.source = source;
    this.line = line;
    this.column = column;
    this.text = text;
    this.fields = fields;
    this.items = items;
    this.quoted = quoted;
    this.keyPositions = keyPositions;
  }

  /**
   * Parses {@code document}; {@code source} names it in errors, and a name ending in {@code .json}
   * is read as strict JSON, anything else as YAML 1.1 (a superset of JSON).
   */
  static PolicyNode parse(String document, String source) throws SscFormatException {
    requireNonNull(document, "document");
    requireNonNull(source, "source");
    if (document.length() > MAX_BYTES) {
      throw new SscFormatException(
          source + ": policy document is larger than " + MAX_BYTES + " characters");
    }
    JsonFactory factory = source.endsWith(".json") ? jsonFactory() : yamlFactory();
    try (JsonParser parser = factory.createParser(document)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SscFormatException(source + ":1:1: the policy document is empty");
      }
      PolicyNode root = read(parser, source, 0);
      if (parser.nextToken() != null) {
        throw new SscFormatException(
            at(source, parser.currentTokenLocation())
                + ": expected one document, found more content (a second YAML document?)");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String message = e.getOriginalMessage();
      if (message.contains("alias") || message.contains("anchor")) {
        message = "YAML anchors and aliases are not allowed in policies: " + message;
      }
      throw new SscFormatException(
          (where == null ? source : at(source, where)) + ": " + firstLine(message), e);
    } catch (IOException e) {
      throw new SscFormatException(source + ": cannot read the policy: " + e.getMessage(), e);
    }
  }

  private static JsonFactory jsonFactory() {
    return JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(constraints())
        .build();
  }

  private static JsonFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(MAX_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    return YAMLFactory.builder()
        .loaderOptions(options)
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(constraints())
        .build();
  }

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxDocumentLength(MAX_BYTES)
        .maxNestingDepth(MAX_DEPTH + 1)
        .maxStringLength(MAX_BYTES)
        .build();
  }

  private static PolicyNode read(JsonParser parser, String source, int depth)
      throws IOException, SscFormatException {
    JsonLocation loc = parser.currentTokenLocation();
    int line = loc.getLineNr();
    int column = loc.getColumnNr();
    if (depth > MAX_DEPTH) {
      throw new SscFormatException(at(source, loc) + ": nested deeper than " + MAX_DEPTH);
    }
    // An anchor is the YAML parser's object id (getCurrentAnchor() is deprecated for it).
    if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml) {
      if (yaml.getObjectId() != null) {
        throw new SscFormatException(
            at(source, loc) + ": YAML anchors and aliases are not allowed in policies");
      }
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        {
          Map<String, PolicyNode> fields = new LinkedHashMap<>();
          Map<String, String> keys = new LinkedHashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonLocation keyLoc = parser.currentTokenLocation();
            parser.nextToken();
            PolicyNode value = read(parser, source, depth + 1);
            if (fields.putIfAbsent(name, value) != null) {
              throw new SscFormatException(at(source, keyLoc) + ": duplicate key '" + name + "'");
            }
            keys.put(name, at(source, keyLoc));
          }
          return new PolicyNode(
              Kind.MAP,
              source,
              line,
              column,
              null,
              Collections.unmodifiableMap(fields),
              List.of(),
              false,
              Collections.unmodifiableMap(keys));
        }
      case START_ARRAY:
        {
          List<PolicyNode> items = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(read(parser, source, depth + 1));
          }
          return new PolicyNode(
              Kind.LIST,
              source,
              line,
              column,
              null,
              Map.of(),
              Collections.unmodifiableList(items),
              false,
              Map.of());
        }
      case VALUE_NULL:
        return new PolicyNode(
            Kind.NULL, source, line, column, null, Map.of(), List.of(), false, Map.of());
      case VALUE_STRING:
        return new PolicyNode(
            Kind.SCALAR,
            source,
            line,
            column,
            parser.getText(),
            Map.of(),
            List.of(),
            true,
            Map.of());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new PolicyNode(
            Kind.SCALAR,
            source,
            line,
            column,
            parser.getText(),
            Map.of(),
            List.of(),
            false,
            Map.of());
      default:
        throw new SscFormatException(at(source, loc) + ": unexpected " + token);
    }
  }

  private static String at(String source, JsonLocation loc) {
    return source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  Kind kind() {
    return kind;
  }

  /** {@code file:line:column} of this node. */
  String where() {
    return source + ":" + line + ":" + column;
  }

  String source() {
    return source;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }

  boolean isMap() {
    return kind == Kind.MAP;
  }

  boolean isList() {
    return kind == Kind.LIST;
  }

  boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  /** Whether a scalar was written as a string (quoted in YAML, or a JSON string). */
  boolean isQuotedOrString() {
    return quoted;
  }

  /** The fields of a map, in document order; empty for other kinds. */
  Map<String, PolicyNode> fields() {
    return fields;
  }

  Optional<PolicyNode> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The items of a list; empty for other kinds. */
  List<PolicyNode> items() {
    return items;
  }

  /** The text of a scalar. */
  String text() {
    if (text == null) {
      throw new IllegalStateException("not a scalar: " + kind);
    }
    return text;
  }

  /** An error about the key {@code name} of this map, prefixed with the key's position. */
  SscFormatException keyError(String name, String message) {
    String at = keyPositions.get(name);
    return new SscFormatException((at == null ? where() : at) + ": " + message);
  }

  /** An error about this node, prefixed with its position. */
  SscFormatException error(String message) {
    return new SscFormatException(where() + ": " + message);
  }

  /** What this node is, for "expected X, found Y" messages. */
  String describe() {
    switch (kind) {
      case MAP:
        return "a map";
      case LIST:
        return "a list";
      case NULL:
        return "null";
      case SCALAR:
        return "'" + text + "'";
    }
    throw new AssertionError(kind);
  }

  @Override
  public String toString() {
    return "PolicyNode[" + kind + " at " + where() + "]";
  }
}
