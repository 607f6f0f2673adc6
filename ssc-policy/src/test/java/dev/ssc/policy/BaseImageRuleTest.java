package dev.ssc.policy;

import static dev.ssc.policy.BuildEvidence.CI;
import static dev.ssc.policy.BuildEvidence.SECURITY;
import static dev.ssc.policy.BuildEvidence.evaluate;
import static dev.ssc.policy.BuildEvidence.hex;
import static dev.ssc.policy.BuildEvidence.image;
import static dev.ssc.policy.BuildEvidence.provenance;
import static dev.ssc.policy.BuildEvidence.provenanceAttestation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

class BaseImageRuleTest {
  private static final String E1 = "1".repeat(64);
  private static final String E2 = "2".repeat(64);
  private static final String E3 = "3".repeat(64);

  @TempDir Path dir;

  private static VerifiedAttestation built(ResourceDescriptor... deps) {
    return provenanceAttestation(
        provenance().addAllResolvedDependencies(List.of(deps)).build(), "ci-key", E1);
  }

  private static VerifiedAttestation approval(String imageHex, String signer, String evidenceHex) {
    return BuildEvidence.attest(
        List.of(ResourceDescriptor.of("base", DigestSet.sha256(imageHex))),
        BaseImageRule.DEFAULT_APPROVAL_PREDICATE_TYPE,
        JsonObject.empty(),
        signer,
        evidenceHex);
  }

  private static BaseImageRule.Builder rule() {
    return BaseImageRule.builder().authority(CI);
  }

  @Test
  void passesAnApprovedPinnedBaseImageAndNamesIt() {
    RuleResult r =
        evaluate(
            rule()
                .approve(ImageReference.parse("cgr.dev/chainguard/static@sha256:" + hex(7)))
                .build(),
            built(
                image("pkg:docker/cgr.dev/chainguard/static@latest?platform=linux%2Famd64", hex(7)),
                BuildEvidence.source(
                    "git+https://github.com/acme/app@main", "sha1", "ab".repeat(20))));
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
    assertTrue(r.message().contains("approved: cgr.dev/chainguard/static@sha256:"), r.message());
  }

  @Test
  void recognizesImagesByPackageUrlSchemeAndMediaType() {
    Digest d = Digest.sha256(hex(7));
    List<ResourceDescriptor> images =
        List.of(
            image("pkg:docker/alpine@3.19", hex(7)),
            image("pkg:docker/library/alpine@sha256%3A" + hex(7), ""),
            image("pkg:oci/static@sha256%3A" + hex(7) + "?repository_url=gcr.io/distroless", ""),
            image("docker://alpine:3.19@sha256:" + hex(7), ""),
            image("oci://ghcr.io/acme/base@sha256:" + hex(7), ""),
            ResourceDescriptor.builder()
                .name("ghcr.io/acme/base")
                .mediaType("application/vnd.oci.image.index.v1+json")
                .digest(DigestSet.of(d))
                .build());
    for (ResourceDescriptor i : images) {
      ContainerImages.Image found = ContainerImages.of(i).orElseThrow(() -> new AssertionError(i));
      assertEquals(DigestSet.of(d), found.digests(), i.toString());
      assertTrue(found.problem().isEmpty(), i + ": " + found.problem());
      assertTrue(found.reference().isPresent(), i.toString());
    }
    assertEquals(
        "gcr.io/distroless/static",
        ContainerImages.of(images.get(2)).orElseThrow().reference().orElseThrow().name());
    assertFalse(ContainerImages.of(image("https://example.com/app.tar.gz", hex(7))).isPresent());
    assertFalse(ContainerImages.of(image("pkg:maven/org.acme/lib@1.0", hex(7))).isPresent());
  }

