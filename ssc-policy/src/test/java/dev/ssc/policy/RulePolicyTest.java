package dev.ssc.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RulePolicyTest {
  private static final String PROVENANCE = "https://slsa.dev/provenance/v1";
  private static final DigestSet SUBJECT =
      DigestSet.sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  private static final DigestSet OTHER =
      DigestSet.sha256("60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752");
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Environment PROD =
      Environment.builder().name("production").addPromoters(Role.of("release-manager")).build();

  private static final RulePolicy POLICY =
      RulePolicy.builder("acme/production")
          .rule(
              Rules.requireAttestation(
                  "build.provenance", PROVENANCE, Authority.ofKeyIds("ci", 1, Set.of("ci-key"))))
          .rule(Rules.requirePromoterRole())
          .build();

  @VerifierOnly
  static VerifiedAttestation attestation(
      DigestSet about, String type, String signer, String evidenceHex) {
    return VerifiedAttestation.builder()
        .statement(
            Statement.builder()
                .addSubjects(ResourceDescriptor.of("app.jar", about))
                .predicateType(type)
                .build())
        .evidenceId(Digest.sha256(evidenceHex))
        .addSignerKeyIds(signer)
        .verifiedAt(NOW)
        .build();
  }

  private static PolicyInput.Builder input() {
    return PolicyInput.builder().subject(SUBJECT).time(NOW).environment(PROD);
  }

  private static final String E1 = "1".repeat(64);

  @Test
  void allowsWhenEveryRulePassesAndCitesTheEvidence() {
    Decision d =
        POLICY.evaluate(
            input()
                .addEvidence(attestation(SUBJECT, PROVENANCE, "ci-key", E1))
                .principal(Principal.of("rita", Role.of("release-manager")))
                .build());
    assertEquals(Verdict.ALLOW, d.verdict());
    assertEquals(Set.of(Digest.sha256(E1)), d.evidence());
  }

  @Test
  void deniesProvenanceAboutAnotherDigest() {
    Decision d =
        POLICY.evaluate(
            input()
                .addEvidence(attestation(OTHER, PROVENANCE, "ci-key", E1))
                .principal(Principal.of("rita", Role.of("release-manager")))
                .build());
    assertEquals(Verdict.DENY, d.verdict());
    RuleResult r = d.results().get(0);
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.remedy().orElseThrow().contains("this exact digest"));
  }

  @Test
  void deniesProvenanceSignedByAnUntrustedKey() {
    Decision d =
        POLICY.evaluate(
            input()
                .addEvidence(attestation(SUBJECT, PROVENANCE, "laptop-key", E1))
                .principal(Principal.of("rita", Role.of("release-manager")))
                .build());
    assertEquals(Verdict.DENY, d.verdict());
    assertTrue(d.results().get(0).message().contains("laptop-key"));
  }

  @Test
  void deniesAnActorWithoutThePromoterRole() {
    Decision d =
        POLICY.evaluate(
            input()
                .addEvidence(attestation(SUBJECT, PROVENANCE, "ci-key", E1))
                .principal(Principal.of("dave", Role.of("developer")))
                .build());
    assertEquals(Verdict.DENY, d.verdict());
    assertEquals("promotion.role", d.results().get(1).ruleId());
    assertTrue(d.results().get(1).remedy().orElseThrow().contains("release-manager"));
  }

  @Test
  void aThrowingRuleDeniesWithAnError() {
    Rule broken =
        new Rule() {
          @Override
          public String id() {
            return "broken";
          }

          @Override
          public RuleResult evaluate(RuleContext context) {
            throw new IllegalStateException("boom");
          }
        };
    Decision d = RulePolicy.builder("p").rule(broken).build().evaluate(input().build());
    assertEquals(Verdict.DENY, d.verdict());
    assertEquals(RuleResult.Outcome.ERROR, d.results().get(0).outcome());
  }

  @Test
  void anEmptyPolicyCannotBeBuilt() {
    assertThrows(IllegalArgumentException.class, () -> RulePolicy.builder("p").build());
  }

  @Test
  void duplicateRuleIdsAreRejected() {
    RulePolicy.Builder b = RulePolicy.builder("p").rule(Rules.requirePromoterRole());
    assertThrows(IllegalArgumentException.class, () -> b.rule(Rules.requirePromoterRole()));
  }

  @Property(tries = 200)
  void addingEvidenceNeverTurnsAnAllowIntoADeny(@ForAll("noise") List<VerifiedAttestation> noise) {
    PolicyInput base =
        input()
            .addEvidence(attestation(SUBJECT, PROVENANCE, "ci-key", E1))
            .principal(Principal.of("rita", Role.of("release-manager")))
            .build();
    assertEquals(Verdict.ALLOW, POLICY.evaluate(base).verdict());
    PolicyInput more =
        input()
            .addAllEvidence(noise)
            .addAllEvidence(base.evidence())
            .principal(base.principal().orElseThrow())
            .build();
    assertEquals(Verdict.ALLOW, POLICY.evaluate(more).verdict());
  }

  @Property(tries = 200)
  void withoutTrustedProvenanceNothingIsAllowed(@ForAll("noise") List<VerifiedAttestation> noise) {
    Decision d =
        POLICY.evaluate(
            input()
                .addAllEvidence(noise)
                .principal(Principal.of("rita", Role.of("release-manager")))
                .build());
    assertEquals(Verdict.DENY, d.verdict());
  }

  /** Attestations that must not satisfy the provenance rule: wrong subject, type or signer. */
  @Provide
  Arbitrary<List<VerifiedAttestation>> noise() {
    Arbitrary<VerifiedAttestation> one =
        Arbitraries.of(0, 1, 2)
            .flatMap(
                kind ->
                    Arbitraries.strings()
                        .withChars("0123456789abcdef")
                        .ofLength(64)
                        .map(
                            hex -> {
                              switch (kind) {
                                case 0:
                                  return attestation(OTHER, PROVENANCE, "ci-key", hex);
                                case 1:
                                  return attestation(
                                      SUBJECT, "https://example.com/other", "ci-key", hex);
                                default:
                                  return attestation(SUBJECT, PROVENANCE, "mallory", hex);
                              }
                            }));
    return one.list().ofMaxSize(5);
  }
}
