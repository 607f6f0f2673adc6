package dev.ssc.policy;

import static dev.ssc.policy.TestEvidence.NOW;
import static dev.ssc.policy.TestEvidence.OTHER;
import static dev.ssc.policy.TestEvidence.SUBJECT;
import static dev.ssc.policy.TestEvidence.hex;
import static dev.ssc.policy.TestEvidence.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.identity.Role;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.api.promotion.Environment;
import dev.ssc.attest.predicate.SlsaVerificationSummary;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PassedEnvironmentRuleTest {
  private static final Authority GATE = Authority.ofKeyIds("gate", 1, Set.of("gate-key"));
  private static final Role RM = Role.of("release-manager");
  private static final Environment STAGING =
      Environment.builder().name("staging").addPromoters(RM).build();
  private static final Environment PRODUCTION =
      Environment.builder().name("production").requiresPassed("staging").addPromoters(RM).build();

  /** A staging gate's policy: one rule that the test decides. */
  private static Decision stagingDecision(DigestSet subject) {
    Rule ok =
        new Rule() {
          @Override
          public String id() {
            return "ok";
          }

          @Override
          public RuleResult evaluate(RuleContext context) {
            return RuleResult.builder()
                .ruleId("ok")
                .outcome(RuleResult.Outcome.PASS)
                .message("ok")
                .build();
          }
        };
    RulePolicy staging =
        RulePolicy.builder("acme/staging")
            .environment(EnvironmentRules.builder(STAGING).rule(ok).build())
            .build();
    Decision d =
        staging.evaluate(
            PolicyInput.builder().subject(subject).time(NOW).environment(STAGING).build());
    assertEquals(Verdict.ALLOW, d.verdict());
    return d;
  }

  private static VerifiedAttestation vsa(DigestSet subject, String environment, String signer) {
    Statement s =
        VerificationSummaries.summarize(
            stagingDecision(subject),
            VerificationSummaries.Options.builder()
                .verifierId("https://gate.acme.example")
                .resourceUri("oci://registry.acme.example/web")
                .environment(environment)
                .build());
    return TestEvidence.verified(s, hex(7), signer);
  }

  private static RuleResult evaluate(
      Rule rule, Environment target, VerifiedAttestation... evidence) {
    RulePolicy production =
        RulePolicy.builder("acme/production")
            .environment(EnvironmentRules.builder(STAGING).rule(rule).build())
            .environment(EnvironmentRules.builder(PRODUCTION).rule(rule).build())
            .build();
    Decision d =
        production.evaluate(
            PolicyInput.builder()
                .subject(SUBJECT)
                .time(NOW)
                .environment(target)
                .principal(Principal.of("rita", RM))
                .addAllEvidence(List.of(evidence))
                .build());
    return d.results().get(0);
  }

  private static PassedEnvironmentRule rule() {
    return PassedEnvironmentRule.builder().authority(GATE).build();
  }

  @Test
  void aSummaryFromTheStagingGateLetsTheDigestIntoProduction() {
    RuleResult r = evaluate(rule(), PRODUCTION, vsa(SUBJECT, "staging", "gate-key"));
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
    assertTrue(r.message().contains("passed staging"), r.message());
    assertTrue(r.message().contains("acme/staging"), r.message());
  }

  @Test
  void aFailedSummaryDoesNotCount() {
    SlsaVerificationSummary failed =
        SlsaVerificationSummary.builder()
            .verifierId("https://gate.acme.example")
            .timeVerified(NOW)
            .resourceUri("oci://registry.acme.example/web")
            .policy(
                ResourceDescriptor.builder()
                    .uri(VerificationSummaries.policyUri("acme/staging", "staging"))
                    .build())
            .verificationResult(SlsaVerificationSummary.Result.FAILED)
            .addVerifiedLevels("FAILED")
            .build();
    VerifiedAttestation a =
        verified(
            SUBJECT,
            SlsaVerificationSummary.URI,
            SlsaVerificationSummary.PREDICATE.encode(failed),
            hex(7),
            "gate-key");
    RuleResult r = evaluate(rule(), PRODUCTION, a);
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("verificationResult is FAILED"), r.message());
    assertTrue(r.remedy().orElseThrow().contains("through staging first"));
  }

  @Test
  void aSummaryForAnotherEnvironmentDoesNotCount() {
    RuleResult r = evaluate(rule(), PRODUCTION, vsa(SUBJECT, "qa", "gate-key"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("is for qa, not staging"), r.message());
  }

  @Test
  void aSummaryOfAnotherDigestDoesNotCount() {
    RuleResult r = evaluate(rule(), PRODUCTION, vsa(OTHER, "staging", "gate-key"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("is about " + OTHER + ", another digest"), r.message());
  }

  @Test
  void aSummarySignedByAnotherKeyDoesNotCount() {
    RuleResult r = evaluate(rule(), PRODUCTION, vsa(SUBJECT, "staging", "laptop-key"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("laptop-key"), r.message());
  }

  @Test
  void thePolicyMustBeUnderTheConfiguredPrefix() {
    VerifiedAttestation a = vsa(SUBJECT, "staging", "gate-key");
    assertEquals(
        RuleResult.Outcome.PASS,
        evaluate(
                PassedEnvironmentRule.builder().authority(GATE).policy("acme").build(),
                PRODUCTION,
                a)
            .outcome());
    RuleResult r =
        evaluate(
            PassedEnvironmentRule.builder().authority(GATE).policy("acme/prod").build(),
            PRODUCTION,
            a);
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(
        r.message().contains("names policy 'acme/staging', not under 'acme/prod'"), r.message());
    assertEquals(
        RuleResult.Outcome.FAIL,
        evaluate(
                PassedEnvironmentRule.builder().authority(GATE).policy("acm").build(),
                PRODUCTION,
                a)
            .outcome());
  }

  @Test
  void withoutARequiredEnvironmentTheRuleDoesNotApply() {
    RuleResult r = evaluate(rule(), STAGING);
    assertEquals(RuleResult.Outcome.NOT_APPLICABLE, r.outcome());
    RuleResult named =
        evaluate(
            PassedEnvironmentRule.builder().authority(GATE).environment("qa").build(), STAGING);
    assertEquals(RuleResult.Outcome.FAIL, named.outcome());
  }

  @Test
  void aSummaryFromTheFutureDoesNotCount() {
    Statement s =
        VerificationSummaries.summarize(
            Decision.builder()
                .policyId("acme/staging")
                .subject(SUBJECT)
                .evaluatedAt(NOW.plusSeconds(3600))
                .addResults(
                    RuleResult.builder()
                        .ruleId("ok")
                        .outcome(RuleResult.Outcome.PASS)
                        .message("ok")
                        .build())
                .build(),
            VerificationSummaries.Options.builder()
                .verifierId("https://gate.acme.example")
                .resourceUri("oci://registry.acme.example/web")
                .environment("staging")
                .build());
    RuleResult r = evaluate(rule(), PRODUCTION, TestEvidence.verified(s, hex(7), "gate-key"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("after the evaluation time"), r.message());
  }

  @Test
  void theBuilderChecksItsFields() {
    assertThrows(IllegalStateException.class, () -> PassedEnvironmentRule.builder().build());
    assertThrows(
        IllegalArgumentException.class, () -> PassedEnvironmentRule.builder().environment("Prod"));
    assertThrows(IllegalArgumentException.class, () -> PassedEnvironmentRule.builder().policy(" "));
  }

  @Property(tries = 200)
  void passesOnlyWhenEveryPartOfTheSummaryIsRight(
      @ForAll boolean rightDigest, @ForAll boolean rightEnvironment, @ForAll boolean rightSigner) {
    VerifiedAttestation a =
        vsa(
            rightDigest ? SUBJECT : OTHER,
            rightEnvironment ? "staging" : "qa",
            rightSigner ? "gate-key" : "mallory");
    RuleResult r = evaluate(rule(), PRODUCTION, a);
    assertEquals(
        rightDigest && rightEnvironment && rightSigner
            ? RuleResult.Outcome.PASS
            : RuleResult.Outcome.FAIL,
        r.outcome(),
        r.message());
  }

  private static final String YAML =
      "apiVersion: ssc.dev/policy/v1\n"
          + "kind: Policy\n"
          + "metadata: {name: acme/web}\n"
          + "authorities:\n"
          + "  gate: {threshold: 1, keys: [{keyId: gate-key}]}\n"
          + "environments:\n"
          + "  staging:\n"
          + "    promoters: [release-manager]\n"
          + "  production:\n"
          + "    promoters: [release-manager]\n"
          + "    requiresPassed: staging\n"
          + "    rules:\n"
          + "      - rule: passed-environment\n"
          + "        authority: gate\n"
          + "        policy: acme\n";

  @Test
  void loadsFromYaml() throws Exception {
    RulePolicy p = TestEvidence.load(YAML);
    PolicyInput in =
        PolicyInput.builder()
            .subject(SUBJECT)
            .time(NOW)
            .environment(PRODUCTION)
            .addEvidence(vsa(SUBJECT, "staging", "gate-key"))
            .build();
    assertEquals(Verdict.ALLOW, p.evaluate(in).verdict());
    PolicyInput other =
        PolicyInput.builder()
            .subject(SUBJECT)
            .time(NOW)
            .environment(PRODUCTION)
            .addEvidence(vsa(OTHER, "staging", "gate-key"))
            .build();
    assertEquals(Verdict.DENY, p.evaluate(other).verdict());
  }

  @Test
  void aBadEnvironmentIsReportedAtItsLineAndColumn() {
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> TestEvidence.load(YAML + "        environment: Staging\n"));
    assertTrue(e.getMessage().startsWith("policy.yaml:16:22: "), e.getMessage());
    assertTrue(e.getMessage().contains("lowercase"), e.getMessage());
  }
}
