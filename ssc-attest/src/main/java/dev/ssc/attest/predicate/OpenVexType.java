package dev.ssc.attest.predicate;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The codec of {@link OpenVex}. */
final class OpenVexType implements PredicateType<OpenVex> {
  @Override
  public String uri() {
    return OpenVex.URI;
  }

  @Override
  public Class<OpenVex> valueType() {
    return OpenVex.class;
  }

  @Override
  public OpenVex decode(JsonObject predicate, String source) throws SscFormatException {
    Fields f = Codecs.fields(predicate, source);
    String context = f.requiredString("@context");
    if (!context.equals(OpenVex.URI)) {
      throw f.error(
          "@context", "expected '" + OpenVex.URI + "', got '" + Codecs.abbreviate(context) + "'");
    }
    OpenVex.Builder b = OpenVex.builder();
    b.id(Codecs.requiredNonEmpty(f, "@id"));
    b.author(Codecs.requiredNonEmpty(f, "author"));
    f.optionalString("role").ifPresent(b::role);
    b.timestamp(Codecs.requiredTimestamp(f, "timestamp"));
    Codecs.timestamp(f, "last_updated").ifPresent(b::lastUpdated);
    b.version(version(f).orElseThrow(() -> f.error("version", "required integer is missing")));
    f.optionalString("tooling").ifPresent(b::tooling);
    List<JsonValue> statements = f.requiredArray("statements");
    if (statements.isEmpty()) {
      throw f.error("statements", "must not be empty");
    }
    for (int i = 0; i < statements.size(); i++) {
      b.addStatements(statement(f.element("statements", statements, i)));
    }
    return Codecs.build(f, b::build);
  }

  private static VexStatement statement(Fields f) throws SscFormatException {
    VexStatement.Builder b = VexStatement.builder();
    f.optionalString("@id").ifPresent(b::id);
    version(f).ifPresent(b::version);
    Fields v = Codecs.requiredObject(f, "vulnerability");
    v.optionalString("@id").ifPresent(b::vulnerabilityIri);
    b.vulnerabilityName(Codecs.requiredNonEmpty(v, "name"));
    v.optionalString("description").ifPresent(b::vulnerabilityDescription);
    b.addAllVulnerabilityAliases(Codecs.strings(v, "aliases", false));
    Codecs.timestamp(f, "timestamp").ifPresent(b::timestamp);
    Codecs.timestamp(f, "last_updated").ifPresent(b::lastUpdated);
    List<JsonValue> products = Codecs.optionalArray(f, "products");
    for (int i = 0; i < products.size(); i++) {
      b.addProducts(component(f.element("products", products, i), true));
    }
    b.status(label(f, "status", VexStatement.Status.class));
    f.optionalString("supplier").ifPresent(b::supplier);
    f.optionalString("status_notes").ifPresent(b::statusNotes);
    if (f.object().get("justification").isPresent()) {
      b.justification(label(f, "justification", VexStatement.Justification.class));
    }
    f.optionalString("impact_statement").ifPresent(b::impactStatement);
    f.optionalString("action_statement").ifPresent(b::actionStatement);
    Codecs.timestamp(f, "action_statement_timestamp").ifPresent(b::actionStatementTimestamp);
    return Codecs.build(f, b::build);
  }

  private static VexComponent component(Fields f, boolean product) throws SscFormatException {
    VexComponent.Builder b = VexComponent.builder();
    f.optionalString("@id").ifPresent(b::id);
    Optional<Fields> identifiers = Codecs.optionalObject(f, "identifiers");
    if (identifiers.isPresent()) {
      Fields ids = identifiers.get();
      for (String name : ids.object().members().keySet()) {
        if (!List.of("purl", "cpe22", "cpe23").contains(name)) {
          throw ids.error(name, "expected one of [purl, cpe22, cpe23]");
        }
      }
      if (ids.object().members().isEmpty()) {
        throw f.error("identifiers", "must hold purl, cpe22 or cpe23");
      }
      ids.optionalString("purl").ifPresent(b::purl);
      ids.optionalString("cpe22").ifPresent(b::cpe22);
      ids.optionalString("cpe23").ifPresent(b::cpe23);
    }
    Map<String, String> hashes = Codecs.stringMap(f, "hashes");
    if (!hashes.isEmpty()) {
      Fields hf = f.nested("hashes", f.requiredObject("hashes"));
      List<Digest> digests = new ArrayList<>();
      for (Map.Entry<String, String> e : hashes.entrySet()) {
        DigestAlgorithm algorithm = VexComponent.HASH_LABELS.get(e.getKey());
        if (algorithm == null) {
          throw hf.error(
              e.getKey(), "expected an OpenVEX hash label " + VexComponent.HASH_LABELS.keySet());
        }
        try {
          digests.add(Digest.of(algorithm, e.getValue()));
        } catch (IllegalArgumentException x) {
          throw hf.error(e.getKey(), String.valueOf(x.getMessage()));
        }
      }
      b.hashes(DigestSet.of(digests));
    }
    if (product) {
      List<JsonValue> subcomponents = Codecs.optionalArray(f, "subcomponents");
      for (int i = 0; i < subcomponents.size(); i++) {
        b.addSubcomponents(component(f.element("subcomponents", subcomponents, i), false));
      }
    } else if (f.object().get("subcomponents").isPresent()) {
      throw f.error("subcomponents", "a subcomponent has no subcomponents");
    }
    return Codecs.build(f, b::build);
  }

