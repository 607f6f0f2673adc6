package dev.ssc.policy;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.policy.spi.RuleConfig;
import dev.ssc.policy.spi.RuleProvider;

/**
 * A custom rule type registered through {@code META-INF/services}, as users register theirs: it
 * requires a change-ticket attestation whose predicate names the configured project.
 */
public final class ChangeTicketRuleProvider implements RuleProvider {
  /** The no-argument constructor ServiceLoader needs. */
  public ChangeTicketRuleProvider() {}

  @Override
  public String name() {
    return "change-ticket";
  }

  @Override
  public Rule create(RuleConfig config) throws SscFormatException {
    String project = config.string("project");
    Authority authority = config.authority("authority");
    String id = config.id();
    return new Rule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public RuleResult evaluate(RuleContext context) {
        EvidenceSearch<dev.ssc.api.json.JsonObject> found =
            context.find("https://acme.example/change-ticket/v1", authority, context.subject());
        for (Evidence<dev.ssc.api.json.JsonObject> e : found.trusted()) {
          if (e.predicate().getString("project").orElse("").equals(project)) {
            return RuleResult.builder()
                .ruleId(id)
                .outcome(RuleResult.Outcome.PASS)
                .message("change ticket in project " + project)
                .addEvidence(e.id())
                .build();
          }
        }
        return RuleResult.builder()
            .ruleId(id)
            .outcome(RuleResult.Outcome.FAIL)
            .message(found.describeMissing(context.subject().toString()) + " in project " + project)
            .remedy("open a change ticket in " + project)
            .build();
      }
    };
  }
}
