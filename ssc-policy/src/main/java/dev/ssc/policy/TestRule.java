package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Requires that the release candidate itself was tested: a passing {@value TestResult#URI}
 * attestation about the subject's digest, signed by the trusted test runner, covering the required
 * suites.
 *
 * <p>A trusted result is one about the subject signed by the {@linkplain Builder#authority runner
 * authority}. It is acceptable when its result is {@code PASSED}, or {@code WARNED} if {@linkplain
 * Builder#allowWarned warnings are allowed}. The rule passes when some trusted result is acceptable
 * and each {@linkplain Builder#requiredSuite required suite} is listed (by exact name) in the
 * {@code passedTests} (or, with warnings allowed, {@code warnedTests}) of an acceptable trusted
 * result and in the {@code failedTests} (or, without warnings allowed, {@code warnedTests}) of no
 * trusted result. A failing run that names no required suite does not deny. A trusted result about
 * another digest never counts, and the failure says which digest was tested instead.
 *
 * <pre>{@code
 * Rule tests = TestRule.builder()
 *     .authority(Authority.ofKeyIds("ci", 1, Set.of("ci-key")))
 *     .requiredSuite("unit")
 *     .requiredSuite("integration")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TestRule implements Rule {
  /** The rule id unless one is set. */
  public static final String DEFAULT_ID = "tests";

  private final String id;
  private final Authority authority;
  private final List<String> requiredSuites;
  private final boolean allowWarned;

  private TestRule(Builder b, Authority authority) {
    this.id = b.id;
    this.authority = authority;
    this.requiredSuites = List.copyOf(b.requiredSuites);
    this.allowWarned = b.allowWarned;
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
    EvidenceSearch<TestResult> found = context.find(TestResult.PREDICATE, authority);
    RuleResult.Builder r = RuleResult.builder().ruleId(id).addAllEvidence(found.ids());
    List<Evidence<TestResult>> acceptable = new ArrayList<>();
    List<String> notAcceptable = new ArrayList<>();
    for (Evidence<TestResult> e : found.trusted()) {
      if (acceptable(e.predicate())) {
        acceptable.add(e);
      } else {
        notAcceptable.add(
            e.id()
                + " is "
                + e.predicate().result()
                + (e.predicate().result() == TestResult.Result.WARNED
                    ? " (warnings are not allowed)"
                    : ""));
      }
    }
    List<String> problems = new ArrayList<>();
    if (acceptable.isEmpty()) {
      problems.add(
          found.trusted().isEmpty()
              ? found.describeMissing(context.subject().toString())
              : "no trusted test result about "
                  + context.subject()
                  + " passed: "
                  + String.join("; ", notAcceptable));
    }
    for (String suite : requiredSuites) {
      boolean passed = acceptable.stream().anyMatch(e -> passes(e.predicate(), suite));
      List<String> failedIn =
          found.trusted().stream()
              .filter(e -> fails(e.predicate(), suite))
              .map(e -> e.id().toString())
              .collect(Collectors.toList());
      if (!failedIn.isEmpty()) {
        problems.add(
            "suite '"
                + suite
                + "' "
                + (allowWarned ? "failed" : "failed or warned")
                + " in "
                + String.join(", ", failedIn));
      } else if (!passed && !acceptable.isEmpty()) {
        problems.add("suite '" + suite + "' is not among the passed tests of a passing result");
      }
    }
    if (problems.isEmpty()) {
      Evidence<TestResult> first = acceptable.get(0);
      return r.outcome(RuleResult.Outcome.PASS)
          .message(
              "tests passed on "
                  + context.subject()
                  + ": "
                  + acceptable.size()
                  + " passing result"
                  + (acceptable.size() == 1 ? "" : "s")
                  + " signed by authority '"
                  + authority.name()
                  + "' (first "
                  + first.id()
                  + ", "
                  + first.predicate().result()
                  + ")"
                  + (requiredSuites.isEmpty()
                      ? ""
                      : "; required suites passed: " + String.join(", ", requiredSuites)))
          .build();
    }
    List<String> elsewhere = new ArrayList<>();
    for (VerifiedAttestation a : context.evidence()) {
      if (a.predicateType().equals(TestResult.URI)
          && !a.isAbout(context.subject())
          && authority.trusts(a)) {
        r.addEvidence(a.evidenceId());
        elsewhere.add(
            "tests ran on "
                + describe(a)
                + " ("
                + a.evidenceId()
                + ") but the release candidate is "
                + describe(context.subject()));
      }
    }
    problems.addAll(elsewhere);
    return r.outcome(RuleResult.Outcome.FAIL)
        .message(String.join("; ", problems))
        .remedy(
            "run the tests"
                + (requiredSuites.isEmpty()
                    ? ""
                    : " (suites " + String.join(", ", requiredSuites) + ")")
                + " on this exact digest until they pass"
                + (allowWarned ? " or warn" : "")
                + ", and provide the test result attestation signed by "
                + authority.threshold()
                + " of the keys of authority '"
                + authority.name()
                + "'")
        .build();
  }

  private boolean acceptable(TestResult t) {
    return t.result() == TestResult.Result.PASSED
        || (allowWarned && t.result() == TestResult.Result.WARNED);
  }

  private boolean passes(TestResult t, String suite) {
    return t.passedTests().contains(suite) || (allowWarned && t.warnedTests().contains(suite));
  }

  private boolean fails(TestResult t, String suite) {
    return t.failedTests().contains(suite) || (!allowWarned && t.warnedTests().contains(suite));
  }

  private static String describe(VerifiedAttestation a) {
    Set<String> subjects = new LinkedHashSet<>();
    for (ResourceDescriptor s : a.statement().subjects()) {
      subjects.add(describe(s.digest()));
    }
    return String.join(", ", subjects);
  }

  private static String describe(DigestSet digests) {
    return digests.size() == 1
        ? digests.digests().iterator().next().toString()
        : digests.sha256().map(Object::toString).orElse(digests.toString());
  }

  @Override
  public String toString() {
    return "TestRule[" + id + ", " + authority.name() + ", suites " + requiredSuites + "]";
  }

  /** Builds a {@link TestRule}; the runner authority is required. */
  public static final class Builder {
    private String id = DEFAULT_ID;
    private @Nullable Authority authority;
    private final Set<String> requiredSuites = new LinkedHashSet<>();
    private boolean allowWarned;

    Builder() {}

    /** Sets the rule id; {@value TestRule#DEFAULT_ID} unless set. */
    @CanIgnoreReturnValue
    public Builder id(String id) {
      Rules.checkId(id);
      this.id = id;
      return this;
    }

    /** Sets the authority whose keys sign test results (the trusted runner). */
    @CanIgnoreReturnValue
    public Builder authority(Authority authority) {
      this.authority = requireNonNull(authority, "authority");
      return this;
    }

    /**
     * Adds a suite (a test name, matched exactly) that must have passed; none unless added.
     *
     * @throws IllegalArgumentException if {@code suite} is blank
     */
    @CanIgnoreReturnValue
    public Builder requiredSuite(String suite) {
      requireNonNull(suite, "suite");
      if (suite.isBlank()) {
        throw new IllegalArgumentException("a required suite must not be blank");
      }
      requiredSuites.add(suite);
      return this;
    }

    /** Adds suites that must have passed. */
    @CanIgnoreReturnValue
    public Builder requiredSuites(Iterable<String> suites) {
      for (String s : requireNonNull(suites, "suites")) {
        requiredSuite(s);
      }
      return this;
    }

    /**
     * Sets whether a {@code WARNED} result, and a suite among its {@code warnedTests}, passes;
     * false unless set.
     */
    @CanIgnoreReturnValue
    public Builder allowWarned(boolean allowWarned) {
      this.allowWarned = allowWarned;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws IllegalStateException if the authority is missing
     */
    public TestRule build() {
      Authority a = authority;
      if (a == null) {
        throw new IllegalStateException("rule '" + id + "' needs an authority");
      }
      return new TestRule(this, a);
    }
  }
}