  private static OptionalInt version(Fields f) throws SscFormatException {
    Optional<JsonValue> value = f.object().get("version");
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    if (value.get() instanceof JsonNumber) {
      try {
        int n = ((JsonNumber) value.get()).value().intValueExact();
        if (n >= 1) {
          return OptionalInt.of(n);
        }
      } catch (ArithmeticException e) {
        // reported below
      }
    }
    throw f.error("version", "expected an integer of at least 1");
  }

  private static <E extends Enum<E>> E label(Fields f, String name, Class<E> type)
      throws SscFormatException {
    String text = f.requiredString(name);
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String label = e.name().toLowerCase(java.util.Locale.ROOT);
      if (label.equals(text)) {
        return e;
      }
      allowed.add(label);
    }
    throw f.error(name, "expected one of " + allowed + ", got '" + Codecs.abbreviate(text) + "'");
  }

  @Override
  public JsonObject encode(OpenVex vex) {
    List<JsonValue> statements = new ArrayList<>();
    vex.statements().forEach(s -> statements.add(encode(s)));
    return new Codecs.Writer()
        .put("@context", OpenVex.URI)
        .put("@id", vex.id())
        .put("author", vex.author())
        .put("role", vex.role())
        .put("timestamp", vex.timestamp().toString())
        .put("last_updated", vex.lastUpdated())
        .put("version", JsonNumber.of(vex.version()))
        .put("tooling", vex.tooling())
        .put("statements", new JsonArray(statements))
        .build();
  }

  private static JsonObject encode(VexStatement s) {
    JsonObject vulnerability =
        new Codecs.Writer()
            .put("@id", s.vulnerabilityIri())
            .put("name", s.vulnerabilityName())
            .put("description", s.vulnerabilityDescription())
            .strings("aliases", s.vulnerabilityAliases(), false)
            .build();
    Codecs.Writer w = new Codecs.Writer().put("@id", s.id());
    if (s.version().isPresent()) {
      w.put("version", JsonNumber.of(s.version().getAsInt()));
    }
    w.put("vulnerability", vulnerability)
        .put("timestamp", s.timestamp())
        .put("last_updated", s.lastUpdated());
    if (!s.products().isEmpty()) {
      List<JsonValue> products = new ArrayList<>();
      s.products().forEach(p -> products.add(encode(p)));
      w.put("products", new JsonArray(products));
    }
    return w.put("status", s.status().label())
        .put("supplier", s.supplier())
        .put("status_notes", s.statusNotes())
        .put("justification", s.justification().map(VexStatement.Justification::label))
        .put("impact_statement", s.impactStatement())
        .put("action_statement", s.actionStatement())
        .put("action_statement_timestamp", s.actionStatementTimestamp())
        .build();
  }

  private static JsonObject encode(VexComponent c) {
    JsonObject identifiers =
        new Codecs.Writer()
            .put("purl", c.purl())
            .put("cpe22", c.cpe22())
            .put("cpe23", c.cpe23())
            .build();
    Map<String, JsonValue> hashes = new LinkedHashMap<>();
    for (Digest d : c.hashes().digests()) {
      hashes.put(VexComponent.hashLabel(d.algorithm()).orElseThrow(), new JsonString(d.value()));
    }
    Codecs.Writer w =
        new Codecs.Writer()
            .put("@id", c.id())
            .putIfNotEmpty("identifiers", identifiers)
            .putIfNotEmpty("hashes", new JsonObject(hashes));
    if (!c.subcomponents().isEmpty()) {
      List<JsonValue> subcomponents = new ArrayList<>();
      c.subcomponents().forEach(sc -> subcomponents.add(encode(sc)));
      w.put("subcomponents", new JsonArray(subcomponents));
    }
    return w.build();
  }
}
