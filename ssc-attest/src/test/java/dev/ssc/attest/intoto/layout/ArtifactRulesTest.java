package dev.ssc.attest.intoto.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Finding;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The artifact-rule queue of in-toto 1.3.1, by example and by property. */
class ArtifactRulesTest {

  static ArtifactRule rule(String... words) {
    List<JsonValue> w = new ArrayList<>();
    for (String s : words) {
      w.add(new JsonString(s));
    }
    try {
      return ArtifactRule.parse(
          Fields.of(JsonObject.empty(), "test", ""), "rules", new JsonArray(w), 0);
    } catch (SscFormatException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Link link(
      String name,
      Map<String, Map<String, String>> materials,
      Map<String, Map<String, String>> products) {
    return new Link(name, List.of(), materials, products, JsonObject.empty(), JsonObject.empty());
  }

  static Map<String, Map<String, String>> artifacts(Map<String, String> pathToHash) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    pathToHash.forEach((p, h) -> out.put(p, Map.of("sha256", h)));
    return out;
  }

  @Provide
  Arbitrary<Map<String, String>> artifactSets() {
    Arbitrary<String> paths =
        Arbitraries.strings().withChars("abc/._-*?[]!").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> hashes = Arbitraries.strings().withChars("0123456789abcdef").ofLength(8);
    return Arbitraries.maps(paths, hashes).ofMaxSize(6);
  }

  @Property
  void matchOfIdenticalArtifactsAlwaysPasses(@ForAll("artifactSets") Map<String, String> files) {
    Map<String, Link> links = new LinkedHashMap<>();
    links.put("a", link("a", Map.of(), artifacts(files)));
    links.put("b", link("b", artifacts(files), Map.of()));
    Optional<Finding> f =
        ArtifactRules.verify(
            "b",
            "materials",
            List.of(rule("MATCH", "*", "WITH", "PRODUCTS", "FROM", "a"), rule("DISALLOW", "*")),
            links);
    assertTrue(f.isEmpty(), () -> f.toString());
  }

  @Property
  void anUnmatchedArtifactUnderDisallowStarFails(
      @ForAll("artifactSets") Map<String, String> files) {
    Map<String, String> more = new LinkedHashMap<>(files);
    more.put("zz-extra", "ffff0000");
    Map<String, Link> links = new LinkedHashMap<>();
    links.put("a", link("a", Map.of(), artifacts(files)));
    links.put("b", link("b", artifacts(more), Map.of()));
    Optional<Finding> f =
        ArtifactRules.verify(
            "b",
            "materials",
            List.of(rule("MATCH", "*", "WITH", "PRODUCTS", "FROM", "a"), rule("DISALLOW", "*")),
            links);
    assertEquals("intoto.rule.disallowed", f.orElseThrow().code());
    assertTrue(f.orElseThrow().message().contains("zz-extra"));
  }

  @Property
  void allowStarConsumesEverything(@ForAll("artifactSets") Map<String, String> files) {
    Map<String, Link> links = Map.of("s", link("s", artifacts(files), artifacts(files)));
    assertTrue(
        ArtifactRules.verify(
                "s", "products", List.of(rule("ALLOW", "*"), rule("DISALLOW", "*")), links)
            .isEmpty());
  }

  @Property
  void aChangedHashIsNotMatched(@ForAll("artifactSets") Map<String, String> files) {
    Map<String, String> changed = new LinkedHashMap<>();
    files.forEach((p, h) -> changed.put(p, "x" + h));
    Map<String, Link> links = new LinkedHashMap<>();
    links.put("a", link("a", Map.of(), artifacts(files)));
    links.put("b", link("b", artifacts(changed), Map.of()));
    Optional<Finding> f =
        ArtifactRules.verify(
            "b",
            "materials",
            List.of(rule("MATCH", "*", "WITH", "PRODUCTS", "FROM", "a"), rule("DISALLOW", "*")),
            links);
    assertEquals(files.isEmpty(), f.isEmpty());
  }

  @Example
  void createDeleteModifyFollowTheReference() {
    Map<String, Map<String, String>> m =
        artifacts(Map.of("kept", "1", "gone", "2", "changed", "3"));
    Map<String, Map<String, String>> p = artifacts(Map.of("kept", "1", "new", "4", "changed", "5"));
    Map<String, Link> links = Map.of("s", link("s", m, p));
    List<ArtifactRule> productRules =
        List.of(rule("CREATE", "new"), rule("MODIFY", "changed"), rule("MODIFY", "kept"));
    Optional<Finding> f =
        ArtifactRules.verify("s", "products", concat(productRules, rule("DISALLOW", "*")), links);
    assertTrue(f.orElseThrow().message().contains("[kept]"), f.toString());
    assertTrue(
        ArtifactRules.verify(
                "s",
                "materials",
                List.of(rule("DELETE", "gone"), rule("ALLOW", "*"), rule("REQUIRE", "kept")),
                links)
            .orElseThrow()
            .code()
            .equals("intoto.rule.required"));
  }

  @Example
  void matchWithPrefixesJoinsPathsLikeOsPathJoin() {
    Map<String, Link> links = new LinkedHashMap<>();
    links.put("src", link("src", Map.of(), artifacts(Map.of("lib/foo.py", "1"))));
    links.put("pkg", link("pkg", artifacts(Map.of("build/foo.py", "1")), Map.of()));
    assertTrue(
        ArtifactRules.verify(
                "pkg",
                "materials",
                List.of(
                    rule(
                        "match",
                        "*.py",
                        "in",
                        "build",
                        "with",
                        "products",
                        "in",
                        "lib/",
                        "from",
                        "src"),
                    rule("DISALLOW", "*")),
                links)
            .isEmpty());
  }

  @Example
  void matchAgainstAMissingStepConsumesNothing() {
    Map<String, Link> links = Map.of("s", link("s", artifacts(Map.of("f", "1")), Map.of()));
    assertEquals(
        "intoto.rule.disallowed",
        ArtifactRules.verify(
                "s",
                "materials",
                List.of(
                    rule("MATCH", "*", "WITH", "PRODUCTS", "FROM", "nope"), rule("DISALLOW", "*")),
                links)
            .orElseThrow()
            .code());
  }

  @Example
  void fnmatchLikePython() {
    assertTrue(ArtifactRules.translate("*").matcher("a/b/c").matches());
    assertTrue(ArtifactRules.translate("*.py").matcher("dir/x.py").matches());
    assertTrue(ArtifactRules.translate("?.py").matcher("x.py").matches());
    assertTrue(ArtifactRules.translate("[!a]x").matcher("bx").matches());
    assertTrue(!ArtifactRules.translate("[!a]x").matcher("ax").matches());
    assertTrue(ArtifactRules.translate("[ab]x").matcher("bx").matches());
    assertTrue(ArtifactRules.translate("[").matcher("[").matches());
    assertTrue(ArtifactRules.translate("a.b").matcher("a.b").matches());
    assertTrue(!ArtifactRules.translate("a.b").matcher("axb").matches());
    assertTrue(ArtifactRules.translate("x*").matcher("x\ny").matches());
  }

  @Example
  void malformedRulesAreRejected() {
    for (String[] bad :
        new String[][] {
          {"CREATE"},
          {"CREATE", "a", "b"},
          {"MATCH", "a", "WITH", "ARTIFACTS", "FROM", "s"},
          {"MATCH", "a", "FROM", "s"},
          {"COPY", "a"}
        }) {
      try {
        ArtifactRule unused = rule(bad);
        throw new AssertionError("accepted " + unused);
      } catch (IllegalArgumentException expected) {
        assertTrue(expected.getMessage().contains("/rules/0"), expected.getMessage());
      }
    }
  }

  private static List<ArtifactRule> concat(List<ArtifactRule> a, ArtifactRule b) {
    List<ArtifactRule> out = new ArrayList<>(a);
    out.add(b);
    return out;
  }
}
