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
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TestRuleTest {
  private static final Authority RUNNER = Authority.ofKeyIds("ci", 1, Set.of("ci-key"));

  private static TestRule.Builder rule() {
    return TestRule.builder().authority(RUNNER).requiredSuite("unit").requiredSuite("integration");
  }

  static TestResult result(TestResult.Result result, List<String> passed, List<String> failed) {
    return TestResult.builder()
        .result(result)
        .addAllPassedTests(passed)
        .addAllFailedTests(failed)
        .build();
  }

  static VerifiedAttestation run(DigestSet about, TestResult t, long id, String signer) {
    return verified(about, TestResult.URI, TestResult.PREDICATE.encode(t), hex(id), signer);
  }

  private static final TestResult GREEN =
      result(TestResult.Result.PASSED, List.of("unit", "integration", "lint"), List.of());

  private static RuleResult evaluate(Rule rule, VerifiedAttestation... evidence) {
    return TestEvidence.evaluateOne(
        RulePolicy.builder("acme/web"),
        rule,
        PolicyInput.builder().subject(SUBJECT).time(NOW).addAllEvidence(List.of(evidence)).build());
  }

  @Test
  void passesWithAPassingResultForTheReleaseCandidate() {
    RuleResult r = evaluate(rule().build(), run(SUBJECT, GREEN, 1, "ci-key"));
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
    assertTrue(r.message().contains("unit, integration"), r.message());
    assertEquals(List.of(Digest.sha256(hex(1))), r.evidence());
  }

  @Test
  void testsOfAnotherDigestAreNamedInTheFailure() {
    RuleResult r = evaluate(rule().build(), run(OTHER, GREEN, 1, "ci-key"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(
        r.message()
            .contains(
                "tests ran on "
                    + OTHER.sha256().orElseThrow()
                    + " ("
                    + Digest.sha256(hex(1))
                    + ") but the release candidate is "
                    + SUBJECT.sha256().orElseThrow()),
        r.message());
    assertTrue(r.remedy().orElseThrow().contains("this exact digest"));
  }

  @Test
  void aResultFromAnUntrustedRunnerDoesNotCount() {
    RuleResult r = evaluate(rule().build(), run(SUBJECT, GREEN, 1, "laptop-key"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("laptop-key"), r.message());
  }

  @Test
  void aMissingRequiredSuiteFails() {
    TestResult unitOnly = result(TestResult.Result.PASSED, List.of("unit"), List.of());
    RuleResult r = evaluate(rule().build(), run(SUBJECT, unitOnly, 1, "ci-key"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(
        r.message().contains("suite 'integration' is not among the passed tests"), r.message());
  }

  @Test
  void aRequiredSuiteThatFailedInAnyTrustedRunFails() {
    TestResult red = result(TestResult.Result.FAILED, List.of("unit"), List.of("integration"));
    RuleResult r =
        evaluate(rule().build(), run(SUBJECT, GREEN, 1, "ci-key"), run(SUBJECT, red, 2, "ci-key"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(
        r.message().contains("suite 'integration' failed or warned in " + Digest.sha256(hex(2))),
        r.message());
  }

  @Test
  void aFailedResultAloneFails() {
    TestResult red = result(TestResult.Result.FAILED, List.of(), List.of("other"));
    RuleResult r =
        evaluate(TestRule.builder().authority(RUNNER).build(), run(SUBJECT, red, 1, "ci-key"));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("is FAILED"), r.message());
  }

  @Test
  void warningsFailUnlessAllowed() {
    TestResult warned =
        TestResult.builder()
            .result(TestResult.Result.WARNED)
            .addAllPassedTests(List.of("unit"))
            .addAllWarnedTests(List.of("integration"))
            .build();
    RuleResult strict = evaluate(rule().build(), run(SUBJECT, warned, 1, "ci-key"));
    assertEquals(RuleResult.Outcome.FAIL, strict.outcome());
    assertTrue(strict.message().contains("warnings are not allowed"), strict.message());
    RuleResult lenient =
        evaluate(rule().allowWarned(true).build(), run(SUBJECT, warned, 1, "ci-key"));
    assertEquals(RuleResult.Outcome.PASS, lenient.outcome(), lenient.message());
  }

  @Test
  void theBuilderNeedsARunner() {
    assertThrows(IllegalStateException.class, () -> TestRule.builder().build());
    assertThrows(IllegalArgumentException.class, () -> TestRule.builder().requiredSuite(" "));
  }

  /** Each run: about the subject or not, trusted or not, and which suites passed or failed. */
  @Provide
  Arbitrary<List<Object[]>> runs() {
    Arbitrary<List<String>> suites =
        Arbitraries.of("unit", "integration").list().uniqueElements().ofMaxSize(2);
    return Combinators.combine(
            Arbitraries.of(true, false), Arbitraries.of(true, false), suites, suites)
        .as(
            (aboutSubject, trusted, passed, failed) ->
                new Object[] {aboutSubject, trusted, passed, failed})
        .list()
        .ofMaxSize(4);
  }

  @Property(tries = 300)
  @SuppressWarnings("unchecked")
  void passesExactlyWhenATrustedRunOfTheSubjectCoversTheSuitesAndNoneFailsThem(
      @ForAll("runs") List<Object[]> runs) {
    List<VerifiedAttestation> evidence = new ArrayList<>();
    Set<String> passedSuites = new java.util.HashSet<>();
    Set<String> failedSuites = new java.util.HashSet<>();
    boolean anyPassingRun = false;
    for (int i = 0; i < runs.size(); i++) {
      boolean aboutSubject = (Boolean) runs.get(i)[0];
      boolean trusted = (Boolean) runs.get(i)[1];
      List<String> passed = (List<String>) runs.get(i)[2];
      List<String> failed = new ArrayList<>((List<String>) runs.get(i)[3]);
      failed.removeAll(passed);
      TestResult.Result outcome =
          failed.isEmpty() ? TestResult.Result.PASSED : TestResult.Result.FAILED;
      evidence.add(
          run(
              aboutSubject ? SUBJECT : OTHER,
              result(outcome, passed, failed),
              i + 1,
              trusted ? "ci-key" : "mallory"));
      if (aboutSubject && trusted) {
        failedSuites.addAll(failed);
        if (outcome == TestResult.Result.PASSED) {
          anyPassingRun = true;
          passedSuites.addAll(passed);
        }
      }
    }
    boolean expected =
        anyPassingRun
            && passedSuites.containsAll(List.of("unit", "integration"))
            && failedSuites.isEmpty();
    RuleResult r = evaluate(rule().build(), evidence.toArray(new VerifiedAttestation[0]));
    assertEquals(
        expected ? RuleResult.Outcome.PASS : RuleResult.Outcome.FAIL, r.outcome(), r.message());
  }

  private static final String YAML =
      "apiVersion: ssc.dev/policy/v1\n"
          + "kind: Policy\n"
          + "metadata: {name: acme/web}\n"
          + "authorities:\n"
          + "  ci: {threshold: 1, keys: [{keyId: ci-key}]}\n"
          + "rules:\n"
          + "  - rule: tests\n"
          + "    authority: ci\n"
          + "    requiredSuites: [unit, integration]\n"
          + "    allowWarned: false\n";

  @Test
  void loadsFromYaml() throws Exception {
    RulePolicy p = TestEvidence.load(YAML);
    PolicyInput.Builder in = PolicyInput.builder().subject(SUBJECT).time(NOW);
    assertEquals(
        Verdict.ALLOW,
        p.evaluate(in.addEvidence(run(SUBJECT, GREEN, 1, "ci-key")).build()).verdict());
    assertEquals(
        Verdict.DENY,
        p.evaluate(
                PolicyInput.builder()
                    .subject(SUBJECT)
                    .time(NOW)
                    .addEvidence(run(OTHER, GREEN, 1, "ci-key"))
                    .build())
            .verdict());
  }

  @Test
  void aBadAllowWarnedIsReportedAtItsLineAndColumn() {
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> TestEvidence.load(YAML.replace("allowWarned: false", "allowWarned: sometimes")));
    assertTrue(e.getMessage().startsWith("policy.yaml:10:18: "), e.getMessage());
  }

  @Test
  void anUnknownAuthorityIsReportedAtItsLineAndColumn() {
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> TestEvidence.load(YAML.replace("authority: ci", "authority: jenkins")));
    assertTrue(e.getMessage().startsWith("policy.yaml:8:16: "), e.getMessage());
  }
}
