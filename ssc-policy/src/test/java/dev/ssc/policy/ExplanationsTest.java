package dev.ssc.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.RuleResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExplanationsTest {
  @Test
  void rendersEveryRuleWithEvidenceAndRemedy() {
    Decision d =
        Decision.builder()
            .policyId("acme/production")
            .subject(DigestSet.sha256("a".repeat(64)))
            .evaluatedAt(Instant.parse("2026-11-25T12:00:00Z"))
            .addResults(
                RuleResult.builder()
                    .ruleId("build.provenance")
                    .outcome(RuleResult.Outcome.PASS)
                    .message("found provenance")
                    .addEvidence(Digest.sha256("1".repeat(64)))
                    .build())
            .addResults(
                RuleResult.builder()
                    .ruleId("promotion.role")
                    .outcome(RuleResult.Outcome.FAIL)
                    .message("dave may not promote")
                    .remedy("ask a release-manager")
                    .build())
            .build();
    assertEquals(
        "DENY {sha256:"
            + "a".repeat(64)
            + "} by acme/production at 2026-11-25T12:00:00Z\n"
            + "  [PASS] build.provenance: found provenance\n"
            + "         evidence: sha256:"
            + "1".repeat(64)
            + "\n"
            + "  [FAIL] promotion.role: dave may not promote\n"
            + "         to satisfy: ask a release-manager\n",
        Explanations.toText(d));
  }
}
