package dev.ssc.policy;

import static dev.ssc.policy.BuildEvidence.CI;
import static dev.ssc.policy.BuildEvidence.SUBJECT;
import static dev.ssc.policy.BuildEvidence.evaluate;
import static dev.ssc.policy.BuildEvidence.hex;
import static dev.ssc.policy.BuildEvidence.image;
import static dev.ssc.policy.BuildEvidence.provenance;
import static dev.ssc.policy.BuildEvidence.provenanceAttestation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryRuleTest {
  private static final String E1 = "1".repeat(64);

  @TempDir Path dir;

  private static VerifiedAttestation built(String subjectName, ResourceDescriptor... deps) {
    return provenanceAttestation(
        List.of(ResourceDescriptor.of(subjectName, SUBJECT)),
        provenance().addAllResolvedDependencies(List.of(deps)).build(),
        "ci-key",
        E1);
  }

  private static RegistryRule rule() {
    return RegistryRule.builder()
        .authority(CI)
        .allow("ghcr.io")
        .allow("Registry.Acme.dev:5000")
        .build();
  }

  @Test
  void passesPinnedImagesFromAllowedRegistries() {
    RuleResult r =
        evaluate(
            rule(),
            built(
                "ghcr.io/acme/app:1.2",
                image("pkg:docker/ghcr.io/acme/base@1", hex(1)),
                image("oci://registry.acme.dev:5000/tools/jdk@sha256:" + hex(2), "")));
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
    assertTrue(r.message().contains("[ghcr.io, registry.acme.dev:5000]"), r.message());
  }

  @Test
  void everyFormOfDockerHubIsDenied() {
    for (String ref :
        List.of(
            "alpine",
            "library/alpine",
            "docker.io/x",
            "index.docker.io/x",
            "registry-1.docker.io/x",
            "DOCKER.IO/x")) {
      RuleResult r = evaluate(rule(), built("app.jar", image("docker://" + ref, hex(1))));
      assertEquals(RuleResult.Outcome.FAIL, r.outcome(), ref);
      assertTrue(r.message().contains("Docker Hub, which is denied"), ref + ": " + r.message());
    }
  }

  @Test
  void listsEveryOffendingReferenceWithTheReason() {
    RuleResult r =
        evaluate(
            rule(),
            built(
                "quay.io/acme/app:1",
                image("pkg:docker/alpine@3.19", hex(1)),
                image("pkg:docker/ghcr.io/acme/base@1", ""),
                image("pkg:oci/base@sha256%3A" + hex(3), ""),
                image("pkg:docker/ghcr.io/acme/ok@1", hex(4))));
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    String m = r.message();
    assertTrue(m.startsWith("4 of 5 image references are not allowed"), m);
    assertTrue(m.contains("pkg:docker/alpine@3.19 (registry docker.io is Docker Hub"), m);
    assertTrue(m.contains("pkg:docker/ghcr.io/acme/base@1 (not pinned by digest)"), m);
    assertTrue(m.contains("without repository_url names no registry"), m);
    assertTrue(
        m.contains("quay.io/acme/app:1 (registry quay.io is not allowed; allowed: [ghcr.io,"), m);
    assertTrue(r.remedy().orElseThrow().contains("mirror Docker Hub images"));
  }

  @Test
  void dockerHubCanBeAllowedExplicitlyAndDigestsCanBeWaived() {
    RegistryRule lax =
        RegistryRule.builder()
            .authority(CI)
            .allow("docker.io")
            .denyDockerHub(false)
            .requireDigest(false)
            .build();
    RuleResult r =
        evaluate(
            lax,
            built(
                "app.jar",
                image("pkg:docker/alpine@3.19", ""),
                image("docker://registry-1.docker.io/x:1", "")));
    assertEquals(RuleResult.Outcome.PASS, r.outcome(), r.message());
    assertThrows(
        IllegalArgumentException.class,
        () -> RegistryRule.builder().authority(CI).allow("docker.io").build());
  }

  @Test
  void fileNamedSubjectsAreNotImages() {
    RuleResult r = evaluate(rule(), built("app.jar"));
    assertEquals(RuleResult.Outcome.PASS, r.outcome());
    assertTrue(r.message().contains("names no image reference"), r.message());
    RuleResult hub = evaluate(rule(), built("acme/app:1.0"));
    assertEquals(RuleResult.Outcome.FAIL, hub.outcome(), hub.message());
  }

  @Test
  void failsWithoutTrustedProvenance() {
    RuleResult r = evaluate(rule());
    assertEquals(RuleResult.Outcome.FAIL, r.outcome());
    assertTrue(r.message().startsWith("no https://slsa.dev/provenance/v1 attestation"));
  }

  @Test
  void rejectsInvalidConfigurations() {
    assertThrows(
        IllegalArgumentException.class, () -> RegistryRule.builder().authority(CI).build());
    assertThrows(
        IllegalArgumentException.class, () -> RegistryRule.builder().allow("https://ghcr.io"));
    assertThrows(
        IllegalArgumentException.class, () -> RegistryRule.builder().allow("ghcr.io/acme"));
    assertThrows(IllegalArgumentException.class, () -> RegistryRule.builder().allow(List.of()));
    assertThrows(
        IllegalStateException.class, () -> RegistryRule.builder().allow("ghcr.io").build());
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
          "  - rule: registries",
          "    authority: ci",
          "    allowed: [ghcr.io, %s]",
          "    denyDockerHub: true",
          "    requireDigest: true",
          "");

  private RulePolicy load(String yaml) throws IOException, SscFormatException {
    return PolicyLoader.withBuiltIns().parse(yaml.getBytes(StandardCharsets.UTF_8), "p.yaml", dir);
  }

  @Test
  void loadsFromYaml() throws Exception {
    RulePolicy policy = load(String.format(YAML, "registry.acme.dev"));
    PolicyInput.Builder input = PolicyInput.builder().subject(SUBJECT).time(BuildEvidence.NOW);
    assertEquals(
        Verdict.DENY,
        policy
            .evaluate(
                input.addEvidence(built("app.jar", image("pkg:docker/alpine@3", hex(1)))).build())
            .verdict());
  }

  @Test
  void anAllowedEntryWithASchemeIsAnErrorWithLineAndColumn() {
    SscFormatException e =
        assertThrows(
            SscFormatException.class, () -> load(String.format(YAML, "https://registry.acme.dev")));
    assertTrue(e.getMessage().startsWith("p.yaml:12:"), e.getMessage());
    assertTrue(e.getMessage().contains("host[:port] without scheme or path"), e.getMessage());
  }

  @Property(tries = 300)
  void aReferencePassesExactlyWhenItsNormalizedRegistryIsAllowedAndItIsPinned(
      @ForAll("hosts") String host,
      @ForAll("repositories") String repository,
      @ForAll boolean pinned,
      @ForAll boolean upperCase) {
    String ref = (host.isEmpty() ? "" : host + "/") + repository;
    String shown = upperCase ? ref.replace(host, host.toUpperCase(Locale.ROOT)) : ref;
    RuleResult r =
        evaluate(rule(), built("app.jar", image("docker://" + shown, pinned ? hex(1) : "")));
    String normalized = host.toLowerCase(Locale.ROOT);
    boolean allowedHost =
        normalized.equals("ghcr.io") || normalized.equals("registry.acme.dev:5000");
    assertEquals(
        allowedHost && pinned ? RuleResult.Outcome.PASS : RuleResult.Outcome.FAIL,
        r.outcome(),
        shown + ": " + r.message());
  }

  @Provide
  Arbitrary<String> hosts() {
    return Arbitraries.of(
        "",
        "ghcr.io",
        "registry.acme.dev:5000",
        "registry.acme.dev",
        "docker.io",
        "index.docker.io",
        "registry-1.docker.io",
        "ghcr.io.evil.com",
        "localhost:5000");
  }

  @Provide
  Arbitrary<String> repositories() {
    return Arbitraries.of("alpine", "library/alpine", "acme/app", "acme/tools/jdk:21");
  }
}
