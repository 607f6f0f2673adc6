package dev.ssc.policy;

import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.VerifierOnly;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Test evidence, minted as if verified, and shortcuts for evaluating one rule. */
final class TestEvidence {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final DigestSet SUBJECT =
      DigestSet.sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  static final DigestSet OTHER =
      DigestSet.sha256("60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752");

  private TestEvidence() {}

  /** A 64-hex evidence id derived from {@code n}. */
  static String hex(long n) {
    return String.format("%064x", n);
  }

  @VerifierOnly
  static VerifiedAttestation verified(Statement statement, String evidenceHex, String... signers) {
    return VerifiedAttestation.builder()
        .statement(statement)
        .evidenceId(Digest.sha256(evidenceHex))
        .addAllSignerKeyIds(List.of(signers))
        .verifiedAt(NOW)
        .build();
  }

  static VerifiedAttestation verified(
      DigestSet about,
      String predicateType,
      JsonObject predicate,
      String evidenceHex,
      String... signers) {
    return verified(
        Statement.builder()
            .addSubjects(ResourceDescriptor.of("app.jar", about))
            .predicateType(predicateType)
            .predicate(predicate)
            .build(),
        evidenceHex,
        signers);
  }

  /** The result of the only rule of a policy holding {@code rule}, for {@code input}. */
  static RuleResult evaluateOne(RulePolicy.Builder policy, Rule rule, PolicyInput input) {
    Decision d = policy.rule(rule).build().evaluate(input);
    return d.results().get(d.results().size() - 1);
  }

  static RulePolicy load(String yaml) throws Exception {
    return PolicyLoader.withBuiltIns()
        .parse(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml", Path.of("."));
  }
}
