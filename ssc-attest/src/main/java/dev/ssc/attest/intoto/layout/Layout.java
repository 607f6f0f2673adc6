package dev.ssc.attest.intoto.layout;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Fields;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The signed body of an in-toto layout: functionary keys, steps, inspections, expiry. */
record Layout(
    Instant expires,
    String readme,
    Map<String, LayoutKeys.PublicKeyInfo> keys,
    List<Step> steps,
    List<Inspection> inspections) {

  Layout {
    keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    steps = List.copyOf(steps);
    inspections = List.copyOf(inspections);
  }

  /** A step: who may perform it (key ids), how many of them, and the expected artifacts. */
  record Step(
      String name,
      List<String> pubkeys,
      int threshold,
      List<String> expectedCommand,
      List<ArtifactRule> expectedMaterials,
      List<ArtifactRule> expectedProducts) {
    Step {
      pubkeys = List.copyOf(pubkeys);
      expectedCommand = List.copyOf(expectedCommand);
      expectedMaterials = List.copyOf(expectedMaterials);
      expectedProducts = List.copyOf(expectedProducts);
    }
  }

  /** An inspection: a command the verifier runs, and the expected artifacts. */
  record Inspection(
      String name,
      List<String> run,
      List<ArtifactRule> expectedMaterials,
      List<ArtifactRule> expectedProducts) {
    Inspection {
      run = List.copyOf(run);
      expectedMaterials = List.copyOf(expectedMaterials);
      expectedProducts = List.copyOf(expectedProducts);
    }
  }

  /** Decodes a layout body found at {@code f}, validating it as in-toto's Layout.validate does. */
  static Layout parse(Fields f) throws SscFormatException {
    String type = f.requiredString("_type");
    if (!type.equals("layout")) {
      throw f.error("_type", "expected \"layout\", got \"" + type + "\"");
    }
    String expiresText = f.requiredString("expires");
    Instant expires;
    try {
      if (!expiresText.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
        throw new DateTimeParseException("not YYYY-MM-DDTHH:MM:SSZ", expiresText, 0);
      }
      expires = Instant.parse(expiresText);
    } catch (DateTimeParseException e) {
      throw f.error("expires", "expected YYYY-MM-DDTHH:MM:SSZ, got \"" + expiresText + "\"");
    }
    String readme = f.optionalString("readme").orElse("");
    JsonObject keysObject = f.requiredObject("keys");
    Fields kf = f.nested("keys", keysObject);
    Map<String, LayoutKeys.PublicKeyInfo> keys = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : keysObject.members().entrySet()) {
      if (!(e.getValue() instanceof JsonObject)) {
        throw kf.error(e.getKey(), "expected a key object");
      }
      LayoutKeys.PublicKeyInfo key =
          LayoutKeys.fromDict(kf.nested(e.getKey(), (JsonObject) e.getValue()));
      if (!LayoutKeys.namedBy(key, e.getKey())) {
        throw kf.error(
            e.getKey(), "key id does not match the key, which has key id " + key.keyId());
      }
      keys.put(e.getKey(), key);
    }
    List<Step> steps = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<JsonValue> stepArray = f.requiredArray("steps");
    for (int i = 0; i < stepArray.size(); i++) {
      Fields s = f.element("steps", stepArray, i);
      String stype = s.requiredString("_type");
      if (!stype.equals("step")) {
        throw s.error("_type", "expected \"step\", got \"" + stype + "\"");
      }
      String name = s.requiredString("name");
      if (names.contains(name)) {
        throw s.error("name", "duplicate step or inspection name \"" + name + "\"");
      }
      names.add(name);
      int threshold = threshold(s);
      steps.add(
          new Step(
              name,
              Link.strings(s, "pubkeys"),
              threshold,
              Link.strings(s, "expected_command"),
              rules(s, "expected_materials"),
              rules(s, "expected_products")));
    }
    List<Inspection> inspections = new ArrayList<>();
    List<JsonValue> inspectArray = f.requiredArray("inspect");
    for (int i = 0; i < inspectArray.size(); i++) {
      Fields s = f.element("inspect", inspectArray, i);
      String stype = s.requiredString("_type");
      if (!stype.equals("inspection")) {
        throw s.error("_type", "expected \"inspection\", got \"" + stype + "\"");
      }
      String name = s.requiredString("name");
      if (names.contains(name)) {
        throw s.error("name", "duplicate step or inspection name \"" + name + "\"");
      }
      names.add(name);
      inspections.add(
          new Inspection(
              name,
              Link.strings(s, "run"),
              rules(s, "expected_materials"),
              rules(s, "expected_products")));
    }
    return new Layout(expires, readme, keys, steps, inspections);
  }

  private static int threshold(Fields s) throws SscFormatException {
    JsonValue v = s.object().get("threshold").orElse(null);
    if (v == null) {
      return 1;
    }
    if (!(v instanceof JsonNumber)) {
      throw s.error("threshold", "expected an integer");
    }
    try {
      int t = ((JsonNumber) v).value().intValueExact();
      if (t < 1) {
        throw s.error("threshold", "must be at least 1, got " + t);
      }
      return t;
    } catch (ArithmeticException e) {
      throw s.error("threshold", "expected an integer");
    }
  }

  private static List<ArtifactRule> rules(Fields s, String name) throws SscFormatException {
    List<JsonValue> array = s.requiredArray(name);
    List<ArtifactRule> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      out.add(ArtifactRule.parse(s, name, array.get(i), i));
    }
    return out;
  }
}
