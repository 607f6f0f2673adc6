package dev.ssc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ssc.api.Verdict;
import dev.ssc.api.identity.Role;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.Vulnerability;
import dev.ssc.policy.Authority;
import dev.ssc.policy.CodeReviewRule;
import dev.ssc.policy.Rule;
import dev.ssc.policy.RulePolicy;
import dev.ssc.policy.VulnerabilityRule;
import dev.ssc.testkit.EvidenceSet.Defect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Example properties to copy into your own policy tests: generate evidence with {@link
 * SscArbitraries#evidenceSets(EvidenceSpec)}, break it with {@link EvidenceSet#with(Defect)}, and
 * state what your policy must never do.
 */
class ExamplePolicyPropertiesTest {
  private static final EvidenceSpec SPEC = EvidenceSpec.defaults();
  private static final RulePolicy ACME = SPEC.policy();

  // ------------------------------------------------------------ the generators are coherent

  @Property(tries = 100)
  void theAcmePolicyAllowsEveryUnbrokenEvidenceSet(@ForAll EvidenceSet evidence) {
    Decision d = ACME.evaluate(evidence.input());
    Statistics.label("with VEX").collect(evidence.hasVex());
    Statistics.label("with VEX").coverage(c -> c.check(true).percentage(p -> p >= 15));
    assertEquals(Verdict.ALLOW, d.verdict(), () -> explain(d));
  }

  @Property(tries = 120)
  void eachDefectDeniesWithExactlyTheRuleMeantToCatchIt(
      @ForAll EvidenceSet evidence, @ForAll Defect defect) {
    Decision d = ACME.evaluate(evidence.with(defect).input());
    assertEquals(Verdict.DENY, d.verdict(), () -> defect + ": " + explain(d));
    assertEquals(Set.of(defect.ruleId()), denying(d), () -> defect + ": " + explain(d));
  }

  // ------------------------------------------------------------ no maintainer review, no release

  /** A generated policy, the same policy without its code-review rule, and evidence. */
  record Case(RulePolicy policy, RulePolicy withoutReview, EvidenceSet evidence) {}

  @Property(tries = 200)
  void noPolicyAllowsAnArtifactWithoutAMaintainerReview(@ForAll("unreviewed") Case c) {
    EvidenceSet e = c.evidence();
    assertEquals(0, e.maintainerApprovals(), "the generator must not produce approved reviews");
    boolean otherwisePerfect = c.withoutReview().evaluate(e.input()).verdict() == Verdict.ALLOW;
    Statistics.label("otherwise perfect").collect(otherwisePerfect);
    Statistics.label("otherwise perfect").coverage(k -> k.check(true).percentage(p -> p >= 25));
    Statistics.label("how")
        .collect(
            e.defects().stream()
                .filter(Defect::removesMaintainerApproval)
                .findFirst()
                .orElseThrow());

    Decision d = c.policy().evaluate(e.input());

    assertEquals(Verdict.DENY, d.verdict(), () -> explain(d));
  }

  @Provide
  Arbitrary<Case> unreviewed() {
    return rosters()
        .flatMap(
            roster -> {
              EvidenceSpec.Builder b = EvidenceSpec.builder();
              roster.forEach(t -> b.principal(t.get1(), t.get2()));
              EvidenceSpec spec = b.build();
              Arbitrary<Defect> noApproval =
                  Arbitraries.of(Defect.class).filter(Defect::removesMaintainerApproval);
              Arbitrary<Set<Defect>> others =
                  Arbitraries.frequencyOf(
                      Tuple.of(1, Arbitraries.just(Set.<Defect>of())),
                      Tuple.of(
                          1,
                          Arbitraries.of(Defect.class)
                              .filter(x -> !x.removesMaintainerApproval())
                              .set()
                              .ofMinSize(1)
                              .ofMaxSize(2)));
              Arbitrary<EvidenceSet> evidence =
                  Combinators.combine(SscArbitraries.evidenceSets(spec), others, noApproval)
                      .as((e, o, n) -> e.with(o).with(n));
              Arbitrary<List<Rule>> otherRules =
                  Arbitraries.subsetOf(
                          spec.policy().rules().stream()
                              .filter(r -> !r.id().equals(CodeReviewRule.DEFAULT_ID))
                              .collect(Collectors.toList()))
                      .ofMinSize(1)
                      .map(ArrayList::new);
              Arbitrary<Rule> review =
                  Combinators.combine(
                          Arbitraries.integers().between(1, 3), Arbitraries.of(true, false))
                      .as(
                          (min, twoKeys) ->
                              CodeReviewRule.builder()
                                  .authority(
                                      twoKeys
                                          ? Authority.ofKeyIds(
                                              EvidenceSpec.CODE_REVIEW,
                                              1,
                                              Set.of(
                                                  EvidenceSpec.keyId(EvidenceSpec.CODE_REVIEW),
                                                  "review-backup-key"))
                                          : spec.authority(EvidenceSpec.CODE_REVIEW))
                                  .provenanceAuthority(spec.authority(EvidenceSpec.CI))
                                  .minApprovals(min)
                                  .build());
              return Combinators.combine(otherRules, review, evidence)
                  .as(
                      (rules, rule, e) -> {
                        RulePolicy.Builder with = spec.policyBuilder("generated").rule(rule);
                        RulePolicy.Builder without = spec.policyBuilder("generated-no-review");
                        rules.forEach(with::rule);
                        rules.forEach(without::rule);
                        return new Case(with.build(), without.build(), e);
                      });
            });
  }

  /** Rosters of two to six people with zero to two roles; the first is a maintainer. */
  static Arbitrary<List<Tuple.Tuple2<String, Set<Role>>>> rosters() {
    return Arbitraries.subsetOf("alice", "bob", "carol", "dave", "erin", "frank", "grace")
        .ofMinSize(2)
        .ofMaxSize(6)
        .flatMap(
            names -> {
              List<String> people = names.stream().sorted().collect(Collectors.toList());
              return SscArbitraries.roles()
                  .set()
                  .ofMaxSize(2)
                  .list()
                  .ofSize(people.size())
                  .map(
                      roles -> {
                        List<Tuple.Tuple2<String, Set<Role>>> out = new ArrayList<>();
                        for (int i = 0; i < people.size(); i++) {
                          Set<Role> r = new LinkedHashSet<>(roles.get(i));
                          if (i == 0) {
                            r.add(SscArbitraries.MAINTAINER);
                          }
                          out.add(Tuple.of(people.get(i), r));
                        }
                        return out;
                      });
            });
  }

  // ------------------------------------------------------------ findings only make things worse

  @Property(tries = 200)
  void addingAFindingNeverTurnsDenyIntoAllow(
      @ForAll("anyEvidence") EvidenceSet evidence,
      @ForAll("vulnerabilityPolicies") RulePolicy policy,
      @ForAll("findings") Vulnerability finding) {
    Decision before = policy.evaluate(evidence.input());
    Statistics.label("before").collect(before.verdict());
    Statistics.label("before").coverage(c -> c.check(Verdict.DENY).percentage(p -> p >= 30));
    Statistics.label("before").coverage(c -> c.check(Verdict.ALLOW).percentage(p -> p >= 10));
    if (before.verdict() == Verdict.DENY) {
      Decision inScan = policy.evaluate(evidence.withFinding(finding).input());
      assertEquals(Verdict.DENY, inScan.verdict(), () -> explain(inScan));
      // A new scan on top of the trusted one: every generated set has one signed by the scanner.
      Decision newScan = policy.evaluate(evidence.withScan(List.of(finding)).input());
      assertEquals(Verdict.DENY, newScan.verdict(), () -> explain(newScan));
    }
  }

  @Provide
  Arbitrary<EvidenceSet> anyEvidence() {
    return Combinators.combine(
            SscArbitraries.evidenceSets(SPEC),
            Arbitraries.of(Defect.class).set().ofMaxSize(2).map(ArrayList::new))
        .as(EvidenceSet::with);
  }

  /** Ids shared by findings and exceptions, so that exceptions sometimes match. */
  private static final List<String> SHARED_IDS =
      List.of("CVE-2021-44228", "CVE-2024-3094", "GHSA-2c8f-9w4q-h7vx");

  @Provide
  Arbitrary<Vulnerability> findings() {
    return Combinators.combine(
            SscArbitraries.vulnerabilities(),
            Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")), Tuple.of(1, Arbitraries.of(SHARED_IDS))))
        .as(
            (v, id) -> {
              if (id.isEmpty()) {
                return v;
              }
              Vulnerability.Builder b = Vulnerability.builder().id(id);
              v.severity().forEach(b::putSeverity);
              return b.build();
            });
  }

  @Provide
  Arbitrary<RulePolicy> vulnerabilityPolicies() {
    return Combinators.combine(
            Arbitraries.of(VulnerabilityRule.Severity.class),
            Arbitraries.of(true, false),
            exceptions(Arbitraries.longs().between(-400 * 86400L, 400 * 86400L)))
        .as(
            (severity, withVex, exceptions) -> {
              VulnerabilityRule.Builder v =
                  VulnerabilityRule.builder()
                      .authority(SPEC.authority(EvidenceSpec.SCANNER))
                      .denyAtOrAbove(severity);
              if (withVex) {
                v.vexAuthority(SPEC.authority(EvidenceSpec.SECURITY));
              }
              exceptions.forEach(x -> v.exception(x.get1(), "alice", "accepted risk", x.get2()));
              return acmeWith(v.build());
            });
  }

  /** Zero to two exceptions for shared or random ids, expiring {@code offsets} from now. */
  private static Arbitrary<List<Tuple.Tuple2<String, Instant>>> exceptions(
      Arbitrary<Long> offsets) {
    Arbitrary<String> id =
        Arbitraries.oneOf(Arbitraries.of(SHARED_IDS), SscArbitraries.vulnerabilityIds());
    return Combinators.combine(id, offsets)
        .as((i, o) -> Tuple.of(i, SPEC.time().plusSeconds(o)))
        .list()
        .ofMaxSize(2);
  }

  /** The Acme policy with {@code vulnerabilities} replaced by {@code rule}. */
  private static RulePolicy acmeWith(Rule rule) {
    RulePolicy.Builder b = SPEC.policyBuilder("acme-variant");
    for (Rule r : ACME.rules()) {
      b.rule(r.id().equals(VulnerabilityRule.DEFAULT_ID) ? rule : r);
    }
    return b.build();
  }

  // ------------------------------------------------------------ expired exceptions are no
  // exceptions

  @Property(tries = 200)
  void anExpiredExceptionNeverSuppresses(
      @ForAll("anyEvidence") EvidenceSet evidence,
      @ForAll("findings") Vulnerability finding,
      @ForAll VulnerabilityRule.Severity threshold,
      @ForAll("expiredAgo") Duration expiredAgo,
      @ForAll boolean limitedToSubject,
      @ForAll boolean lowerCase) {
    EvidenceSet e = evidence.withFinding(finding);
    Instant expired = SPEC.time().minus(expiredAgo);
    String id = lowerCase ? finding.id().toLowerCase(Locale.ROOT) : finding.id();
    VulnerabilityRule.Builder without =
        VulnerabilityRule.builder()
            .authority(SPEC.authority(EvidenceSpec.SCANNER))
            .denyAtOrAbove(threshold)
            .vexAuthority(SPEC.authority(EvidenceSpec.SECURITY));
    VulnerabilityRule.Builder with =
        VulnerabilityRule.builder()
            .authority(SPEC.authority(EvidenceSpec.SCANNER))
            .denyAtOrAbove(threshold)
            .vexAuthority(SPEC.authority(EvidenceSpec.SECURITY));
    if (limitedToSubject) {
      with.exception(
          id,
          "alice",
          "accepted until the fix",
          expired,
          List.of(e.subject().sha256().orElseThrow()));
    } else {
      with.exception(id, "alice", "accepted until the fix", expired);
    }

    Decision plain = acmeWith(without.build()).evaluate(e.input());
    Decision excepted = acmeWith(with.build()).evaluate(e.input());

    boolean blocked = outcomes(plain).contains(VulnerabilityRule.DEFAULT_ID + " FAIL");
    Statistics.label("the finding's rule fails without the exception").collect(blocked);
    Statistics.label("the finding's rule fails without the exception")
        .coverage(c -> c.check(true).percentage(p -> p >= 30));
    assertEquals(plain.verdict(), excepted.verdict(), () -> explain(excepted));
    assertEquals(outcomes(plain), outcomes(excepted), () -> explain(excepted));
  }

  @Provide
  Arbitrary<Duration> expiredAgo() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Duration.ZERO)),
        Tuple.of(3, Arbitraries.longs().between(1, 400 * 86400L).map(Duration::ofSeconds)));
  }

  // ------------------------------------------------------------ helpers

  static Set<String> denying(Decision d) {
    return d.results().stream()
        .filter(RuleResult::denies)
        .map(RuleResult::ruleId)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  static List<String> outcomes(Decision d) {
    return d.results().stream()
        .map(r -> r.ruleId() + " " + r.outcome())
        .collect(Collectors.toList());
  }

  static String explain(Decision d) {
    return d.results().stream()
        .map(r -> r.ruleId() + " " + r.outcome() + ": " + r.message())
        .collect(Collectors.joining("\n"));
  }
}
