package dev.ssc.benchmarks.policy;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.AttestationVerifier;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.promotion.Environment;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.Verifier;
import dev.ssc.attest.dsse.DsseVerifier;
import dev.ssc.policy.Authority;
import dev.ssc.policy.EnvironmentRules;
import dev.ssc.policy.PolicyLoader;
import dev.ssc.policy.RulePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The example organization's policy ({@code ssc-examples/policies/acme.yaml}) and the evidence of
 * its allowed production promotion, read from the checkout (the benchmarks run from its root; set
 * {@code -Dssc.policies=DIR} otherwise).
 */
final class AcmeCase {
  static final String[] EVIDENCE = {
    "provenance.json",
    "base-image-approval-node.json",
    "review.json",
    "tests.json",
    "scan.json",
    "sbom.json",
    "vsa-staging.json"
  };

  final RulePolicy policy;
  final DsseVerifier verifier;
  final List<Bytes> envelopes = new ArrayList<>();
  final DigestSet subject;
  final Instant time = Instant.parse("2026-12-01T12:00:00Z");
  final Environment production;

  AcmeCase() throws IOException, SscFormatException {
    Path dir = Path.of(System.getProperty("ssc.policies", "ssc-examples/policies"));
    if (!Files.isRegularFile(dir.resolve("acme.yaml"))) {
      throw new IllegalStateException(
          "no acme.yaml in " + dir.toAbsolutePath() + ": run from the checkout's root");
    }
    policy = PolicyLoader.withBuiltIns().load(dir.resolve("acme.yaml"));
    List<Verifier> keys = new ArrayList<>();
    for (Authority a : policy.authorities().values()) {
      keys.addAll(a.keys());
    }
    verifier = DsseVerifier.builder(KeyRing.of(keys)).build();
    for (String file : EVIDENCE) {
      envelopes.add(Bytes.of(Files.readAllBytes(dir.resolve("evidence").resolve(file))));
    }
    EnvironmentRules env = policy.environments().get("production");
    if (env == null) {
      throw new IllegalStateException("acme.yaml defines no production environment");
    }
    production = env.environment();
    subject = verify(verifier).get(0).statement().subjects().get(0).digest();
  }

  /** Verifies every envelope with {@code v}; fails if one does not verify. */
  List<VerifiedAttestation> verify(AttestationVerifier v) {
    List<VerifiedAttestation> out = new ArrayList<>(envelopes.size());
    for (Bytes e : envelopes) {
      out.add(
          v.verify(e)
              .attestation()
              .orElseThrow(() -> new IllegalStateException("evidence does not verify")));
    }
    return out;
  }

  /** The production promotion by rita over {@code evidence}. */
  PolicyInput input(List<VerifiedAttestation> evidence) {
    return PolicyInput.builder()
        .subject(subject)
        .time(time)
        .environment(production)
        .principal(policy.principal("rita"))
        .addAllEvidence(evidence)
        .build();
  }
}
