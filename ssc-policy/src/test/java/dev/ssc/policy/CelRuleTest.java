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
import dev.ssc.api.internal.VerifierOnly;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.PolicyInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CelRuleTest {
  private static final String TYPE = "https://slsa.dev/provenance/v1";
  private static final DigestSet SUBJECT = DigestSet.sha256("cd".repeat(32));
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Authority CI = Authority.ofKeyIds("ci", 1, Set.of("ci-key"));

  @TempDir Path dir;

  @VerifierOnly
  private static VerifiedAttestation provenance(String ref, String evidenceHex) {
    JsonObject predicate =
        new JsonObject(
            Map.of(
                "buildDefinition",
                new JsonObject(
                    Map.of(
                        "externalParameters",
                        new JsonObject(Map.of("ref", new JsonString(ref)))))));
    return VerifiedAttestation.builder()
        .statement(
            Statement.builder()
                .addSubjects(ResourceDescriptor.of("app", SUBJECT))
                .predicateType(TYPE)
                .predicate(predicate)
                .build())
        .evidenceId(Digest.sha256(evidenceHex.repeat(32)))
        .addSignerKeyIds("ci-key")
        .verifiedAt(NOW)
        .build();
  }

  private static Decision decide(RulePolicy policy, VerifiedAttestation... evidence) {
    return policy.evaluate(
        PolicyInput.builder()
            .subject(SUBJECT)
            .time(NOW)
            .addEvidence(evidence[0])
            .addAllEvidence(java.util.Arrays.asList(evidence).subList(1, evidence.length))
            .build());
  }

  private static RulePolicy policy(CelRule.Match match) {
    return RulePolicy.builder("p")
        .rule(
            CelRule.builder("build.main")
                .predicateType(TYPE)
                .authority(CI)
                .expression("predicate.buildDefinition.externalParameters.ref == 'refs/heads/main'")
                .description("built from main")
                .match(match)
                .build())
        .build();
  }

  @Test
  void passesWhenATrustedAttestationSatisfiesTheCondition() {
    Decision d =
        decide(
            policy(CelRule.Match.ANY),
            provenance("refs/heads/feature", "01"),
            provenance("refs/heads/main", "02"));
    assertEquals(Verdict.ALLOW, d.verdict(), Explanations.toText(d));
    assertEquals(2, d.results().get(0).evidence().size());
  }

  @Test
  void allMatchRequiresEveryTrustedAttestation() {
    Decision d =
        decide(
            policy(CelRule.Match.ALL),
            provenance("refs/heads/feature", "01"),
            provenance("refs/heads/main", "02"));
    assertEquals(Verdict.DENY, d.verdict());
    assertTrue(
        d.results()
            .get(0)
            .message()
            .contains("not every trusted attestation satisfies 'built from main'"));
  }

  @Test
  void anEvaluationErrorDeniesAndIsReported() {
    RulePolicy policy =
        RulePolicy.builder("p")
            .rule(
                CelRule.builder("x")
                    .predicateType(TYPE)
                    .authority(CI)
                    .expression("predicate.missing == 1")
                    .build())
            .build();
    Decision d = decide(policy, provenance("refs/heads/main", "01"));
    assertEquals(Verdict.DENY, d.verdict());
    assertTrue(
        d.results().get(0).message().contains("error: no such key: missing"),
        d.results().get(0).message());
  }

  @Test
  void javaBuilderRejectsAnExpressionThatDoesNotCompile() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CelRule.builder("x")
                    .predicateType(TYPE)
                    .authority(CI)
                    .expression("predicat.x == 1")
                    .build());
    assertTrue(e.getMessage().contains("1:1"), e.getMessage());
  }

  @Test
  void policyFilesReportCompileErrorsWithTheirPosition() {
    String yaml =
        String.join(
            "\n",
            "apiVersion: ssc.dev/policy/v1",
            "kind: Policy",
            "metadata: {name: p}",
            "authorities:",
            "  ci: {keys: [{keyId: ci-key}]}",
            "rules:",
            "  - rule: cel",
            "    predicateType: " + TYPE,
            "    authority: ci",
            "    expression: predicate.x == 'a' && predicat.y == 1",
            "");
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () ->
                PolicyLoader.withBuiltIns()
                    .parse(yaml.getBytes(StandardCharsets.UTF_8), "p.yaml", dir));
    assertTrue(
        e.getMessage()
            .startsWith(
                "p.yaml:10:17: CEL expression does not compile at 1:23 of the expression: "),
        e.getMessage());
  }
}
