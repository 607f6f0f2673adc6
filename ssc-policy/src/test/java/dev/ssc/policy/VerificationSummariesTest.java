package dev.ssc.policy;

import static dev.ssc.policy.TestEvidence.NOW;
import static dev.ssc.policy.TestEvidence.SUBJECT;
import static dev.ssc.policy.TestEvidence.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.SlsaVerificationSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class VerificationSummariesTest {
  static Decision decision(String policyId, DigestSet subject, RuleResult.Outcome outcome) {
    return Decision.builder()
        .policyId(policyId)
        .subject(subject)
        .evaluatedAt(NOW)
        .addResults(
            RuleResult.builder()
                .ruleId("build.provenance")
                .outcome(outcome)
                .message("m")
                .addEvidence(Digest.sha256(hex(1)))
                .addEvidence(Digest.sha256(hex(2)))
                .build())
        .build();
  }

  static VerificationSummaries.Options.Builder options() {
    return VerificationSummaries.Options.builder()
        .verifierId("https://gate.acme.example/staging")
        .resourceUri("pkg:maven/com.acme/web@1.4.0");
  }

  @Test
  void summarizesAnAllowingDecision() throws Exception {
    Statement s =
        VerificationSummaries.summarize(
            decision("acme/web@1", SUBJECT, RuleResult.Outcome.PASS),
            options()
                .environment("staging")
                .policyDigest(Digest.sha256(hex(9)))
                .verifierVersion("ssc", "0.1.0")
                .build());
    assertEquals(SlsaVerificationSummary.URI, s.predicateType());
    assertTrue(s.isAbout(SUBJECT));
    assertEquals("pkg:maven/com.acme/web@1.4.0", s.subjects().get(0).name().orElseThrow());
    SlsaVerificationSummary vsa = SlsaVerificationSummary.PREDICATE.decode(s.predicate(), "vsa");
    assertEquals("https://gate.acme.example/staging", vsa.verifierId());
    assertEquals(Map.of("ssc", "0.1.0"), vsa.verifierVersion());
    assertEquals(NOW, vsa.timeVerified());
    assertEquals("pkg:maven/com.acme/web@1.4.0", vsa.resourceUri());
    assertEquals(
        "https://ssc.dev/policy/acme/web%401?environment=staging",
        vsa.policy().uri().orElseThrow());
    assertEquals(DigestSet.sha256(hex(9)), vsa.policy().digest());
    assertEquals(
        List.of(DigestSet.sha256(hex(1)), DigestSet.sha256(hex(2))),
        vsa.inputAttestations().stream()
            .map(d -> d.digest())
            .collect(java.util.stream.Collectors.toList()));
    assertEquals(SlsaVerificationSummary.Result.PASSED, vsa.verificationResult());
    assertEquals(List.of(VerificationSummaries.POLICY_PASSED_LEVEL), vsa.verifiedLevels());
    assertTrue(vsa.slsaVersion().isEmpty());
  }

  @Test
  void recordsSlsaLevelsOnlyWhenGiven() throws Exception {
    Statement s =
        VerificationSummaries.summarize(
            decision("p", SUBJECT, RuleResult.Outcome.PASS),
            options().verifiedLevel("SLSA_BUILD_LEVEL_3").build());
    SlsaVerificationSummary vsa = SlsaVerificationSummary.PREDICATE.decode(s.predicate(), "vsa");
    assertEquals(List.of("SLSA_BUILD_LEVEL_3"), vsa.verifiedLevels());
    assertEquals(Optional.of("1.0"), vsa.slsaVersion());
    assertEquals("https://ssc.dev/policy/p", vsa.policy().uri().orElseThrow());
  }

  @Test
  void aDenyingDecisionCannotBeSummarized() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                VerificationSummaries.summarize(
                    decision("p", SUBJECT, RuleResult.Outcome.FAIL), options().build()));
    assertTrue(e.getMessage().contains("DENY"), e.getMessage());
  }

  @Test
  void levelsAndOptionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> options().verifiedLevel("FAILED"));
    assertThrows(IllegalArgumentException.class, () -> options().verifiedLevel("SLSA_GOLD"));
    assertThrows(IllegalArgumentException.class, () -> options().verifiedLevel("lower"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            options()
                .verifiedLevel("SLSA_BUILD_LEVEL_2")
                .verifiedLevel("SLSA_BUILD_LEVEL_3")
                .build());
    assertThrows(IllegalArgumentException.class, () -> options().environment("Staging"));
    assertThrows(
        IllegalStateException.class, () -> VerificationSummaries.Options.builder().build());
    assertTrue(
        options().verifiedLevel("SLSA_BUILD_LEVEL_3").verifiedLevel("ACME_HARDENED").build()
            != null);
  }

  @Test
  void onlyTheCanonicalPolicyUriIsRead() {
    assertTrue(VerificationSummaries.parsePolicyUri("https://ssc.dev/policy/a%40b").isPresent());
    for (String bad :
        List.of(
            "https://example.com/policy/a",
            "https://ssc.dev/policy/",
            "https://ssc.dev/policy/a%4",
            "https://ssc.dev/policy/a%40b?env=staging",
            "https://ssc.dev/policy/a?environment=Staging",
            "https://ssc.dev/policy/a%62",
            "https://ssc.dev/policy/a b",
            "https://ssc.dev/policy/a?environment=staging&x=1")) {
      assertTrue(VerificationSummaries.parsePolicyUri(bad).isEmpty(), bad);
    }
  }

  @Provide
  Arbitrary<String> policyIds() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
  }

  @Provide
  Arbitrary<Optional<String>> environments() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
        .ofMinLength(0)
        .ofMaxLength(20)
        .map(s -> s.isEmpty() ? Optional.<String>empty() : Optional.of("e" + s));
  }

  @Property(tries = 500)
  void thePolicyUriRoundTrips(
      @ForAll("policyIds") String policyId, @ForAll("environments") Optional<String> environment) {
    String uri = VerificationSummaries.policyUri(policyId, environment.orElse(null));
    VerificationSummaries.PolicyRef ref = VerificationSummaries.parsePolicyUri(uri).orElseThrow();
    // Unpaired surrogates do not survive UTF-8; every real id does.
    if (policyId.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)) {
      assertEquals(policyId, ref.policyId);
    }
    assertEquals(environment.orElse(null), ref.environment);
    assertTrue(java.net.URI.create(uri).isAbsolute(), uri);
  }
}
