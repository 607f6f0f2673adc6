package dev.ssc.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.identity.Role;
import dev.ssc.api.internal.VerifierOnly;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.api.promotion.Environment;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import dev.ssc.policy.spi.RuleConfig;
import dev.ssc.policy.spi.RuleProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
  private static final String PROVENANCE = "https://slsa.dev/provenance/v1";
  private static final DigestSet SUBJECT = DigestSet.sha256("ab".repeat(32));
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @TempDir Path dir;

  private static final String POLICY =
      String.join(
          "\n",
          "apiVersion: ssc.dev/policy/v1",
          "kind: Policy",
          "metadata:",
          "  name: acme/supply-chain",
          "  version: 3",
          "authorities:",
          "  ci:",
          "    keys:",
          "      - keyId: ci-key",
          "principals:",
          "  rita: [release-manager]",
          "  dave: [developer]",
          "rules:",
          "  - rule: attestation",
          "    id: build.provenance",
          "    predicateType: " + PROVENANCE,
          "    authority: ci",
          "environments:",
          "  staging:",
          "    promoters: [developer, release-manager]",
          "  production:",
          "    promoters: [release-manager]",
          "    requiresPassed: staging",
          "    rules:",
          "      - rule: promotion-role",
          "");

  private RulePolicy load(String yaml) throws IOException, SscFormatException {
    return load(yaml, "policy.yaml");
  }

  private RulePolicy load(String text, String name) throws IOException, SscFormatException {
    return PolicyLoader.withBuiltIns().parse(text.getBytes(StandardCharsets.UTF_8), name, dir);
  }

  private String error(String yaml) {
    return assertThrows(SscFormatException.class, () -> load(yaml)).getMessage();
  }

  @VerifierOnly
  private static VerifiedAttestation provenance(String signer) {
    return VerifiedAttestation.builder()
        .statement(
            Statement.builder()
                .addSubjects(ResourceDescriptor.of("app.jar", SUBJECT))
                .predicateType(PROVENANCE)
                .build())
        .evidenceId(Digest.sha256("11".repeat(32)))
        .addSignerKeyIds(signer)
        .verifiedAt(NOW)
        .build();
  }

  private static PolicyInput.Builder input(String environment, String actor) {
    return PolicyInput.builder()
        .subject(SUBJECT)
        .time(NOW)
        .environment(
            Environment.builder().name(environment).addPromoters(Role.of("nobody")).build())
        .principal(Principal.of(actor));
  }

  @Test
  void loadsAPolicyWithAuthoritiesRosterAndEnvironments() throws Exception {
    RulePolicy policy = load(POLICY);
    assertEquals("acme/supply-chain@3", policy.id());
    assertTrue(policy.digest().isPresent());
    assertEquals(Set.of("ci"), policy.authorities().keySet());
    assertEquals(List.of("staging", "production"), List.copyOf(policy.environments().keySet()));
    assertEquals(Set.of(Role.of("release-manager")), policy.principal("rita").roles());
  }

  @Test
  void theEnvironmentAsThePolicyDefinesItDecidesWhoMayPromote() throws Exception {
    RulePolicy policy = load(POLICY);
    Decision rita =
        policy.evaluate(input("production", "rita").addEvidence(provenance("ci-key")).build());
    assertEquals(Verdict.ALLOW, rita.verdict(), Explanations.toText(rita));
    Decision dave =
        policy.evaluate(input("production", "dave").addEvidence(provenance("ci-key")).build());
    assertEquals(Verdict.DENY, dave.verdict());
    assertTrue(dave.results().get(1).message().contains("dave holds only developer"));
    Decision staging =
        policy.evaluate(input("staging", "dave").addEvidence(provenance("ci-key")).build());
    assertEquals(Verdict.ALLOW, staging.verdict(), "staging has no promotion rule of its own");
  }

  @Test
  void anEnvironmentThePolicyDoesNotDefineDenies() throws Exception {
    Decision d =
        load(POLICY).evaluate(input("qa", "rita").addEvidence(provenance("ci-key")).build());
    assertEquals(Verdict.DENY, d.verdict());
    assertEquals("policy.environment", d.results().get(0).ruleId());
  }

  @Test
  void evidenceFromAnUntrustedKeyIsReportedAsRejected() throws Exception {
    Decision d =
        load(POLICY).evaluate(input("staging", "dave").addEvidence(provenance("laptop")).build());
    assertEquals(Verdict.DENY, d.verdict());
    String message = d.results().get(0).message();
    assertTrue(message.contains("rejected: sha256:1111"), message);
    assertTrue(message.contains("[laptop], no key of authority 'ci'"), message);
  }

  @Test
  void warnModeReportsFailuresWithoutDenying() throws Exception {
    RulePolicy policy = load(POLICY.replace("kind: Policy\n", "kind: Policy\nmode: warn\n"));
    Decision d =
        policy.evaluate(input("production", "dave").addEvidence(provenance("ci-key")).build());
    assertEquals(Verdict.ALLOW, d.verdict());
    assertEquals(RuleResult.Enforcement.WARN, d.results().get(1).enforcement());
  }

  @Test
  void anyOfGroupsPassWhenOneAlternativePasses() throws Exception {
    String yaml =
        POLICY.replace(
            "  - rule: attestation\n    id: build.provenance\n",
            "  - rule: any-of\n    id: built\n    rules:\n"
                + "      - rule: attestation\n        id: slsa\n        predicateType: "
                + PROVENANCE
                + "\n        authority: ci\n"
                + "      - rule: attestation\n        id: legacy\n        predicateType: x\n"
                + "        authority: ci\n"
                + "  - rule: attestation\n    id: build.provenance\n");
    Decision d =
        load(yaml).evaluate(input("staging", "dave").addEvidence(provenance("ci-key")).build());
    assertEquals(Verdict.ALLOW, d.verdict(), Explanations.toText(d));
    assertEquals(2, d.results().get(0).children().size());
  }

  @Test
  void readsTheSameSchemaAsJson() throws Exception {
    String json =
        "{\"apiVersion\":\"ssc.dev/policy/v1\",\"kind\":\"Policy\",\"metadata\":{\"name\":\"p\"},"
            + "\"authorities\":{\"ci\":{\"keys\":[{\"keyId\":\"ci-key\"}]}},"
            + "\"rules\":[{\"rule\":\"attestation\",\"predicateType\":\""
            + PROVENANCE
            + "\",\"authority\":\"ci\"}]}";
    RulePolicy policy = load(json, "policy.json");
    assertEquals("p", policy.id());
    assertEquals("attestation", policy.rules().get(0).id());
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> load(json.replace("{\"rule\":", "{\"rule\":\"x\",\"rule\":"), "policy.json"));
    assertTrue(e.getMessage().startsWith("policy.json:1:"), e.getMessage());
    assertTrue(e.getMessage().contains("Duplicate field 'rule'"), e.getMessage());
  }

  @Test
  void readsKeysFromFilesBesideThePolicy() throws Exception {
    SigningKey key = Keys.generate(SignatureAlgorithm.ED25519);
    Files.writeString(dir.resolve("ci.pub"), key.verifier().spkiPem());
    RulePolicy policy = load(POLICY.replace("- keyId: ci-key", "- file: ci.pub"));
    Authority ci = policy.authorities().get("ci");
    assertEquals(Set.of(key.keyId()), ci.keyIds());
    assertEquals(1, ci.keys().size());
    String missing = error(POLICY.replace("- keyId: ci-key", "- file: nope.pub"));
    assertTrue(missing.startsWith("policy.yaml:9:15: key file not found"), missing);
  }

  @Test
  void errorsNameFileLineAndColumn() {
    assertEquals(
        "policy.yaml:14:11: unknown rule type 'attestaton'; known types: "
            + PolicyLoader.withBuiltIns().ruleTypes(),
        error(POLICY.replace("rule: attestation", "rule: attestaton")));
    assertEquals(
        "policy.yaml:17:16: unknown authority 'cj'; the policy defines [ci]",
        error(POLICY.replace("authority: ci", "authority: cj")));
    assertEquals(
        "policy.yaml:18:5: unknown field 'maxAgee' for rule type 'attestation' (rule"
            + " 'build.provenance')",
        error(POLICY.replace("    authority: ci\n", "    authority: ci\n    maxAgee: 1d\n")));
    assertEquals(
        "policy.yaml:18:13: field 'maxAge' must be a duration like 30m, 24h, 7d or PT24H, found"
            + " 'soon'",
        error(POLICY.replace("    authority: ci\n", "    authority: ci\n    maxAge: soon\n")));
    assertTrue(
        error(POLICY.replace("kind: Policy", "kind: Policy\nkind: Policy"))
            .startsWith("policy.yaml:3:"));
    assertTrue(
        error(POLICY.replace("metadata:\n", "metadata:\n  - x\n")).startsWith("policy.yaml:"));
  }

  @Test
  void rejectsYamlSyntaxErrorsWithPosition() {
    String m = error(POLICY.replace("  rita: [release-manager]", "  rita: [release-manager"));
    assertTrue(m.matches("policy\\.yaml:\\d+:\\d+: .*"), m);
  }

  @Test
  void rejectsAnchorsAndAliases() {
    String m =
        error(
            POLICY.replace("  rita: [release-manager]", "  rita: &r [release-manager]\n  ron: *r"));
    assertTrue(m.contains("anchors and aliases are not allowed"), m);
  }

  @Test
  void rejectsDuplicateRuleIdsAndUnknownTopLevelFields() {
    String dup =
        error(
            POLICY.replace(
                "      - rule: promotion-role\n",
                "      - rule: attestation\n        id: build.provenance\n"
                    + "        predicateType: x\n        authority: ci\n"));
    assertTrue(dup.contains("rule id 'build.provenance' is already used at line 14"), dup);
    String unknown = error(POLICY + "exceptions: []\n");
    assertTrue(unknown.startsWith("policy.yaml:26:1: unknown field 'exceptions'"), unknown);
  }

  @Test
  void rejectsWrongApiVersionAndOversizedDocuments() {
    assertTrue(
        error(POLICY.replace("ssc.dev/policy/v1", "ssc.dev/policy/v2"))
            .startsWith("policy.yaml:1:13: apiVersion must be 'ssc.dev/policy/v1'"));
    String big = POLICY + "#" + "x".repeat(PolicyNode.MAX_BYTES) + "\n";
    assertTrue(error(big).contains("larger than"));
  }

  @Test
  void rejectsAThresholdAboveTheNumberOfKeys() {
    String m = error(POLICY.replace("  ci:\n    keys:", "  ci:\n    threshold: 2\n    keys:"));
    assertTrue(m.startsWith("policy.yaml:8:5: authority 'ci' threshold must be within [1, 1]"), m);
  }

  @Test
  void customRuleTypesComeFromProvidersAndTheirConfigErrorsHavePositions() throws Exception {
    RuleProvider ticket =
        new RuleProvider() {
          @Override
          public String name() {
            return "change-ticket";
          }

          @Override
          public Rule create(RuleConfig config) throws SscFormatException {
            String project = config.string("project");
            if (!project.equals("OPS")) {
              throw config.error("project", "project must be OPS, got " + project);
            }
            return new Rule() {
              @Override
              public String id() {
                return config.id();
              }

              @Override
              public RuleResult evaluate(RuleContext context) {
                return RuleResult.builder()
                    .ruleId(config.id())
                    .outcome(RuleResult.Outcome.PASS)
                    .message("ticket found")
                    .build();
              }
            };
          }
        };
    PolicyLoader loader = PolicyLoader.builder().addRuleProvider(ticket).build();
    String yaml =
        POLICY
            + "  qa:\n    promoters: [developer]\n    rules:\n      - rule: change-ticket\n        project: %s\n";
    RulePolicy policy =
        loader.parse(String.format(yaml, "OPS").getBytes(StandardCharsets.UTF_8), "p.yaml", dir);
    assertEquals("change-ticket", policy.environments().get("qa").rules().get(0).id());
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () ->
                loader.parse(
                    String.format(yaml, "DEV").getBytes(StandardCharsets.UTF_8), "p.yaml", dir));
    assertEquals("p.yaml:30:18: project must be OPS, got DEV", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> PolicyLoader.builder().addRuleProvider(ticket).addRuleProvider(ticket));
  }

  @Test
  void discoversRuleProvidersThroughServiceLoaderOnlyWhenAsked() throws Exception {
    assertTrue(!PolicyLoader.withBuiltIns().ruleTypes().contains("change-ticket"));
    PolicyLoader loader =
        PolicyLoader.builder().discoverRuleProviders(getClass().getClassLoader()).build();
    assertTrue(loader.ruleTypes().contains("change-ticket"));
    String yaml =
        POLICY.replace(
            "      - rule: promotion-role\n",
            "      - rule: promotion-role\n      - rule: change-ticket\n        project: OPS\n"
                + "        authority: ci\n");
    RulePolicy policy = loader.parse(yaml.getBytes(StandardCharsets.UTF_8), "p.yaml", dir);
    Decision d =
        policy.evaluate(input("production", "rita").addEvidence(provenance("ci-key")).build());
    assertEquals(Verdict.DENY, d.verdict());
    assertEquals("change-ticket", d.results().get(2).ruleId());
    assertTrue(d.results().get(2).message().contains("in project OPS"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PolicyLoader.builder()
                .discoverRuleProviders(getClass().getClassLoader())
                .discoverRuleProviders(getClass().getClassLoader()));
  }

  @net.jqwik.api.Property(tries = 300)
  void anyMutationOfAPolicyLoadsOrFailsWithAPositionedFormatError(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2000) int at,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 40) int length,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.StringLength(max = 8) String insert) {
    int start = Math.min(at, POLICY.length());
    int end = Math.min(POLICY.length(), start + length);
    String mutated = POLICY.substring(0, start) + insert + POLICY.substring(end);
    try {
      RulePolicy unused =
          PolicyLoader.withBuiltIns()
              .parse(mutated.getBytes(StandardCharsets.UTF_8), "m.yaml", Path.of("."));
    } catch (SscFormatException e) {
      assertTrue(e.getMessage().startsWith("m.yaml"), e.getMessage());
    } catch (IOException e) {
      throw new AssertionError("no key files are read", e);
    }
  }
}
