package dev.ssc.api.policy;

/** The policy that denies every input. */
final class DenyAllPolicy implements Policy {
  static final DenyAllPolicy INSTANCE = new DenyAllPolicy();

  private DenyAllPolicy() {}

  @Override
  public String id() {
    return "ssc/deny-all";
  }

  @Override
  public Decision evaluate(PolicyInput input) {
    return Decision.builder()
        .policyId(id())
        .subject(input.subject())
        .evaluatedAt(input.time())
        .addResults(
            RuleResult.builder()
                .ruleId("policy.configured")
                .outcome(RuleResult.Outcome.FAIL)
                .message("no policy is configured, so nothing is allowed")
                .remedy("configure a policy for this environment")
                .build())
        .build();
  }

  @Override
  public String toString() {
    return "Policy.denyAll()";
  }
}
