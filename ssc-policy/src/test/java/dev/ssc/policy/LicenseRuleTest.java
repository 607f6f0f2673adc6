package dev.ssc.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.json.Json;
import dev.ssc.attest.predicate.CycloneDxBom;
import dev.ssc.attest.predicate.SpdxDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseRuleTest {
  private static final DigestSet SUBJECT = DigestSet.sha256("ab".repeat(32));
  private static final DigestSet OTHER = DigestSet.sha256("cd".repeat(32));
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Authority SBOM = Authority.ofKeyIds("sbom", 1, Set.of("sbom-key"));

  @TempDir Path dir;

  /** A CycloneDX component: name, version, license expression (null: none). */
  private static String component(String name, String version, String expression) {
    return "{\"type\":\"library\",\"name\":\""
        + name
        + "\",\"version\":\""
        + version
        + "\",\"purl\":\"pkg:maven/acme/"
        + name
        + "@"
        + version
        + "\""
        + (expression == null
            ? ""
            : ",\"licenses\":[{\"expression\":\"" + expression.replace("\"", "\\\"") + "\"}]")
        + "}";
  }

  private static VerifiedAttestation cyclonedx(
      DigestSet about, String signer, String... components) {
    String json =
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
            + String.join(",", components)
            + "]}";
    return attestation(about, CycloneDxBom.URI, json, signer);
  }

  private static VerifiedAttestation attestation(
      DigestSet about, String type, String json, String signer) {
    try {
      return VulnerabilityRuleTest.attestation(
          about, type, Json.parseObject(Bytes.utf8(json), "test"), signer);
    } catch (SscFormatException e) {
      throw new AssertionError(e);
    }
  }

  private static VerifiedAttestation spdx(String licenseConcluded, String licenseDeclared) {
    String json =
        "{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"SPDXRef-DOCUMENT\",\"name\":\"app\","
            + "\"dataLicense\":\"CC0-1.0\",\"packages\":[{\"name\":\"guava\",\"SPDXID\":\"SPDXRef-1\","
            + "\"versionInfo\":\"33.0.0\",\"licenseConcluded\":\""
            + licenseConcluded
            + "\",\"licenseDeclared\":\""
            + licenseDeclared
            + "\"}]}";
    return attestation(SUBJECT, SpdxDocument.URI_V2_3, json, "sbom-key");
  }

  private static RuleResult evaluate(Rule rule, List<VerifiedAttestation> evidence) {
    PolicyInput in =
        PolicyInput.builder().subject(SUBJECT).time(NOW).addAllEvidence(evidence).build();
    return RulePolicy.builder("p").rule(rule).build().evaluate(in).results().get(0);
  }

  private static RuleResult evaluate(Rule rule, VerifiedAttestation... evidence) {
    return evaluate(rule, List.of(evidence));
  }

  private static LicenseRule.Builder permissive() {
    return LicenseRule.builder()
        .authority(SBOM)
        .allow(List.of("MIT", "Apache-2.0", "BSD-3-Clause"))
        .deny(List.of("AGPL-3.0-only"));
  }

  @Test
  void passesWhenEveryComponentHasAnAcceptableLicense() {
    RuleResult r =
        evaluate(
            permissive().build(),
            cyclonedx(
                SUBJECT,
                "sbom-key",
                component("a", "1", "MIT"),
                component("b", "2", "GPL-3.0-only OR Apache-2.0"),
                component("c", "3", "mit AND BSD-3-Clause")));
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
    assertTrue(r.message().contains("3 components in 1 trusted SBOM"), r.message());
    assertEquals(1, r.evidence().size());
  }

  @Test
  void listsEachOffendingComponentWithTheReason() {
    RuleResult r =
        evaluate(
            permissive().build(),
            cyclonedx(
                SUBJECT,
                "sbom-key",
                component("a", "1", "MIT"),
                component("b", "2", "MIT AND AGPL-3.0-only"),
                component("c", "3", "LGPL-2.1-or-later")));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().startsWith("2 components have an unacceptable license"), r.message());
    assertTrue(
        r.message().contains("b@2 (pkg:maven/acme/b@2): 'MIT AND AGPL-3.0-only'"), r.message());
    assertTrue(r.message().contains("AGPL-3.0-only is denied"), r.message());
    assertTrue(r.message().contains("c@3 (pkg:maven/acme/c@3)"), r.message());
    assertTrue(r.message().contains("not in the allow list"), r.message());
    assertTrue(r.remedy().isPresent());
  }

  @Test
  void aLicenseThatDoesNotParseFailsWithTheParseError() {
    RuleResult r =
        evaluate(
            permissive().build(), cyclonedx(SUBJECT, "sbom-key", component("a", "1", "MIT AND")));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("invalid SPDX license expression 'MIT AND'"), r.message());
    assertTrue(r.message().contains("column 8"), r.message());
  }

  @Test
  void unknownLicensesAreDeniedUnlessAllowed() {
    VerifiedAttestation bom =
        cyclonedx(
            SUBJECT,
            "sbom-key",
            component("a", "1", null),
            component("b", "1", "NOASSERTION"),
            component("c", "1", "MIT"));
    RuleResult denied = evaluate(permissive().build(), bom);
    assertEquals(RuleResult.Outcome.FAIL, denied.outcome());
    assertTrue(
        denied.message().contains("a@1 (pkg:maven/acme/a@1): no license information"),
        denied.message());
    assertTrue(denied.message().contains("b@1"), denied.message());
    RuleResult allowed = evaluate(permissive().allowUnknown(true).build(), bom);
    assertEquals(RuleResult.Outcome.PASS, allowed.outcome(), allowed.message());
    assertTrue(allowed.message().contains("2 without a known license"), allowed.message());
    RuleResult named = evaluate(permissive().allow(List.of("NOASSERTION")).build(), bom);
    assertEquals(RuleResult.Outcome.PASS, named.outcome(), named.message());
  }

  @Test
  void judgesTheSpdxConcludedLicenseElseTheDeclaredOne() {
    assertEquals(
        RuleResult.Outcome.PASS,
        evaluate(permissive().build(), spdx("Apache-2.0", "AGPL-3.0-only")).outcome());
    RuleResult r = evaluate(permissive().build(), spdx("NOASSERTION", "AGPL-3.0-only"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("guava@33.0.0: 'AGPL-3.0-only'"), r.message());
    RuleResult unknown = evaluate(permissive().build(), spdx("NOASSERTION", "NOASSERTION"));
    assertEquals(RuleResult.Outcome.FAIL, unknown.outcome());
    assertTrue(unknown.message().contains("no license information"), unknown.message());
  }

  @Test
  void aWithExceptionPairMustBeAllowedByName() {
    LicenseRule rule =
        LicenseRule.builder()
            .authority(SBOM)
            .allow(List.of("MIT", "GPL-2.0-only WITH Classpath-exception-2.0"))
            .build();
    assertEquals(
        RuleResult.Outcome.PASS,
        evaluate(
                rule,
                cyclonedx(
                    SUBJECT,
                    "sbom-key",
                    component("jdk", "17", "GPL-2.0-only WITH Classpath-exception-2.0")))
            .outcome());
    assertEquals(
        RuleResult.Outcome.FAIL,
        evaluate(rule, cyclonedx(SUBJECT, "sbom-key", component("x", "1", "GPL-2.0-only")))
            .outcome());
  }

  @Test
  void failsWithoutATrustedSbomAboutTheSubject() {
    RuleResult r =
        evaluate(
            permissive().build(),
            cyclonedx(OTHER, "sbom-key", component("a", "1", "MIT")),
            cyclonedx(SUBJECT, "laptop", component("a", "1", "MIT")));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().startsWith("no trusted SBOM"), r.message());
    assertTrue(r.message().contains("laptop"), r.message());
    assertTrue(r.remedy().orElseThrow().contains("SPDX 2.x or CycloneDX"));
  }

  @Test
  void everyTrustedSbomCounts() {
    RuleResult r =
        evaluate(
            permissive().build(),
            cyclonedx(SUBJECT, "sbom-key", component("a", "1", "MIT")),
            spdx("AGPL-3.0-only", "AGPL-3.0-only"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("2 components in 2 trusted SBOMs"), r.message());
  }

  @Test
  void theBuilderRejectsEmptyAndInvalidLists() {
    assertThrows(
        IllegalArgumentException.class, () -> LicenseRule.builder().authority(SBOM).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> LicenseRule.builder().authority(SBOM).allow(List.of("MIT OR Apache-2.0")).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LicenseRule.builder()
                .authority(SBOM)
                .allow(List.of("MIT"))
                .deny(List.of("mit"))
                .build());
    assertThrows(
        IllegalStateException.class, () -> LicenseRule.builder().allow(List.of("MIT")).build());
  }

  // --- properties

  private static final List<String> POOL =
      List.of(
          "MIT",
          "Apache-2.0",
          "AGPL-3.0-only",
          "GPL-3.0-only",
          "MIT OR AGPL-3.0-only",
          "MIT AND AGPL-3.0-only",
          "(MIT OR GPL-3.0-only) AND Apache-2.0",
          "NOASSERTION",
          "MIT AND",
          "Apache-2.0 WITH LLVM-exception");

  @Provide
  Arbitrary<List<String>> licenseLists() {
    return Arbitraries.of(POOL).injectNull(0.1).list().ofMaxSize(6);
  }

  private static VerifiedAttestation bomOf(List<String> licenses) {
    List<String> components = new ArrayList<>();
    for (int i = 0; i < licenses.size(); i++) {
      components.add(component("c" + i, "1", licenses.get(i)));
    }
    return cyclonedx(SUBJECT, "sbom-key", components.toArray(new String[0]));
  }

  @Property(tries = 200)
  void anSbomPassesIffEachOfItsComponentsPassesAlone(
      @ForAll("licenseLists") List<String> licenses, @ForAll boolean allowUnknown) {
    Rule rule = permissive().allowUnknown(allowUnknown).build();
    boolean each = true;
    for (String l : licenses) {
      List<String> one = new ArrayList<>();
      one.add(l);
      each &= evaluate(rule, bomOf(one)).outcome() == RuleResult.Outcome.PASS;
    }
    RuleResult all = evaluate(rule, bomOf(licenses));
    assertEquals(each, all.outcome() == RuleResult.Outcome.PASS, all.message());
  }

  @Property(tries = 200)
  void addingAComponentNeverTurnsDenyIntoAllow(
      @ForAll("licenseLists") List<String> licenses, @ForAll("licenseLists") List<String> more) {
    Rule rule = permissive().build();
    if (evaluate(rule, bomOf(licenses)).outcome() == RuleResult.Outcome.FAIL) {
      List<String> all = new ArrayList<>(licenses);
      all.addAll(more);
      assertEquals(RuleResult.Outcome.FAIL, evaluate(rule, bomOf(all)).outcome());
      assertEquals(RuleResult.Outcome.FAIL, evaluate(rule, bomOf(licenses), bomOf(more)).outcome());
    }
  }

  // --- YAML

  private static final String HEAD =
      String.join(
          "\n",
          "apiVersion: ssc.dev/policy/v1",
          "kind: Policy",
          "metadata:",
          "  name: acme/licenses",
          "authorities:",
          "  sbom:",
          "    keys:",
          "      - keyId: sbom-key",
          "rules:",
          "");

  private RulePolicy load(String rules) throws IOException, SscFormatException {
    return PolicyLoader.withBuiltIns()
        .parse((HEAD + rules).getBytes(StandardCharsets.UTF_8), "policy.yaml", dir);
  }

  private String error(String rules) {
    return assertThrows(SscFormatException.class, () -> load(rules)).getMessage();
  }

  @Test
  void loadsALicenseRuleFromYaml() throws Exception {
    RulePolicy p =
        load(
            String.join(
                "\n",
                "  - rule: licenses",
                "    id: oss-licenses",
                "    authority: sbom",
                "    allow: [MIT, Apache-2.0, GPL-2.0-only WITH Classpath-exception-2.0]",
                "    deny: AGPL-3.0-only",
                "    unknown: allow",
                ""));
    PolicyInput in =
        PolicyInput.builder()
            .subject(SUBJECT)
            .time(NOW)
            .addEvidence(
                cyclonedx(
                    SUBJECT,
                    "sbom-key",
                    component("a", "1", "MIT OR AGPL-3.0-only"),
                    component("b", "1", null)))
            .build();
    RuleResult r = p.evaluate(in).results().get(0);
    assertEquals("oss-licenses", r.ruleId());
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
  }

  @Test
  void badLicenseConfigurationsAreLoadErrorsWithLineAndColumn() {
    String unknown =
        error(
            String.join(
                "\n",
                "  - rule: licenses",
                "    authority: sbom",
                "    allow: [MIT]",
                "    unknown: maybe",
                ""));
    assertTrue(unknown.contains("policy.yaml:13:14"), unknown);
    assertTrue(unknown.contains("deny or allow"), unknown);
    String lists = error(String.join("\n", "  - rule: licenses", "    authority: sbom", ""));
    assertTrue(lists.contains("policy.yaml:10:"), lists);
    assertTrue(lists.contains("needs field 'allow' or 'deny'"), lists);
    String entry =
        error(
            String.join(
                "\n",
                "  - rule: licenses",
                "    authority: sbom",
                "    allow: [MIT OR Apache-2.0]",
                ""));
    assertTrue(entry.contains("policy.yaml:10:"), entry);
    assertTrue(entry.contains("must be one license id"), entry);
  }
}
