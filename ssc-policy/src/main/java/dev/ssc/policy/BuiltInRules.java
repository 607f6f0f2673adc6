package dev.ssc.policy;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.digest.Digest;
import dev.ssc.policy.spi.RuleConfig;
import dev.ssc.policy.spi.RuleProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        provider("vulnerabilities", BuiltInRules::vulnerabilities),
        provider("licenses", BuiltInRules::licenses));
  }

  private static Rule attestation(RuleConfig c) throws SscFormatException {
    String type = c.string("predicateType");
    Authority authority = c.authority("authority");
    Optional<Duration> maxAge = c.duration("maxAge");
    return maxAge.isPresent()
        ? Rules.requireAttestation(c.id(), type, authority, maxAge.get())
        : Rules.requireAttestation(c.id(), type, authority);
  }

  private static Rule vulnerabilities(RuleConfig c) throws SscFormatException {
    VulnerabilityRule.Builder b =
        VulnerabilityRule.builder().id(c.id()).authority(c.authority("authority"));
    Optional<String> severity = c.optionalString("denyAtOrAbove");
    if (severity.isPresent()) {
      b.denyAtOrAbove(
          VulnerabilityRule.Severity.named(severity.get())
              .orElseThrow(
                  () ->
                      c.error(
                          "denyAtOrAbove",
                          "field 'denyAtOrAbove' must be one of none, low, medium, high,"
                              + " critical, found '"
                              + SpdxExpression.quote(severity.get())
                              + "'")));
    }
    Optional<Double> cvss = c.number("denyCvssAtOrAbove");
    if (cvss.isPresent()) {
      if (!(cvss.get() >= 0.0 && cvss.get() <= 10.0)) {
        throw c.error(
            "denyCvssAtOrAbove",
            "field 'denyCvssAtOrAbove' must be a CVSS score from 0 to 10, found " + cvss.get());
      }
      b.denyCvssAtOrAbove(cvss.get());
    }
    if (severity.isEmpty() && cvss.isEmpty()) {
      throw c.error(
          "denyAtOrAbove",
          "rule '"
              + c.id()
              + "' needs a threshold: field 'denyAtOrAbove' (none, low, medium, high, critical)"
              + " or 'denyCvssAtOrAbove' (0 to 10)");
    }
    c.optionalAuthority("vexAuthority").ifPresent(b::vexAuthority);
    for (RuleConfig e : c.objects("exceptions")) {
      String vuln = e.string("id");
      for (String field : List.of("owner", "justification", "expires")) {
        if (!e.has(field)) {
          throw e.error(
              field,
              "the exception for "
                  + SpdxExpression.quote(vuln)
                  + " needs field '"
                  + field
                  + "': every exception has an owner, a justification and an expiry");
        }
      }
      String owner = e.string("owner");
      String justification = e.string("justification");
      Instant expires = e.instant("expires").orElseThrow();
      List<Digest> subjects = new ArrayList<>();
      for (String s : e.strings("subjects")) {
        try {
          subjects.add(s.contains(":") ? Digest.parse(s) : Digest.sha256(s));
        } catch (IllegalArgumentException ex) {
          throw e.error(
              "subjects",
              "field 'subjects' must list digests like sha256:<64 hex digits>: " + ex.getMessage());
        }
      }
      b.exception(vuln, owner, justification, expires, subjects);
    }
    return b.build();
  }

  private static Rule licenses(RuleConfig c) throws SscFormatException {
    LicenseRule.Builder b =
        LicenseRule.builder()
            .id(c.id())
            .authority(c.authority("authority"))
            .allow(c.strings("allow"))
            .deny(c.strings("deny"));
    String unknown = c.optionalString("unknown").orElse("deny");
    switch (unknown) {
      case "deny":
        break;
      case "allow":
        b.allowUnknown(true);
        break;
      default:
        throw c.error(
            "unknown",
            "field 'unknown' must be deny or allow, found '" + SpdxExpression.quote(unknown) + "'");
    }
    if (!c.has("allow") && !c.has("deny")) {
      throw c.error(
          "allow", "rule '" + c.id() + "' needs field 'allow' or 'deny' (a list of SPDX licenses)");
    }
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