  @Test
  void anUnpinnedBaseImageFails() {
    RuleResult r =
        evaluate(
            rule().approve(Digest.sha256(hex(7))).build(),
            built(image("pkg:docker/alpine@3.19", "")));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("pkg:docker/alpine@3.19 is not pinned by digest"), r.message());
    assertTrue(r.remedy().orElseThrow().contains("pin every base image"));
  }

  @Test
  void aReferenceDigestThatDisagreesWithTheRecordedDigestFails() {
    RuleResult r =
        evaluate(
            rule().approve(Digest.sha256(hex(7))).build(),
            built(image("docker://alpine@sha256:" + hex(7), hex(8))));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().contains("disagrees"), r.message());
  }

  @Test
  void anApprovalAttestationFromTheSecurityAuthorityApproves() {
    BaseImageRule rule = rule().approvalAuthority(SECURITY).build();
    ResourceDescriptor base = image("pkg:docker/alpine@3.19", hex(9));
    RuleResult ok = evaluate(rule, built(base), approval(hex(9), "sec-key", E2));
    assertEquals(RuleResult.Outcome.PASS, ok.outcome(), ok.message());
    assertTrue(ok.message().contains("approved by authority 'security' in sha256:" + E2));
    assertEquals(List.of(Digest.sha256(E1), Digest.sha256(E2)), ok.evidence());

    RuleResult wrongSigner = evaluate(rule, built(base), approval(hex(9), "ci-key", E2));
    assertEquals(RuleResult.Outcome.FAIL, wrongSigner.outcome());
    assertTrue(wrongSigner.message().contains("rejected"), wrongSigner.message());

    RuleResult otherImage = evaluate(rule, built(base), approval(hex(10), "sec-key", E2));
    assertEquals(RuleResult.Outcome.FAIL, otherImage.outcome());
  }

  @Test
  void aBuildWithoutBaseImagesPassesAndSaysSo() {
    RuleResult r =
        evaluate(
            rule().approve(Digest.sha256(hex(7))).build(),
            built(
                BuildEvidence.source(
                    "git+https://github.com/acme/app@main", "sha1", "ab".repeat(20))));
    assertEquals(RuleResult.Outcome.PASS, r.outcome());
    assertTrue(r.message().startsWith("the build used no base image"), r.message());
  }

  @Test
  void failsWithoutTrustedProvenance() {
    RuleResult r = evaluate(rule().approve(Digest.sha256(hex(7))).build());
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().startsWith("no https://slsa.dev/provenance/v1 attestation"));
  }

  @Test
  void needsApprovedDigestsOrAnApprovalAuthority() {
    assertThrows(IllegalArgumentException.class, () -> rule().build());
    assertThrows(
        IllegalArgumentException.class,
        () -> rule().approve(Digest.sha256(hex(1))).approvalPredicateType("x").build());
    assertThrows(
        IllegalArgumentException.class, () -> rule().approve(ImageReference.parse("alpine:3")));
    assertThrows(
        IllegalStateException.class,
        () -> BaseImageRule.builder().approvalAuthority(SECURITY).build());
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
          "  security:",
          "    keys:",
          "      - keyId: sec-key",
          "rules:",
          "  - rule: base-images",
          "    authority: ci",
          "    approved:",
          "      - %s",
          "      - cgr.dev/chainguard/static@sha256:" + hex(3),
          "    approvalAuthority: security",
          "");

  private RulePolicy load(String yaml) throws IOException, SscFormatException {
    return PolicyLoader.withBuiltIns().parse(yaml.getBytes(StandardCharsets.UTF_8), "p.yaml", dir);
  }

  @Test
  void loadsFromYaml() throws Exception {
    RulePolicy policy = load(String.format(YAML, "sha256:" + hex(7)));
    PolicyInput.Builder input =
        PolicyInput.builder().subject(BuildEvidence.SUBJECT).time(BuildEvidence.NOW);
    assertEquals(
        Verdict.ALLOW,
        policy
            .evaluate(
                input
                    .addEvidence(
                        built(
                            image("pkg:docker/alpine@3", hex(7)),
                            image("pkg:docker/debian@12", hex(5))))
                    .addEvidence(approval(hex(5), "sec-key", E3))
                    .build())
            .verdict());
  }

  @Test
  void aBadApprovedDigestIsAnErrorWithLineAndColumn() {
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> load(String.format(YAML, "sha256:abc")));
    assertTrue(e.getMessage().startsWith("p.yaml:16:"), e.getMessage());
    assertTrue(e.getMessage().contains("an approved image is sha256:<hex>"), e.getMessage());
  }

  @Property(tries = 200)
  void passesExactlyWhenEveryImageIsPinnedAndApproved(
      @ForAll("images") List<Integer> images, @ForAll("approvedSet") Set<Integer> approvedSet) {
    BaseImageRule.Builder b = rule().approvalAuthority(SECURITY);
    for (int a : approvedSet) {
      b.approve(Digest.sha256(hex(a)));
    }
    List<ResourceDescriptor> deps = new ArrayList<>();
    boolean expected = true;
    for (int i : images) {
      // 0 stands for an unpinned image; 5 carries an approval attestation
      deps.add(image("pkg:docker/img" + i + "@1", i == 0 ? "" : hex(i)));
      expected &= i != 0 && (approvedSet.contains(i) || i == 5);
    }
    RuleResult r =
        evaluate(
            b.build(),
            built(deps.toArray(new ResourceDescriptor[0])),
            approval(hex(5), "sec-key", E2),
            approval(hex(6), "ci-key", E3));
    assertEquals(
        expected ? RuleResult.Outcome.PASS : RuleResult.Outcome.FAIL, r.outcome(), r.message());
  }

  @Provide
  Arbitrary<List<Integer>> images() {
    return Arbitraries.integers().between(0, 7).list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<Set<Integer>> approvedSet() {
    return Arbitraries.integers().between(1, 7).set().ofMinSize(1).ofMaxSize(4);
  }
}
