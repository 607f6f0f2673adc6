package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.digest.Digest;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * The decision as JSON, for tools: {@code {"verdict", "policy", "subject", "evaluatedAt",
   * "results": [{"rule", "outcome", "enforcement", "message", "evidence", "remedy", "children"}]}}.
   * Deterministic: the same decision gives the same bytes. The format is documented in {@code
   * docs/policy.md}.
   */
  public static String toJson(Decision decision) {
    requireNonNull(decision, "decision");
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("verdict", new JsonString(decision.verdict().name()));
    m.put("policy", new JsonString(decision.policyId()));
    Map<String, JsonValue> subject = new LinkedHashMap<>();
    for (Digest d : decision.subject().digests()) {
      subject.put(d.algorithm().name(), new JsonString(d.value()));
    }
    m.put("subject", new JsonObject(subject));
    m.put("evaluatedAt", new JsonString(decision.evaluatedAt().toString()));
    m.put("results", results(decision.results()));
    return new String(Json.write(new JsonObject(m)).toByteArray(), StandardCharsets.UTF_8);
  }

  private static JsonArray results(List<RuleResult> results) {
    List<JsonValue> out = new ArrayList<>(results.size());
    for (RuleResult r : results) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("rule", new JsonString(r.ruleId()));
      m.put("outcome", new JsonString(r.outcome().name()));
      m.put("enforcement", new JsonString(r.enforcement().name()));
      m.put("message", new JsonString(r.message()));
      List<JsonValue> evidence = new ArrayList<>();
      for (Digest d : r.evidence()) {
        evidence.add(new JsonString(d.toString()));
      }
      m.put("evidence", new JsonArray(evidence));
      r.remedy().ifPresent(remedy -> m.put("remedy", new JsonString(remedy)));
      if (!r.children().isEmpty()) {
        m.put("children", results(r.children()));
      }
      out.add(new JsonObject(m));
    }
    return new JsonArray(out);
  }
}
