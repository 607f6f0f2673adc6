package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.CycloneDxBom;
import dev.ssc.attest.predicate.SbomComponent;
import dev.ssc.attest.predicate.SpdxDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Requires that every component in the subject's SBOMs has a license the allow and deny lists
 * accept, judging SPDX license expressions properly ({@code MIT OR GPL-3.0-only} is acceptable when
 * MIT is).
 *
 * <p><b>Evidence.</b> Every SPDX 2.x ({@value SpdxDocument#URI} or {@value SpdxDocument#URI_V2_3})
 * and CycloneDX ({@value CycloneDxBom#URI}) attestation about the subject signed by the {@linkplain
 * Builder#authority SBOM authority} counts, and every component of each (nested CycloneDX
 * components included) is judged. Without a trusted SBOM the rule fails.
 *
 * <p><b>Judging a component.</b> Each license string the SBOM gives (SPDX: the concluded license,
 * or the declared one when the concluded is absent, {@code NONE} or {@code NOASSERTION}, as {@link
 * SbomComponent#licenses} reads it; CycloneDX: each expression, id or name) is parsed as an SPDX
 * license expression; a string that does not parse (a CycloneDX license name such as {@code Apache
 * License 2.0}, say) makes the component fail with the parse error. A component with several
 * strings must satisfy all of them (conservatively, as if joined by {@code AND}). Each expression
 * is judged against the lists as {@link LicenseRules} describes: {@code OR} needs one acceptable
 * choice, {@code AND} needs all, a denied license is never acceptable, and with a non-empty allow
 * list only allowed licenses are. {@code L WITH E} is acceptable if the pair is allowed, or {@code
 * L} is and the pair is not denied.
 *
 * <p><b>Unknown licenses.</b> A component without license information, or whose license is {@code
 * NONE} or {@code NOASSERTION}, is unknown. Unknown components fail unless {@link
 * Builder#allowUnknown} is set (or the allow list names {@code NOASSERTION}, respectively {@code
 * NONE}, explicitly; no license information counts as {@code NOASSERTION}).
 *
 * <p>The failure lists each offending component ({@code name@version}, purl) with the reason, up to
 * {@value #MAX_LISTED} components, then says how many more there are.
 *
 * <pre>{@code
 * Rule licenses = LicenseRule.builder()
 *     .authority(Authority.ofKeyIds("sbom", 1, Set.of("sbom-key")))
 *     .allow(List.of("MIT", "Apache-2.0", "BSD-3-Clause", "GPL-2.0-only WITH Classpath-exception-2.0"))
 *     .deny(List.of("AGPL-3.0-only"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LicenseRule implements Rule {
  /** The rule id unless one is set. */
  public static final String DEFAULT_ID = "licenses";

  /** How many offending components a failure lists at most. */
  static final int MAX_LISTED = 100;

  private final String id;
  private final Authority authority;
  private final LicenseRules rules;
  private final boolean allowUnknown;

  private LicenseRule(String id, Authority authority, LicenseRules rules, boolean allowUnknown) {
    this.id = id;
    this.authority = authority;
    this.rules = rules;
    this.allowUnknown = allowUnknown;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public RuleResult evaluate(RuleContext context) {
    EvidenceSearch<SpdxDocument> spdx = context.find(SpdxDocument.PREDICATE, authority);
    EvidenceSearch<SpdxDocument> spdx23 = context.find(SpdxDocument.PREDICATE_V2_3, authority);
    EvidenceSearch<CycloneDxBom> cdx = context.find(CycloneDxBom.PREDICATE, authority);
    RuleResult.Builder r =
        RuleResult.builder()
            .ruleId(id)
            .addAllEvidence(spdx.ids())
            .addAllEvidence(spdx23.ids())
            .addAllEvidence(cdx.ids());
    List<List<SbomComponent>> boms = new ArrayList<>();
    for (Evidence<SpdxDocument> e : spdx.trusted()) {
      boms.add(e.predicate().packages());
    }
    for (Evidence<SpdxDocument> e : spdx23.trusted()) {
      boms.add(e.predicate().packages());
    }
    for (Evidence<CycloneDxBom> e : cdx.trusted()) {
      boms.add(e.predicate().components());
    }
    if (boms.isEmpty()) {
      String about = context.subject().toString();
      return r.outcome(RuleResult.Outcome.FAIL)
          .message(
              "no trusted SBOM: "
                  + spdx.describeMissing(about)
                  + "; "
                  + spdx23.describeMissing(about)
                  + "; "
                  + cdx.describeMissing(about))
          .remedy(
              "provide an SPDX 2.x or CycloneDX SBOM attestation about this exact digest, signed by "
                  + authority.threshold()
                  + " of the keys of authority '"
                  + authority.name()
                  + "'")
          .build();
    }
    Set<String> offending = new LinkedHashSet<>();
    int components = 0;
    int unknownAllowed = 0;
    for (List<SbomComponent> bom : boms) {
      for (SbomComponent c : bom) {
        components++;
        Judgement j = judge(c);
        if (j.problem != null) {
          offending.add(describe(c) + ": " + j.problem);
        } else if (j.unknownAllowed) {
          unknownAllowed++;
        }
      }
    }
    String scanned =
        components
            + " component"
            + (components == 1 ? "" : "s")
            + " in "
            + boms.size()
            + " trusted SBOM"
            + (boms.size() == 1 ? "" : "s")
            + " of "
            + context.subject()
            + " by authority '"
            + authority.name()
            + "'";
    if (offending.isEmpty()) {
      return r.outcome(RuleResult.Outcome.PASS)
          .message(
              "every license is acceptable: "
                  + scanned
                  + (unknownAllowed == 0
                      ? ""
                      : "; "
                          + unknownAllowed
                          + " without a known license, which unknown: allow accepts"))
          .build();
    }
    List<String> listed = new ArrayList<>(offending);
    StringBuilder m =
        new StringBuilder()
            .append(listed.size())
            .append(" component")
            .append(listed.size() == 1 ? " has" : "s have")
            .append(" an unacceptable license (")
            .append(scanned)
            .append("; ")
            .append(rules)
            .append("): ")
            .append(String.join("; ", listed.subList(0, Math.min(MAX_LISTED, listed.size()))));
    if (listed.size() > MAX_LISTED) {
      m.append("; and ").append(listed.size() - MAX_LISTED).append(" more");
    }
    return r.outcome(RuleResult.Outcome.FAIL)
        .message(m.toString())
        .remedy(
            "replace the listed components by ones under acceptable licenses, record their"
                + " licenses in the SBOM as valid SPDX expressions, or change the policy's allow"
                + " and deny lists")
        .build();
  }

  private static final class Judgement {
    final @Nullable String problem;
    final boolean unknownAllowed;

    Judgement(@Nullable String problem, boolean unknownAllowed) {
      this.problem = problem;
      this.unknownAllowed = unknownAllowed;
    }
  }

  private Judgement judge(SbomComponent c) {
    if (c.licenses().isEmpty()) {
      if (allowUnknown) {
        return new Judgement(null, true);
      }
      return rules.allowsSpecial("NOASSERTION")
          ? new Judgement(null, false)
          : new Judgement("no license information (unknown licenses are denied)", false);
    }
    List<String> problems = new ArrayList<>(1);
    boolean unknown = false;
    for (String license : c.licenses()) {
      Parsed parsed = this.parsed.get(license, Parsed::of);
      if (parsed.error != null) {
        problems.add(parsed.error);
        continue;
      }
      SpdxExpression e = parsed.expression;
      if (e == null) {
        throw new IllegalStateException("unreachable: neither expression nor error");
      }
      boolean special =
          e.kind() == SpdxExpression.Kind.NONE || e.kind() == SpdxExpression.Kind.NOASSERTION;
      if (special && allowUnknown) {
        unknown = true;
        continue;
      }
      SpdxExpression.Evaluation v = e.evaluate(rules);
      if (!v.acceptable()) {
        problems.add(
            "'"
                + SpdxExpression.quote(license)
                + "': "
                + v.reason()
                + (special ? " (unknown licenses are denied)" : ""));
      }
    }
    return problems.isEmpty()
        ? new Judgement(null, unknown)
        : new Judgement(String.join("; ", problems), false);
  }

  private static String describe(SbomComponent c) {
    return SpdxExpression.quote(c.name())
        + c.version().map(v -> "@" + SpdxExpression.quote(v)).orElse("")
        + c.purl().map(p -> " (" + SpdxExpression.quote(p) + ")").orElse("");
  }

  @Override
  public String toString() {
    return "LicenseRule[" + id + ", " + authority.name() + ", " + rules + "]";
  }

  /** Builds a {@link LicenseRule}; the SBOM authority and an allow or deny list are required. */
  public static final class Builder {
    private String id = DEFAULT_ID;
    private @Nullable Authority authority;
    private final List<String> allow = new ArrayList<>();
    private final List<String> deny = new ArrayList<>();
    private boolean allowUnknown;

    Builder() {}

    /** Sets the rule id; {@value LicenseRule#DEFAULT_ID} unless set. */
    @CanIgnoreReturnValue
    public Builder id(String id) {
      Rules.checkId(id);
      this.id = id;
      return this;
    }

    /** Sets the authority whose keys sign SBOM attestations. */
    @CanIgnoreReturnValue
    public Builder authority(Authority authority) {
      this.authority = requireNonNull(authority, "authority");
      return this;
    }

    /**
     * Adds licenses to the allow list: SPDX license ids or references ({@code MIT}, {@code
     * LicenseRef-acme}), pairs {@code L WITH E}, {@code NONE} or {@code NOASSERTION}. With a
     * non-empty allow list only allowed licenses are acceptable; with an empty one, all that are
     * not denied.
     */
    @CanIgnoreReturnValue
    public Builder allow(Iterable<String> licenses) {
      for (String l : requireNonNull(licenses, "licenses")) {
        allow.add(requireNonNull(l, "license"));
      }
      return this;
    }

    /** Adds licenses to the deny list (entries as for {@link #allow}). */
    @CanIgnoreReturnValue
    public Builder deny(Iterable<String> licenses) {
      for (String l : requireNonNull(licenses, "licenses")) {
        deny.add(requireNonNull(l, "license"));
      }
      return this;
    }

    /**
     * Sets whether components with no license information, or with license {@code NONE} or {@code
     * NOASSERTION}, are accepted; false (they fail) unless set.
     */
    @CanIgnoreReturnValue
    public Builder allowUnknown(boolean allowUnknown) {
      this.allowUnknown = allowUnknown;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws IllegalStateException if the authority is missing
     * @throws IllegalArgumentException if both lists are empty, an entry is not a license id,
     *     reference, {@code L WITH E}, {@code NONE} or {@code NOASSERTION}, or an entry is both
     *     allowed and denied
     */
    public LicenseRule build() {
      Authority a = authority;
      if (a == null) {
        throw new IllegalStateException("rule '" + id + "' needs an authority");
      }
      LicenseRules rules;
      try {
        rules = LicenseRules.of(allow, deny);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("rule '" + id + "': " + e.getMessage(), e);
      }
      return new LicenseRule(id, a, rules, allowUnknown);
    }
  }

  private final Memo<String, Parsed> parsed = new Memo<>(8192);

  /** A license string parsed once: the expression or the parse error (a pure function). */
  private static final class Parsed {
    final @Nullable SpdxExpression expression;
    final @Nullable String error;

    private Parsed(@Nullable SpdxExpression expression, @Nullable String error) {
      this.expression = expression;
      this.error = error;
    }

    static Parsed of(String license) {
      try {
        return new Parsed(SpdxExpression.parse(license), null);
      } catch (SscFormatException e) {
        return new Parsed(null, String.valueOf(e.getMessage()));
      }
    }
  }
}
