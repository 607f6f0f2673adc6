package dev.ssc.policy;

import static dev.ssc.policy.TestEvidence.NOW;
import static dev.ssc.policy.TestEvidence.SUBJECT;
import static dev.ssc.policy.TestEvidence.hex;
import static dev.ssc.policy.TestEvidence.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Role;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.json.Json;
import dev.ssc.attest.predicate.CodeReview;
import dev.ssc.attest.predicate.ReviewApproval;
import dev.ssc.attest.predicate.SlsaProvenance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CodeReviewRuleTest {
  private static final String COMMIT = "4d329c75e7ec1725f7c9ce917a8799d408d06be3";
  private static final String OTHER_COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private static final Role MAINTAINER = Role.of("maintainer");
  private static final Authority REVIEWS = Authority.ofKeyIds("github", 1, Set.of("review-key"));
  private static final Authority CI = Authority.ofKeyIds("ci", 1, Set.of("ci-key"));

  private static RulePolicy.Builder policy() {
    return RulePolicy.builder("acme/web")
        .principal("bob", List.of(MAINTAINER))
        .principal("carol", List.of(MAINTAINER))
        .principal("alice", List.of(MAINTAINER))
        .principal("erin", List.of(MAINTAINER))
        .principal("dave", List.of(Role.of("developer")));
  }

  private static CodeReviewRule rule(int minApprovals) {
    return CodeReviewRule.builder()
        .authority(REVIEWS)
        .provenanceAuthority(CI)
        .minApprovals(minApprovals)
        .build();
  }

  static JsonObject provenance(DigestSet source) {
    return SlsaProvenance.PREDICATE.encode(
        SlsaProvenance.builder()
            .buildType("https://ssc.dev/build/maven/v1")
            .externalParameters(
                new JsonObject(Map.of("repository", new JsonString("https://github.com/acme/web"))))
            .builderId("https://ci.acme.example")
            .addResolvedDependencies(
                ResourceDescriptor.builder()
                    .uri("https://repo.maven.apache.org/maven2/junit/junit/4.13.2/junit-4.13.2.jar")
                    .digest(DigestSet.sha256(hex(77)))
                    .build())
            .addResolvedDependencies(
                ResourceDescriptor.builder()
                    .uri("git+https://github.com/acme/web@refs/heads/main")
                    .digest(source)
                    .build())
            .build());
  }

  static DigestSet gitCommit(String hex) {
    return DigestSet.of(Digest.of(DigestAlgorithm.GIT_COMMIT, hex));
  }

  static JsonObject review(String commit, String author, String... reviewers) {
    CodeReview.Builder b =
        CodeReview.builder()
            .repository("https://github.com/acme/web")
            .changeId("42")
            .reviewedCommit(Digest.of(DigestAlgorithm.GIT_COMMIT, commit))
            .author(author);
    for (String r : reviewers) {
      // Every approval claims to be a maintainer's: the claim must not matter.
      b.addApprovals(ReviewApproval.builder().reviewer(r).role("maintainer").time(NOW).build());
    }
    return CodeReview.PREDICATE.encode(b.build());
  }

  private static VerifiedAttestation builtFrom(String commit) {
    return verified(SUBJECT, SlsaProvenance.URI, provenance(gitCommit(commit)), hex(1), "ci-key");
  }

  private static VerifiedAttestation reviewed(JsonObject review, long id) {
    return verified(SUBJECT, CodeReview.URI, review, hex(id), "review-key");
  }

  private static PolicyInput.Builder input(VerifiedAttestation... evidence) {
    return PolicyInput.builder().subject(SUBJECT).time(NOW).addAllEvidence(List.of(evidence));
  }

  private static RuleResult evaluate(CodeReviewRule rule, VerifiedAttestation... evidence) {
    return TestEvidence.evaluateOne(policy(), rule, input(evidence).build());
  }

  @Test
  void passesWithEnoughMaintainerApprovalsOfTheBuiltCommit() {
    RuleResult r =
        evaluate(rule(2), builtFrom(COMMIT), reviewed(review(COMMIT, "alice", "bob", "carol"), 2));
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
    assertTrue(r.message().contains("bob, carol"), r.message());
    assertEquals(List.of(Digest.sha256(hex(1)), Digest.sha256(hex(2))), r.evidence());
  }

  @Test
  void aRoleTheApprovalClaimsIsNotTrusted() {
    RuleResult r =
        evaluate(rule(2), builtFrom(COMMIT), reviewed(review(COMMIT, "alice", "bob", "dave"), 2));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("dave (not a maintainer)"), r.message());
    assertTrue(r.message().contains("1 approval by a maintainer (bob)"), r.message());
    assertTrue(r.remedy().orElseThrow().contains(COMMIT));
  }

  @Test
  void anUnknownReviewerHoldsNoRole() {
    RuleResult r =
        evaluate(rule(1), builtFrom(COMMIT), reviewed(review(COMMIT, "alice", "mallory"), 2));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("mallory (not a maintainer)"), r.message());
  }

  @Test
  void theAuthorsOwnApprovalIsNoReview() throws SscFormatException {
    // The predicate itself rejects a self-approval, so the review is reported as rejected.
    JsonObject selfApproved =
        Json.parseObject(
            Bytes.of(
                ("{\"repository\":\"https://github.com/acme/web\",\"changeId\":\"42\","
                        + "\"reviewedCommit\":{\"gitCommit\":\""
                        + COMMIT
                        + "\"},\"author\":\"alice\",\"approvals\":["
                        + "{\"reviewer\":\"alice\",\"role\":\"maintainer\","
                        + "\"time\":\"2026-11-25T11:00:00Z\"}]}")
                    .getBytes(StandardCharsets.UTF_8)),
            "review");
    RuleResult r = evaluate(rule(1), builtFrom(COMMIT), reviewed(selfApproved, 2));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("rejected"), r.message());
    assertTrue(r.message().contains("by the author 'alice'"), r.message());
  }

  @Test
  void theAuthorIsCountedCaseSensitively() {
    // "Alice" is another principal than "alice"; she counts only if the policy makes her one.
    RuleResult r =
        evaluate(rule(1), builtFrom(COMMIT), reviewed(review(COMMIT, "alice", "Alice"), 2));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("Alice (not a maintainer)"), r.message());
  }

  @Test
  void aReviewOfAnotherCommitDoesNotCount() {
    RuleResult r =
        evaluate(rule(1), builtFrom(COMMIT), reviewed(review(OTHER_COMMIT, "alice", "bob"), 2));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(
        r.message().contains("covers commit " + OTHER_COMMIT + ", but commit " + COMMIT),
        r.message());
  }

  @Test
  void aReviewWhoseSubjectIsTheCommitCounts() {
    VerifiedAttestation aboutCommit =
        verified(
            gitCommit(COMMIT),
            CodeReview.URI,
            review(COMMIT, "alice", "bob"),
            hex(3),
            "review-key");
    RuleResult r = evaluate(rule(1), builtFrom(COMMIT), aboutCommit);
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
  }

  @Test
  void aSha1SourceDigestNamesTheCommit() {
    VerifiedAttestation sha1 =
        verified(
            SUBJECT,
            SlsaProvenance.URI,
            provenance(DigestSet.of(Digest.of(DigestAlgorithm.SHA1, COMMIT))),
            hex(1),
            "ci-key");
    RuleResult r = evaluate(rule(1), sha1, reviewed(review(COMMIT, "alice", "bob"), 2));
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
  }

  @Test
  void aReviewSignedByAnotherKeyDoesNotCount() {
    VerifiedAttestation forged =
        verified(SUBJECT, CodeReview.URI, review(COMMIT, "alice", "bob"), hex(2), "laptop-key");
    RuleResult r = evaluate(rule(1), builtFrom(COMMIT), forged);
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("laptop-key"), r.message());
  }

  @Test
  void withoutTrustedProvenanceTheBuiltCommitIsUnknown() {
    VerifiedAttestation untrusted =
        verified(SUBJECT, SlsaProvenance.URI, provenance(gitCommit(COMMIT)), hex(1), "laptop-key");
    RuleResult r = evaluate(rule(1), untrusted, reviewed(review(COMMIT, "alice", "bob"), 2));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("the built commit is unknown"), r.message());
  }

  @Test
  void provenanceWithoutASourceCommitFails() {
    VerifiedAttestation noCommit =
        verified(
            SUBJECT, SlsaProvenance.URI, provenance(DigestSet.sha256(hex(9))), hex(1), "ci-key");
    RuleResult r = evaluate(rule(1), noCommit, reviewed(review(COMMIT, "alice", "bob"), 2));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("names no git commit"), r.message());
  }

  @Test
  void provenanceDisagreeingOnTheCommitFails() {
    VerifiedAttestation second =
        verified(
            SUBJECT, SlsaProvenance.URI, provenance(gitCommit(OTHER_COMMIT)), hex(5), "ci-key");
    RuleResult r =
        evaluate(rule(1), builtFrom(COMMIT), second, reviewed(review(COMMIT, "alice", "bob"), 2));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("disagrees on the built commit"), r.message());
  }

  @Test
  void approvalsOfSeparateReviewsAreNotAddedUp() {
    RuleResult r =
        evaluate(
            rule(2),
            builtFrom(COMMIT),
            reviewed(review(COMMIT, "alice", "bob"), 2),
            reviewed(review(COMMIT, "alice", "carol"), 3));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
  }

  @Test
  void theRoleIsConfigurable() {
    CodeReviewRule devs =
        CodeReviewRule.builder()
            .authority(REVIEWS)
            .provenanceAuthority(CI)
            .role(Role.of("developer"))
            .build();
    assertEquals(
        RuleResult.Outcome.PASS,
        evaluate(devs, builtFrom(COMMIT), reviewed(review(COMMIT, "alice", "dave"), 2)).outcome());
    assertEquals(
        RuleResult.Outcome.FAIL,
        evaluate(devs, builtFrom(COMMIT), reviewed(review(COMMIT, "alice", "bob"), 2)).outcome());
  }

  @Test
  void theBuilderRejectsZeroApprovalsAndMissingAuthorities() {
    assertThrows(IllegalArgumentException.class, () -> CodeReviewRule.builder().minApprovals(0));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> CodeReviewRule.builder().authority(REVIEWS).build());
    assertTrue(e.getMessage().contains("provenanceAuthority"), e.getMessage());
  }

  @Property(tries = 300)
  void passesExactlyWhenEnoughPolicyMaintainersOtherThanTheAuthorApproved(
      @ForAll("approvers") List<String> approvers, @ForAll @IntRange(min = 1, max = 3) int min) {
    Map<String, Boolean> maintainer =
        Map.of("bob", true, "carol", true, "erin", true, "dave", false, "mallory", false);
    long expected = approvers.stream().filter(maintainer::get).count();
    RuleResult r =
        evaluate(
            rule(min),
            builtFrom(COMMIT),
            reviewed(review(COMMIT, "alice", approvers.toArray(new String[0])), 2));
    assertEquals(
        expected >= min ? RuleResult.Outcome.PASS : RuleResult.Outcome.FAIL,
        r.outcome(),
        r.message());
  }

  @Provide
  Arbitrary<List<String>> approvers() {
    return Arbitraries.of("bob", "carol", "erin", "dave", "mallory")
        .list()
        .uniqueElements()
        .ofMaxSize(5);
  }

  private static final String YAML =
      "apiVersion: ssc.dev/policy/v1\n"
          + "kind: Policy\n"
          + "metadata: {name: acme/web}\n"
          + "authorities:\n"
          + "  github: {threshold: 1, keys: [{keyId: review-key}]}\n"
          + "  ci: {threshold: 1, keys: [{keyId: ci-key}]}\n"
          + "principals:\n"
          + "  bob: [maintainer]\n"
          + "  carol: [maintainer]\n"
          + "rules:\n"
          + "  - rule: code-review\n"
          + "    authority: github\n"
          + "    provenanceAuthority: ci\n"
          + "    minApprovals: 2\n";

  @Test
  void loadsFromYaml() throws Exception {
    RulePolicy p = TestEvidence.load(YAML);
    assertEquals(
        Verdict.ALLOW,
        p.evaluate(
                input(builtFrom(COMMIT), reviewed(review(COMMIT, "alice", "bob", "carol"), 2))
                    .build())
            .verdict());
    assertEquals(
        Verdict.DENY,
        p.evaluate(input(builtFrom(COMMIT), reviewed(review(COMMIT, "alice", "bob"), 2)).build())
            .verdict());
  }

  @Test
  void aBadMinApprovalsIsReportedAtItsLineAndColumn() {
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> TestEvidence.load(YAML.replace("minApprovals: 2", "minApprovals: 0")));
    assertTrue(e.getMessage().startsWith("policy.yaml:14:19: "), e.getMessage());
    assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
  }

  @Test
  void selfApprovalCannotBeAllowed() {
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> TestEvidence.load(YAML + "    allowSelfApproval: true\n"));
    assertTrue(e.getMessage().contains("allowSelfApproval"), e.getMessage());
  }
}
