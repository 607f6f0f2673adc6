package dev.ssc.attest.intoto;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Fields;
import dev.ssc.attest.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes and encodes in-toto Statement v1 JSON.
 *
 * <p>Decoding goes through the public builders, so every {@code @Value.Check} runs on untrusted
 * input; unknown members are ignored, as the in-toto specification requires of consumers. The
 * {@code _type} must be {@value Statement#TYPE} or the legacy {@value Statement#LEGACY_TYPE} (the
 * reference validators accept both); it is kept in {@link Statement#type()}. The {@code predicate}
 * is required: the specification lets it be omitted, but the Go and Python reference validators
 * reject a statement without one, and ssc follows them (docs/formats.md). Encoding writes the
 * members in specification order.
 *
 * <p>Decoding never replaces the signed bytes: a verifier hashes and checks the bytes it was given,
 * and a decoded {@link Statement} is a view of them. {@link #encode} is for producers only.
 *
 * <p>Thread-safe.
 */
public final class StatementCodec {
  private StatementCodec() {}

  /**
   * Decodes a statement from {@code json}, which came from {@code source}.
   *
   * @throws SscFormatException naming the JSON pointer of the first problem
   */
  public static Statement decode(Bytes json, String source) throws SscFormatException {
    Fields f = Fields.of(Json.parseObject(json, source), source, "");
    String type = f.requiredString("_type");
    if (!type.equals(Statement.TYPE) && !type.equals(Statement.LEGACY_TYPE)) {
      throw f.error(
          "_type",
          "expected '"
              + Statement.TYPE
              + "' (or the legacy '"
              + Statement.LEGACY_TYPE
              + "'), got '"
              + abbreviate(type)
              + "'");
    }
    Statement.Builder b = Statement.builder().type(type);
    List<JsonValue> subjects = f.requiredArray("subject");
    if (subjects.isEmpty()) {
      throw f.error("subject", "at least one subject is required");
    }
    for (int i = 0; i < subjects.size(); i++) {
      Fields subject = f.element("subject", subjects, i);
      ResourceDescriptor d = decodeDescriptor(subject);
      if (d.digest().isEmpty()) {
        throw subject.error("digest", "a subject must have at least one digest");
      }
      b.addSubjects(d);
    }
    String predicateType = f.requiredString("predicateType");
    if (predicateType.isEmpty()) {
      throw f.error("predicateType", "must not be empty");
    }
    b.predicateType(predicateType);
    b.predicate(f.requiredObject("predicate"));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new SscFormatException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decodes a standalone resource descriptor from {@code json}, which came from {@code source}.
   *
   * @throws SscFormatException naming the JSON pointer of the first problem
   */
  public static ResourceDescriptor decodeDescriptor(Bytes json, String source)
      throws SscFormatException {
    return decodeDescriptor(Fields.of(Json.parseObject(json, source), source, ""));
  }

  /**
   * Decodes a resource descriptor.
   *
   * @throws SscFormatException naming the JSON pointer of the first problem
   */
  public static ResourceDescriptor decodeDescriptor(Fields f) throws SscFormatException {
    ResourceDescriptor.Builder b = ResourceDescriptor.builder();
    f.optionalString("name").ifPresent(b::name);
    f.optionalString("uri").ifPresent(b::uri);
    f.optionalString("downloadLocation").ifPresent(b::downloadLocation);
    f.optionalString("mediaType").ifPresent(b::mediaType);
    if (f.optionalObject("digest").isPresent()) {
      JsonObject digest = f.requiredObject("digest");
      Map<String, String> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> e : digest.members().entrySet()) {
        if (!(e.getValue() instanceof JsonString)) {
          throw f.nested("digest", digest).error(e.getKey(), "digest value must be a string");
        }
        map.put(e.getKey(), ((JsonString) e.getValue()).value());
      }
      try {
        b.digest(DigestSet.fromMap(map));
      } catch (IllegalArgumentException e) {
        throw f.error("digest", String.valueOf(e.getMessage()));
      }
    }
    if (f.optionalString("content").isPresent()) {
      try {
        b.content(Bytes.fromBase64(f.requiredString("content")));
      } catch (IllegalArgumentException e) {
        throw f.error("content", "not standard base64");
      }
    }
    f.optionalObject("annotations").ifPresent(a -> b.putAllAnnotations(a.members()));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw f.here(String.valueOf(e.getMessage()));
    }
  }

  /** Encodes {@code statement} as compact JSON. */
  public static Bytes encode(Statement statement) {
    requireNonNull(statement, "statement");
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("_type", new JsonString(statement.type()));
    List<JsonValue> subjects = new ArrayList<>();
    statement.subjects().forEach(s -> subjects.add(encodeDescriptor(s)));
    m.put("subject", new JsonArray(subjects));
    m.put("predicateType", new JsonString(statement.predicateType()));
    m.put("predicate", statement.predicate());
    return Json.write(new JsonObject(m));
  }

  /** Encodes a resource descriptor as a JSON object, members in specification order. */
  public static JsonObject encodeDescriptor(ResourceDescriptor d) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    d.name().ifPresent(v -> m.put("name", new JsonString(v)));
    d.uri().ifPresent(v -> m.put("uri", new JsonString(v)));
    if (!d.digest().isEmpty()) {
      Map<String, JsonValue> digest = new LinkedHashMap<>();
      d.digest().toMap().forEach((k, v) -> digest.put(k, new JsonString(v)));
      m.put("digest", new JsonObject(digest));
    }
    d.content().ifPresent(v -> m.put("content", new JsonString(v.toBase64())));
    d.downloadLocation().ifPresent(v -> m.put("downloadLocation", new JsonString(v)));
    d.mediaType().ifPresent(v -> m.put("mediaType", new JsonString(v)));
    if (!d.annotations().isEmpty()) {
      m.put("annotations", new JsonObject(d.annotations()));
    }
    return new JsonObject(m);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
