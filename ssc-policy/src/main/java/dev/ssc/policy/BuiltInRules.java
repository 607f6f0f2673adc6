package dev.ssc.policy;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.identity.Role;
import dev.ssc.policy.spi.RuleConfig;
import dev.ssc.policy.spi.RuleProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The rule types every {@link PolicyLoader} knows. */
final class BuiltInRules {
  private BuiltInRules() {}

  static List<RuleProvider> providers() {
    return List.of(
        provider("attestation", BuiltInRules::attestation),
        provider("promotion-role", c -> Rules.requirePromoterRole(c.id())),
        provider("any-of", c -> Rules.anyOf(c.id(), c.rules("rules"))),
        provider("all-of", c -> Rules.allOf(c.id(), c.rules("rules"))),
        provider("code-review", BuiltInRules::codeReview),
        provider("tests", BuiltInRules::tests),
        provider("passed-environment", BuiltInRules::passedEnvironment));
  }

  private static Rule attestation(RuleConfig c) throws SscFormatException {
    String type = c.string("predicateType");
    Authority authority = c.authority("authority");
    Optional<Duration> maxAge = c.duration("maxAge");
    return maxAge.isPresent()
        ? Rules.requireAttestation(c.id(), type, authority, maxAge.get())
        : Rules.requireAttestation(c.id(), type, authority);
  }

  private static Rule codeReview(RuleConfig c) throws SscFormatException {
    CodeReviewRule.Builder b =
        CodeReviewRule.builder()
            .id(c.id())
            .authority(c.authority("authority"))
            .provenanceAuthority(c.authority("provenanceAuthority"));
    int min = c.integer("minApprovals", 1);
    if (min < 1) {
      throw c.error("minApprovals", "field 'minApprovals' must be at least 1, found " + min);
    }
    b.minApprovals(min);
    Optional<String> role = c.optionalString("role");
    if (role.isPresent()) {
      try {
        b.role(Role.of(role.get()));
      } catch (IllegalArgumentException e) {
        throw c.error("role", "field 'role': " + e.getMessage());
      }
    }
    return b.build();
  }

  private static Rule tests(RuleConfig c) throws SscFormatException {
    return TestRule.builder()
        .id(c.id())
        .authority(c.authority("authority"))
        .requiredSuites(c.strings("requiredSuites"))
        .allowWarned(c.bool("allowWarned", false))
        .build();
  }

  private static Rule passedEnvironment(RuleConfig c) throws SscFormatException {
    PassedEnvironmentRule.Builder b =
        PassedEnvironmentRule.builder().id(c.id()).authority(c.authority("authority"));
    Optional<String> environment = c.optionalString("environment");
    if (environment.isPresent()) {
      try {
        b.environment(environment.get());
      } catch (IllegalArgumentException e) {
        throw c.error("environment", "field 'environment': " + e.getMessage());
      }
    }
    c.optionalString("policy").ifPresent(b::policy);
    return b.build();
  }

  interface Factory {
    Rule create(RuleConfig config) throws SscFormatException;
  }

  static RuleProvider provider(String name, Factory factory) {
    return new RuleProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Rule create(RuleConfig config) throws SscFormatException {
        return factory.create(config);
      }

      @Override
      public String toString() {
        return "built-in rule type " + name;
      }
    };
  }
}
