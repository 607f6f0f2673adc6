package dev.ssc.policy;

import static dev.ssc.policy.BuildEvidence.BUILDER;
import static dev.ssc.policy.BuildEvidence.BUILD_TYPE;
import static dev.ssc.policy.BuildEvidence.CI;
import static dev.ssc.policy.BuildEvidence.COMMIT;
import static dev.ssc.policy.BuildEvidence.evaluate;
import static dev.ssc.policy.BuildEvidence.provenance;
import static dev.ssc.policy.BuildEvidence.provenanceAttestation;
import static dev.ssc.policy.BuildEvidence.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.SlsaProvenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceRuleTest {
  private static final String E1 = "1".repeat(64);
  private static final String E2 = "2".repeat(64);
  private static final String REPO = "https://github.com/acme/app";

  @TempDir Path dir;

  private static SlsaProvenance built(String builder, String sourceUri) {
    return provenance(builder)
        .addResolvedDependencies(source(sourceUri, "gitCommit", COMMIT))
        .build();
  }

  private static ProvenanceRule.Builder rule() {
    return ProvenanceRule.builder().authority(CI);
  }

  @Test
  void passesTrustedProvenanceFromAnAllowedBuilderAndSourceAndSaysWhich() {
    RuleResult r =
        evaluate(
            rule().builderId(BUILDER).buildType(BUILD_TYPE).sourceRepository(REPO).build(),
            provenanceAttestation(
                built(BUILDER, "git+https://github.com/acme/app@refs/heads/main"), "ci-key", E1));
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
    assertTrue(r.message().contains("sha256:" + E1), r.message());
    assertTrue(
        r.message().contains("source https://github.com/acme/app at gitCommit:"), r.message());
    assertEquals(List.of(Digest.sha256(E1)), r.evidence());
  }

  @Test
  void withoutAllowlistsOnlyTrustedProvenanceIsRequired() {
    RuleResult r =
        evaluate(rule().build(), provenanceAttestation(provenance().build(), "ci-key", E1));
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
    assertTrue(r.message().contains("no allowlist configured"), r.message());
  }

  @Test
  void failsWithoutTrustedProvenanceAndNamesTheRejectedOne() {
    RuleResult r =
        evaluate(rule().build(), provenanceAttestation(provenance().build(), "laptop-key", E1));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(
        r.message().startsWith("no https://slsa.dev/provenance/v1 attestation"), r.message());
    assertTrue(r.message().contains("laptop-key"), r.message());
    assertEquals(List.of(Digest.sha256(E1)), r.evidence());
    assertTrue(r.remedy().orElseThrow().contains("authority 'ci'"));
  }

  @Test
  void listsEveryMismatchOfEveryProvenance() {
    RuleResult r =
        evaluate(
            rule().builderId(BUILDER).sourceRepository(REPO).build(),
            provenanceAttestation(
                built("https://evil.example/builder", "git+https://github.com/evil/app@main"),
                "ci-key",
                E1),
            provenanceAttestation(provenance().build(), "ci-key", E2));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(
        r.message()
            .contains(
                "builder id https://evil.example/builder is not allowed; allowed: ["
                    + BUILDER
                    + "]"),
        r.message());
    assertTrue(
        r.message().contains("source repository https://github.com/evil/app is not allowed"),
        r.message());
    assertTrue(r.message().contains("provenance sha256:" + E2 + ": records no git source"));
    assertEquals(List.of(Digest.sha256(E1), Digest.sha256(E2)), r.evidence());
  }

  @Test
  void passesWhenOneOfSeveralProvenancesSatisfiesTheAllowlists() {
    RuleResult r =
        evaluate(
            rule().builderId(BUILDER).build(),
            provenanceAttestation(provenance("other").build(), "ci-key", E1),
            provenanceAttestation(provenance().build(), "ci-key", E2));
    assertEquals(RuleResult.Outcome.PASS, r.outcome());
    assertTrue(r.message().contains("sha256:" + E2));
  }

  @Test
  void sourceRepositoriesAreNormalized() {
    ProvenanceRule r = rule().sourceRepository("git+https://GitHub.com/acme/app.git/").build();
    for (String uri :
        List.of(
            "git+https://github.com/acme/app@refs/heads/main",
            "https://github.com/acme/app.git#refs/tags/v1",
            "git+https://github.com/acme/app.git@refs/pull/1/merge",
            "https://github.com/acme/app")) {
      RuleResult result = evaluate(r, provenanceAttestation(built(BUILDER, uri), "ci-key", E1));
      assertEquals(RuleResult.Outcome.PASS, result.outcome(), uri + ": " + result.message());
    }
    for (String uri :
        List.of(
            "git+https://github.com/acme/app-evil@refs/heads/main",
            "git+https://github.com/acme/App@refs/heads/main",
            "git+https://github.com/acme/app/sub@refs/heads/main",
            "git+ssh://git@github.com/acme/app@refs/heads/main")) {
      RuleResult result = evaluate(r, provenanceAttestation(built(BUILDER, uri), "ci-key", E1));
      assertEquals(RuleResult.Outcome.FAIL, result.outcome(), uri + ": " + result.message());
    }
  }

  @Test
  void theSourceCommitIsTheFirstGitSourceAsAGitCommitDigest() {
    String sha1 = "ab".repeat(20);
    SlsaProvenance p =
        provenance()
            .addResolvedDependencies(
                BuildEvidence.image("pkg:docker/alpine@3.19", BuildEvidence.hex(1)))
            .addResolvedDependencies(source("git+https://github.com/acme/app@main", "sha1", sha1))
            .addResolvedDependencies(source("git+https://github.com/acme/lib@main", "sha1", COMMIT))
            .build();
    assertEquals(
        Optional.of(Digest.of(DigestAlgorithm.GIT_COMMIT, sha1)), Provenances.sourceCommit(p));
    assertEquals(Optional.of(REPO), Provenances.sourceRepository(p));
    assertEquals(Optional.empty(), Provenances.sourceCommit(provenance().build()));
  }

  @Test
  void emptyAllowlistsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> rule().builderIds(List.of()));
    assertThrows(IllegalArgumentException.class, () -> rule().buildTypes(List.of()));
    assertThrows(IllegalArgumentException.class, () -> rule().sourceRepositories(List.of()));
    assertThrows(IllegalArgumentException.class, () -> rule().sourceRepository("github.com/a/b"));
    assertThrows(
        IllegalArgumentException.class, () -> rule().sourceRepository(REPO + "@refs/heads/main"));
    assertThrows(IllegalStateException.class, () -> ProvenanceRule.builder().build());
  }

  private static final String YAML =
      String.join(
          "\n",
          "apiVersion: ssc.dev/policy/v1",
          "kind: Policy",
          "metadata:",
          "  name: acme/build",
          "authorities:",
          "  ci:",
          "    keys:",
          "      - keyId: ci-key",
          "rules:",
          "  - rule: provenance",
          "    authority: ci",
          "    builderIds: [" + BUILDER + "]",
          "    buildTypes: " + BUILD_TYPE,
          "    sourceRepositories:",
          "      - %s",
          "");

  private RulePolicy load(String yaml) throws IOException, SscFormatException {
    return PolicyLoader.withBuiltIns().parse(yaml.getBytes(StandardCharsets.UTF_8), "p.yaml", dir);
  }

  @Test
  void loadsFromYaml() throws Exception {
    RulePolicy policy = load(String.format(YAML, REPO));
    PolicyInput input =
        PolicyInput.builder()
            .subject(BuildEvidence.SUBJECT)
            .time(BuildEvidence.NOW)
            .addEvidence(
                provenanceAttestation(
                    built(BUILDER, "git+https://github.com/acme/app@refs/heads/main"),
                    "ci-key",
                    E1))
            .build();
    assertEquals(Verdict.ALLOW, policy.evaluate(input).verdict());
    assertEquals("provenance", policy.evaluate(input).results().get(0).ruleId());
  }

  @Test
  void aBadSourceRepositoryIsAnErrorWithLineAndColumn() {
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> load(String.format(YAML, "github.com/a")));
    assertTrue(e.getMessage().startsWith("p.yaml:15:"), e.getMessage());
    assertTrue(e.getMessage().contains("scheme://host/path"), e.getMessage());
  }

  @Test
  void anEmptyAllowlistInYamlIsAnError() {
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> load(String.format(YAML, REPO).replace("[" + BUILDER + "]", "[]")));
    assertTrue(e.getMessage().startsWith("p.yaml:12:"), e.getMessage());
    assertTrue(e.getMessage().contains("must not be empty"), e.getMessage());
  }

  @Property(tries = 200)
  void passesExactlyWhenSomeTrustedProvenanceSatisfiesEveryAllowlist(
      @ForAll("provenances") List<SlsaProvenance> provenances,
      @ForAll("signers") List<String> signers) {
    ProvenanceRule r = rule().builderIds(List.of(BUILDER, "b2")).sourceRepository(REPO).build();
    VerifiedAttestation[] evidence = new VerifiedAttestation[provenances.size()];
    boolean expected = false;
    for (int i = 0; i < provenances.size(); i++) {
      SlsaProvenance p = provenances.get(i);
      String signer = signers.get(i % signers.size());
      evidence[i] = provenanceAttestation(p, signer, BuildEvidence.hex(i + 1));
      expected |=
          signer.equals("ci-key")
              && (p.builderId().equals(BUILDER) || p.builderId().equals("b2"))
              && Provenances.sourceRepository(p).equals(Optional.of(REPO));
    }
    RuleResult result = evaluate(r, evidence);
    assertEquals(expected ? RuleResult.Outcome.PASS : RuleResult.Outcome.FAIL, result.outcome());
    assertEquals(provenances.size(), result.evidence().size());
  }

  @Provide
  Arbitrary<List<SlsaProvenance>> provenances() {
    Arbitrary<String> builders = Arbitraries.of(BUILDER, "b2", "b3", BUILDER + "/");
    Arbitrary<String> sources =
        Arbitraries.of(
            "git+https://github.com/acme/app@refs/heads/main",
            "https://github.com/acme/app.git#main",
            "git+https://github.com/acme/app2@main",
            "git+https://github.com/acme@main",
            "https://example.com/app.tar.gz");
    return Combinators.combine(builders, sources)
        .as((b, s) -> built(b, s))
        .list()
        .ofMinSize(0)
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<String>> signers() {
    return Arbitraries.of("ci-key", "laptop-key").list().ofMinSize(1).ofMaxSize(4);
  }
}
