package dev.ssc.testkit;

import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.attest.predicate.CodeReview;
import dev.ssc.attest.predicate.OpenVex;
import dev.ssc.attest.predicate.ReviewApproval;
import dev.ssc.attest.predicate.SbomComponent;
import dev.ssc.attest.predicate.SlsaProvenance;
import dev.ssc.attest.predicate.TestResult;
import dev.ssc.attest.predicate.VexComponent;
import dev.ssc.attest.predicate.VexStatement;
import dev.ssc.attest.predicate.Vulnerability;
import dev.ssc.attest.predicate.VulnerabilityScan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generates unbroken {@link EvidenceSet}s. Stateless. */
final class EvidenceSets {
  private EvidenceSets() {}

  /** The approvals and author of one review. */
  private static final class People {
    final List<String> approvers;
    final String author;

    People(List<String> approvers, String author) {
      this.approvers = approvers;
      this.author = author;
    }
  }

  static Arbitrary<EvidenceSet> arbitrary(EvidenceSpec spec) {
    Instant now = spec.time();
    Arbitrary<Long> age = Arbitraries.longs().between(3600, 10 * 86400L);
    Arbitrary<List<ImageReference>> images =
        Arbitraries.subsetOf(spec.baseImages())
            .ofMinSize(1)
            .map(s -> orderedLike(spec.baseImages(), s));
    Arbitrary<People> people = people(spec);
    Arbitrary<List<Vulnerability>> low =
        lowFindings().list().uniqueElements(v -> key(v)).ofMaxSize(4);
    Arbitrary<List<Vulnerability>> suppressed =
        SscArbitraries.vulnerabilities()
            .list()
            .uniqueElements(v -> key(v))
            .ofMinSize(0)
            .ofMaxSize(2);
    Arbitrary<Optional<List<Vulnerability>>> vex = suppressed.optional(0.4);
    Arbitrary<List<SbomComponent>> components =
        SscArbitraries.sbomComponents(Arbitraries.of(spec.licenses()).map(Optional::of))
            .list()
            .ofMinSize(1)
            .ofMaxSize(5);
    Arbitrary<Tuple.Tuple4<String, Integer, Boolean, List<String>>> misc =
        Combinators.combine(
                Arbitraries.of(
                    "https://ci.acme.example/build-types/container/v1",
                    "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1"),
                Arbitraries.integers().between(1, 9999),
                Arbitraries.of(true, false),
                Arbitraries.strings()
                    .withChars("abcdefghijklmnopqrstuvwxyz")
                    .ofMinLength(3)
                    .ofMaxLength(10)
                    .map(m -> "dev.acme.web.LoginTest#" + m)
                    .list()
                    .uniqueElements()
                    .ofMinSize(1)
                    .ofMaxSize(4))
            .as(Tuple::of);
    return Combinators.combine(
            SscArbitraries.digestSets(),
            SscArbitraries.gitCommits(),
            age,
            images,
            people,
            Combinators.combine(low, vex).as(Tuple::of),
            components,
            misc)
        .as(
            (subject, commit, seconds, imgs, who, findings, comps, m) ->
                build(spec, now, subject, commit, seconds, imgs, who, findings, comps, m));
  }

  private static EvidenceSet build(
      EvidenceSpec spec,
      Instant now,
      DigestSet subject,
      Digest commit,
      long ageSeconds,
      List<ImageReference> images,
      People who,
      Tuple.Tuple2<List<Vulnerability>, Optional<List<Vulnerability>>> findings,
      List<SbomComponent> components,
      Tuple.Tuple4<String, Integer, Boolean, List<String>> misc) {
    Instant finished = now.minusSeconds(ageSeconds);
    Instant started = finished.minusSeconds(600);
    Instant verifiedAt = finished.plusSeconds(900);
    SlsaProvenance.Builder p =
        SlsaProvenance.builder()
            .builderId(spec.builderId())
            .buildType(misc.get1())
            .externalParameters(
                new JsonObject(
                    Map.of(
                        "repository", new JsonString(spec.sourceRepository()),
                        "ref", new JsonString("refs/heads/main"))))
            .addResolvedDependencies(
                ResourceDescriptor.builder()
                    .uri("git+" + spec.sourceRepository() + "@refs/heads/main")
                    .digest(DigestSet.of(commit))
                    .build())
            .invocationId("https://ci.acme.example/runs/" + misc.get2())
            .startedOn(started)
            .finishedOn(finished);
    for (ImageReference image : images) {
      p.addResolvedDependencies(EvidenceSet.image(image.toString()));
    }
    CodeReview.Builder review =
        CodeReview.builder()
            .repository(spec.sourceRepository())
            .changeId(Integer.toString(misc.get2()))
            .reviewedCommit(commit)
            .author(who.author);
    Instant approvedAt = started.minusSeconds(3600);
    for (String a : who.approvers) {
      ReviewApproval.Builder b = ReviewApproval.builder().reviewer(a).time(approvedAt);
      if (spec.maintainers().contains(a)) {
        b.role("maintainer");
      }
      review.addApprovals(b.build());
    }
    JsonObject reviewJson = CodeReview.PREDICATE.encode(review.build());
    DigestSet reviewAbout = misc.get3() ? subject : DigestSet.of(commit);
    TestResult tests =
        TestResult.builder()
            .result(TestResult.Result.PASSED)
            .addAllPassedTests(misc.get4())
            .url("https://ci.acme.example/runs/" + misc.get2())
            .build();
    List<Vulnerability> all = new ArrayList<>(findings.get1());
    OpenVex vex = null;
    if (findings.get2().isPresent()) {
      Set<String> keys = new LinkedHashSet<>();
      all.forEach(v -> keys.add(key(v)));
      List<VexStatement> statements = new ArrayList<>();
      for (Vulnerability v : findings.get2().get()) {
        if (keys.add(key(v))) {
          all.add(v);
          statements.add(suppressing(v, subject, statements.size()));
        }
      }
      statements.add(
          VexStatement.builder()
              .vulnerabilityName("CVE-2098-0001")
              .status(VexStatement.Status.UNDER_INVESTIGATION)
              .build());
      vex =
          OpenVex.builder()
              .id("https://openvex.dev/docs/acme/vex-" + misc.get2())
              .author("Acme Security")
              .timestamp(finished)
              .version(1)
              .addAllStatements(statements)
              .build();
    }
    VulnerabilityScan scan = EvidenceSet.scan(all, verifiedAt);
    return new EvidenceSet(
        spec,
        subject,
        verifiedAt,
        p.build(),
        reviewJson,
        reviewAbout,
        EvidenceSpec.keyId(EvidenceSpec.CODE_REVIEW),
        tests,
        subject,
        List.of(scan),
        components,
        vex,
        List.of(),
        Set.of());
  }

