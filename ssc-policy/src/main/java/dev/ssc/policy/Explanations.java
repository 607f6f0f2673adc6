package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.RuleResult;
import java.util.List;

/**
 * Renders decisions for people: the verdict, then every rule with its outcome, message, evidence
 * and, for a failure, what would satisfy it.
 *
 * <p>Thread-safe.
 */
public final class Explanations {
  private Explanations() {}

  /**
   * The decision as indented text, for example:
   *
   * <pre>
   * DENY sha256:9f86... by acme/production at 2026-11-25T12:00:00Z
   *   [PASS] build.provenance: found https://slsa.dev/provenance/v1 ...
   *          evidence: sha256:1111...
   *   [FAIL] promotion.role: dave holds none of the roles that may promote to production
   *          to satisfy: ask someone with one of these roles to promote: release-manager
   * </pre>
   */
  public static String toText(Decision decision) {
    requireNonNull(decision, "decision");
    StringBuilder sb = new StringBuilder();
    sb.append(decision.verdict())
        .append(' ')
        .append(decision.subject())
        .append(" by ")
        .append(decision.policyId())
        .append(" at ")
        .append(decision.evaluatedAt())
        .append('\n');
    append(sb, decision.results(), "  ");
    return sb.toString();
  }

  private static void append(StringBuilder sb, List<RuleResult> results, String indent) {
    for (RuleResult r : results) {
      String label =
          "["
              + r.outcome()
              + (r.enforcement() == RuleResult.Enforcement.WARN ? ", warn" : "")
              + "] ";
      String cont = indent + " ".repeat(label.length());
      sb.append(indent)
          .append(label)
          .append(r.ruleId())
          .append(": ")
          .append(r.message())
          .append('\n');
      if (!r.evidence().isEmpty()) {
        sb.append(cont).append("evidence: ");
        sb.append(
            String.join(", ", r.evidence().stream().map(Object::toString).toArray(String[]::new)));
        sb.append('\n');
      }
      r.remedy()
          .ifPresent(remedy -> sb.append(cont).append("to satisfy: ").append(remedy).append('\n'));
      append(sb, r.children(), indent + "    ");
    }
  }
}
