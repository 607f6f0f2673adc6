package dev.ssc.attest.intoto.layout;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One artifact rule of a step or inspection, unpacked as in-toto 1.3.1's {@code
 * rulelib.unpack_rule} does: keywords are case-insensitive, patterns, prefixes and step names are
 * taken as written.
 */
record ArtifactRule(
    Type type,
    String pattern,
    String sourcePrefix,
    String destinationType,
    String destinationPrefix,
    String destinationName,
    List<String> words) {

  /** The rule keywords. */
  enum Type {
    MATCH,
    CREATE,
    DELETE,
    MODIFY,
    ALLOW,
    DISALLOW,
    REQUIRE
  }

  ArtifactRule {
    words = List.copyOf(words);
  }

  /** The rule as written, e.g. {@code MATCH foo.py WITH PRODUCTS FROM write-code}. */
  String text() {
    return String.join(" ", words);
  }

  /** An error about element {@code index} of array member {@code name} of {@code f}. */
  static SscFormatException at(Fields f, String name, int index, String message) {
    String base = String.valueOf(f.error(name, "").getMessage());
    return new SscFormatException(
        base.substring(0, base.length() - 2) + "/" + index + ": " + message);
  }

  /** Parses the rule at JSON pointer {@code f.pointer(name)}/{@code index}. */
  static ArtifactRule parse(Fields f, String name, JsonValue value, int index)
      throws SscFormatException {
    if (!(value instanceof dev.ssc.api.json.JsonArray)) {
      throw at(f, name, index, "an artifact rule must be an array of strings");
    }
    List<String> w = new ArrayList<>();
    for (JsonValue e : ((dev.ssc.api.json.JsonArray) value).elements()) {
      if (!(e instanceof JsonString)) {
        throw at(f, name, index, "an artifact rule must be an array of strings");
      }
      w.add(((JsonString) e).value());
    }
    List<String> lower = new ArrayList<>();
    for (String s : w) {
      lower.add(s.toLowerCase(Locale.ROOT));
    }
    int n = w.size();
    Type type = null;
    if (n >= 2) {
      for (Type t : Type.values()) {
        if (t.name().toLowerCase(Locale.ROOT).equals(lower.get(0))) {
          type = t;
        }
      }
    }
    if (type == null) {
      throw at(
          f,
          name,
          index,
          "wrong rule format: a rule starts with one of MATCH, CREATE, DELETE, MODIFY, ALLOW,"
              + " DISALLOW, REQUIRE and has a pattern, got "
              + w);
    }
    String pattern = w.get(1);
    if (type != Type.MATCH) {
      if (n != 2) {
        throw at(
            f, name, index, "wrong rule format: " + type + " takes exactly one pattern, got " + w);
      }
      return new ArtifactRule(type, pattern, "", "", "", "", w);
    }
    String srcPrefix;
    String destType;
    String destPrefix;
    String destName;
    if (n == 10
        && lower.get(2).equals("in")
        && lower.get(4).equals("with")
        && lower.get(6).equals("in")
        && lower.get(8).equals("from")) {
      srcPrefix = w.get(3);
      destType = lower.get(5);
      destPrefix = w.get(7);
      destName = w.get(9);
    } else if (n == 8
        && lower.get(2).equals("in")
        && lower.get(4).equals("with")
        && lower.get(6).equals("from")) {
      srcPrefix = w.get(3);
      destType = lower.get(5);
      destPrefix = "";
      destName = w.get(7);
    } else if (n == 8
        && lower.get(2).equals("with")
        && lower.get(4).equals("in")
        && lower.get(6).equals("from")) {
      srcPrefix = "";
      destType = lower.get(3);
      destPrefix = w.get(5);
      destName = w.get(7);
    } else if (n == 6 && lower.get(2).equals("with") && lower.get(4).equals("from")) {
      srcPrefix = "";
      destType = lower.get(3);
      destPrefix = "";
      destName = w.get(5);
    } else {
      throw at(
          f,
          name,
          index,
          "wrong rule format: MATCH <pattern> [IN <prefix>] WITH (MATERIALS|PRODUCTS)"
              + " [IN <prefix>] FROM <step>, got "
              + w);
    }
    if (!destType.equals("materials") && !destType.equals("products")) {
      throw at(f, name, index, "MATCH needs MATERIALS or PRODUCTS as destination, got " + w);
    }
    return new ArtifactRule(type, pattern, srcPrefix, destType, destPrefix, destName, w);
  }
}