  /** A statement that suppresses {@code v} for {@code subject}: not_affected or fixed. */
  private static VexStatement suppressing(Vulnerability v, DigestSet subject, int n) {
    VexStatement.Builder b = VexStatement.builder().vulnerabilityName(v.id());
    if (n % 2 == 0) {
      b.status(VexStatement.Status.NOT_AFFECTED)
          .justification(VexStatement.Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
    } else {
      b.status(VexStatement.Status.FIXED);
    }
    List<Digest> labelled = new ArrayList<>();
    subject.digests().stream()
        .filter(d -> VexComponent.hashLabel(d.algorithm()).isPresent())
        .forEach(labelled::add);
    if (n % 3 != 2 && !labelled.isEmpty()) {
      b.addProducts(
          VexComponent.builder().id("pkg:oci/web").hashes(DigestSet.of(labelled)).build());
    }
    return b.build();
  }

  /** Findings below high: CVSS 0.1 to 6.9, with a score, a band or both. */
  private static Arbitrary<Vulnerability> lowFindings() {
    return Combinators.combine(
            SscArbitraries.vulnerabilityIds(),
            Arbitraries.integers().between(1, 69),
            Arbitraries.integers().between(0, 2))
        .as(
            (id, tenths, form) -> {
              Vulnerability.Builder b = Vulnerability.builder().id(id);
              String score = java.math.BigDecimal.valueOf(tenths, 1).toPlainString();
              String band = tenths >= 40 ? "medium" : "low";
              if (form != 1) {
                b.putSeverity("cvss_score", score);
              }
              if (form != 0) {
                b.putSeverity("nvd", band);
              }
              return b.build();
            });
  }

  private static Arbitrary<People> people(EvidenceSpec spec) {
    List<String> maintainers = spec.maintainers();
    int min = spec.minApprovals();
    List<String> everyone = new ArrayList<>(spec.roster().keySet());
    everyone.add("outside-contributor");
    return Arbitraries.shuffle(maintainers)
        .flatMap(
            shuffled ->
                Arbitraries.integers()
                    .between(min, Math.min(maintainers.size(), min + 1))
                    .flatMap(
                        k -> {
                          List<String> approvers = new ArrayList<>(shuffled.subList(0, k));
                          List<String> authors = new ArrayList<>(everyone);
                          authors.removeAll(approvers);
                          return Combinators.combine(
                                  Arbitraries.of(authors),
                                  nonMaintainers(spec).isEmpty()
                                      ? Arbitraries.just(Set.<String>of())
                                      : Arbitraries.subsetOf(nonMaintainers(spec)).ofMaxSize(2))
                              .as(
                                  (author, extra) -> {
                                    List<String> all = new ArrayList<>(approvers);
                                    extra.stream()
                                        .filter(x -> !x.equals(author))
                                        .sorted()
                                        .forEach(all::add);
                                    return new People(all, author);
                                  });
                        }));
  }

  private static List<String> nonMaintainers(EvidenceSpec spec) {
    List<String> out = new ArrayList<>(spec.roster().keySet());
    out.removeAll(spec.maintainers());
    return out;
  }

  private static <T> List<T> orderedLike(List<T> order, Set<T> subset) {
    List<T> out = new ArrayList<>();
    for (T t : order) {
      if (subset.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private static String key(Vulnerability v) {
    return v.id().toUpperCase(Locale.ROOT);
  }
}
