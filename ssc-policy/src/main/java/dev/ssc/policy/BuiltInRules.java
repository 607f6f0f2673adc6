package dev.ssc.policy;

import dev.ssc.api.SscFormatException;
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
        provider("cel", BuiltInRules::cel));
  }

  private static Rule attestation(RuleConfig c) throws SscFormatException {
    String type = c.string("predicateType");
    Authority authority = c.authority("authority");
    Optional<Duration> maxAge = c.duration("maxAge");
    return maxAge.isPresent()
        ? Rules.requireAttestation(c.id(), type, authority, maxAge.get())
        : Rules.requireAttestation(c.id(), type, authority);
  }

  private static Rule cel(RuleConfig c) throws SscFormatException {
    CelRule.Builder b =
        CelRule.builder(c.id())
            .predicateType(c.string("predicateType"))
            .authority(c.authority("authority"));
    c.optionalString("description").ifPresent(b::description);
    Optional<String> match = c.optionalString("match");
    if (match.isPresent()) {
      switch (match.get()) {
        case "any":
          b.match(CelRule.Match.ANY);
          break;
        case "all":
          b.match(CelRule.Match.ALL);
          break;
        default:
          throw c.error("match", "match must be 'any' or 'all', found '" + match.get() + "'");
      }
    }
    String expression = c.string("expression");
    b.expression(expression);
    try {
      return b.build(CelCondition.compile(expression));
    } catch (CelCondition.CompileError e) {
      throw c.error(
          "expression",
          "CEL expression does not compile at "
              + e.line()
              + ":"
              + e.column()
              + " of the expression: "
              + e.detail());
    }
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
