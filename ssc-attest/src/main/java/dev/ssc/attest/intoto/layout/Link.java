package dev.ssc.attest.intoto.layout;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed body of in-toto link metadata: what a step (or inspection) ran and which artifacts it
 * saw before (materials) and after (products). Artifacts map a path to its hashes (algorithm to
 * lowercase hex).
 */
record Link(
    String name,
    List<String> command,
    Map<String, Map<String, String>> materials,
    Map<String, Map<String, String>> products,
    JsonObject byproducts,
    JsonObject environment) {

  Link {
    command = List.copyOf(command);
    materials = copy(materials);
    products = copy(products);
  }

  private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> in) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, Map.copyOf(v)));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The artifacts of {@code type} ("materials" or "products"). */
  Map<String, Map<String, String>> artifacts(String type) {
    return type.equals("materials") ? materials : products;
  }

  /** Decodes a link body found at {@code f}. */
  static Link parse(Fields f) throws SscFormatException {
    String type = f.requiredString("_type");
    if (!type.equals("link")) {
      throw f.error("_type", "expected \"link\", got \"" + type + "\"");
    }
    String name = f.requiredString("name");
    List<String> command = strings(f, "command");
    Map<String, Map<String, String>> materials = artifacts(f, "materials");
    Map<String, Map<String, String>> products = artifacts(f, "products");
    JsonObject byproducts = f.optionalObject("byproducts").orElse(JsonObject.empty());
    JsonObject environment = f.optionalObject("environment").orElse(JsonObject.empty());
    return new Link(name, command, materials, products, byproducts, environment);
  }

  static List<String> strings(Fields f, String name) throws SscFormatException {
    List<JsonValue> array = f.requiredArray(name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString)) {
        throw ArtifactRule.at(f, name, i, "expected a string");
      }
      out.add(((JsonString) array.get(i)).value());
    }
    return out;
  }

  private static Map<String, Map<String, String>> artifacts(Fields f, String name)
      throws SscFormatException {
    JsonObject o = f.requiredObject(name);
    Fields af = f.nested(name, o);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      if (!(e.getValue() instanceof JsonObject)) {
        throw af.error(e.getKey(), "expected an object of hashes");
      }
      Fields hf = af.nested(e.getKey(), (JsonObject) e.getValue());
      Map<String, String> hashes = new LinkedHashMap<>();
      for (String alg : ((JsonObject) e.getValue()).members().keySet()) {
        String hex = hf.requiredString(alg);
        if (!hex.matches("[0-9a-fA-F]+")) {
          throw hf.error(alg, "expected a hex digest");
        }
        hashes.put(alg, hex);
      }
      out.put(e.getKey(), hashes);
    }
    return out;
  }
}
