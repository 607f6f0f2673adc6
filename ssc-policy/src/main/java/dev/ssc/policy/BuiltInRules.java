package dev.ssc.policy;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.identity.Role;
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
        provider("cel", BuiltInRules::cel),
        provider("provenance", BuiltInRules::provenance),
        provider("base-images", BuiltInRules::baseImages),
        provider("registries", BuiltInRules::registries),
        provider("code-review", BuiltInRules::codeReview),
        provider("tests", BuiltInRules::tests),
        provider("passed-environment", BuiltInRules::passedEnvironment),
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

  private static Rule provenance(RuleConfig c) throws SscFormatException {
    ProvenanceRule.Builder b =
        ProvenanceRule.builder().id(c.id()).authority(c.authority("authority"));
    List<String> builderIds = nonEmptyStrings(c, "builderIds");
    if (!builderIds.isEmpty()) {
      b.builderIds(builderIds);
    }
    List<String> buildTypes = nonEmptyStrings(c, "buildTypes");
    if (!buildTypes.isEmpty()) {
      b.buildTypes(buildTypes);
    }
    for (String repository : nonEmptyStrings(c, "sourceRepositories")) {
      try {
        b.sourceRepository(repository);
      } catch (IllegalArgumentException e) {
        throw c.error("sourceRepositories", String.valueOf(e.getMessage()));
      }
    }
    return b.build();
  }

  private static Rule baseImages(RuleConfig c) throws SscFormatException {
    BaseImageRule.Builder b =
        BaseImageRule.builder().id(c.id()).authority(c.authority("authority"));
    for (String entry : nonEmptyStrings(c, "approved")) {
      try {
        if (entry.indexOf('@') >= 0) {
          b.approve(ImageReference.parse(entry));
        } else {
          b.approve(Digest.parse(entry));
        }
      } catch (IllegalArgumentException e) {
        throw c.error(
            "approved",
            "an approved image is sha256:<hex> or a reference pinned by digest"
                + " (name@sha256:<hex>): "
                + e.getMessage());
      }
    }
    Optional<Authority> approvalAuthority = c.optionalAuthority("approvalAuthority");
    approvalAuthority.ifPresent(b::approvalAuthority);
    Optional<String> approvalType = c.optionalString("approvalPredicateType");
    if (approvalType.isPresent()) {
      b.approvalPredicateType(approvalType.get());
    }
    return b.build();
  }

  private static Rule registries(RuleConfig c) throws SscFormatException {
    RegistryRule.Builder b = RegistryRule.builder().id(c.id()).authority(c.authority("authority"));
    List<String> allowed = c.strings("allowed");
    if (allowed.isEmpty()) {
      throw c.error("allowed", "list at least one allowed registry host");
    }
    for (String registry : allowed) {
      try {
        b.allow(registry);
      } catch (IllegalArgumentException e) {
        throw c.error("allowed", String.valueOf(e.getMessage()));
      }
    }
    return b.denyDockerHub(c.bool("denyDockerHub", true))
        .requireDigest(c.bool("requireDigest", true))
        .build();
  }

  /** {@code field} as a list of strings: absent is empty, present but empty is an error. */
  private static List<String> nonEmptyStrings(RuleConfig c, String field)
      throws SscFormatException {
    List<String> values = c.strings(field);
    if (c.has(field) && values.isEmpty()) {
      throw c.error(field, "an allowlist must not be empty (omit " + field + " to allow any)");
    }
    return values;
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
