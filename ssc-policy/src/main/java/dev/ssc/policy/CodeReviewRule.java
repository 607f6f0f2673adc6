package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Role;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.CodeReview;
import dev.ssc.attest.predicate.SlsaProvenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Requires that the commit the artifact was built from was reviewed: at least {@code minApprovals}
 * approvals by principals holding {@code role} (by default {@code maintainer}), none of them the
 * change's author, on exactly the commit that the trusted SLSA provenance says was built.
 *
 * <p>The built commit comes from the provenance about the subject signed by the {@linkplain
 * Builder#provenanceAuthority provenance authority}: the first {@code resolvedDependencies} entry
 * with a {@code gitCommit} (else {@code sha1}) digest. Reviews are {@value CodeReview#URI}
 * attestations signed by the {@linkplain Builder#authority review authority}, whose statement
 * subject is either the artifact or the commit; either way a review counts only if its {@code
 * reviewedCommit} is the built commit. A reviewer's roles come only from the policy ({@link
 * RuleContext#rolesOf}); the role an approval claims for itself is never trusted. Approvals by the
 * author never count (there is deliberately no option to allow them), and several approvals by one
 * reviewer count once. Each review is judged on its own; one sufficient review passes the rule.
 *
 * <pre>{@code
 * Rule review = CodeReviewRule.builder()
 *     .authority(Authority.ofKeyIds("github", 1, Set.of("review-key")))
 *     .provenanceAuthority(Authority.ofKeyIds("ci", 1, Set.of("ci-key")))
 *     .minApprovals(2)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CodeReviewRule implements Rule {
  /** The rule id unless one is set. */
  public static final String DEFAULT_ID = "code-review";

  /** The role approvers must hold unless one is set. */
  public static final Role DEFAULT_ROLE = Role.of("maintainer");

  private final String id;
  private final Authority authority;
  private final Authority provenanceAuthority;
  private final int minApprovals;
  private final Role role;

  private CodeReviewRule(Builder b, Authority authority, Authority provenanceAuthority) {
    this.id = b.id;
    this.authority = authority;
    this.provenanceAuthority = provenanceAuthority;
    this.minApprovals = b.minApprovals;
    this.role = b.role;
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
    RuleResult.Builder r = RuleResult.builder().ruleId(id);
    EvidenceSearch<SlsaProvenance> provenance =
        context.find(SlsaProvenance.PREDICATE, provenanceAuthority);
    r.addAllEvidence(provenance.ids());
    Map<Digest, List<Digest>> built = new LinkedHashMap<>();
    List<Digest> withoutCommit = new ArrayList<>();
    for (Evidence<SlsaProvenance> e : provenance.trusted()) {
      Optional<Digest> commit = sourceCommit(e.predicate());
      if (commit.isPresent()) {
        built.computeIfAbsent(commit.get(), k -> new ArrayList<>()).add(e.id());
      } else {
        withoutCommit.add(e.id());
      }
    }
    if (built.isEmpty()) {
      String message =
          provenance.isEmpty()
              ? provenance.describeMissing(context.subject().toString())
                  + ", so the built commit is unknown"
              : "the trusted provenance "
                  + withoutCommit
                  + " names no git commit among its resolvedDependencies (no gitCommit or sha1"
                  + " digest), so the built commit is unknown";
      return r.outcome(RuleResult.Outcome.FAIL)
          .message(message)
          .remedy(
              "provide SLSA provenance about this exact digest, signed by authority '"
                  + provenanceAuthority.name()
                  + "', whose resolvedDependencies record the source commit as a gitCommit digest")
          .build();
    }
    if (built.size() > 1) {
      return r.outcome(RuleResult.Outcome.FAIL)
          .message(
              "the trusted provenance about "
                  + context.subject()
                  + " disagrees on the built commit: "
                  + built
                  + "; a review cannot be matched to one commit")
          .remedy("find out why one digest has provenance from several commits; rebuild once")
          .build();
    }
    Digest commit = built.keySet().iterator().next();

    List<Evidence<CodeReview>> reviews = new ArrayList<>();
    Set<Digest> seen = new LinkedHashSet<>();
    List<EvidenceSearch.Rejected> rejected = new ArrayList<>();
    for (EvidenceSearch<CodeReview> found :
        List.of(
            context.find(CodeReview.PREDICATE, authority),
            context.find(CodeReview.PREDICATE, authority, DigestSet.of(commit)))) {
      for (Evidence<CodeReview> e : found.trusted()) {
        if (seen.add(e.id())) {
          reviews.add(e);
          r.addEvidence(e.id());
        }
      }
      for (EvidenceSearch.Rejected x : found.rejected()) {
        if (seen.add(x.id())) {
          rejected.add(x);
          r.addEvidence(x.id());
        }
      }
    }

    List<String> otherCommits = new ArrayList<>();
    List<String> insufficient = new ArrayList<>();
    for (Evidence<CodeReview> e : reviews) {
      CodeReview review = e.predicate();
      if (!sameCommit(review.reviewedCommit(), commit)) {
        otherCommits.add(
            "review of change "
                + review.changeId()
                + " ("
                + e.id()
                + ") covers commit "
                + review.reviewedCommit().value()
                + ", but commit "
                + commit.value()
                + " was built");
        continue;
      }
      List<String> approved = new ArrayList<>();
      List<String> excluded = new ArrayList<>();
      for (String reviewer : review.approvers()) {
        if (reviewer.equals(review.author())) {
          excluded.add(reviewer + " (the author)");
        } else if (!context.hasRole(reviewer, role)) {
          excluded.add(reviewer + " (not a " + role.name() + ")");
        } else {
          approved.add(reviewer);
        }
      }
      String detail =
          "change "
              + review.changeId()
              + " by "
              + review.author()
              + " ("
              + e.id()
              + ") has "
              + approved.size()
              + " approval"
              + (approved.size() == 1 ? "" : "s")
              + " by a "
              + role.name()
              + (approved.isEmpty() ? "" : " (" + String.join(", ", approved) + ")")
              + (excluded.isEmpty() ? "" : "; not counted: " + String.join(", ", excluded));
      if (approved.size() >= minApprovals) {
        return r.outcome(RuleResult.Outcome.PASS)
            .message(
                "commit "
                    + commit.value()
                    + " was reviewed: "
                    + detail
                    + " (at least "
                    + minApprovals
                    + " required)")
            .build();
      }
      insufficient.add(detail);
    }

    StringBuilder message =
        new StringBuilder("commit ")
            .append(commit.value())
            .append(" (built into ")
            .append(context.subject())
            .append(") needs at least ")
            .append(minApprovals)
            .append(" approval")
            .append(minApprovals == 1 ? "" : "s")
            .append(" by a ")
            .append(role.name())
            .append(" other than the author");
    if (insufficient.isEmpty()) {
      message
          .append("; found no ")
          .append(CodeReview.URI)
          .append(" attestation of it signed by authority '")
          .append(authority.name())
          .append("'");
    } else {
      message.append("; ").append(String.join("; ", insufficient));
    }
    if (!otherCommits.isEmpty()) {
      message.append("; ").append(String.join("; ", otherCommits));
    }
    if (!rejected.isEmpty()) {
      message.append("; rejected: ");
      for (int i = 0; i < rejected.size(); i++) {
        message.append(i == 0 ? "" : "; ").append(rejected.get(i));
      }
    }
    return r.outcome(RuleResult.Outcome.FAIL)
        .message(message.toString())
        .remedy(
            "have "
                + minApprovals
                + " principal"
                + (minApprovals == 1 ? "" : "s")
                + " with role "
                + role.name()
                + " in the policy, other than the author, approve commit "
                + commit.value()
                + ", and provide the review attestation signed by authority '"
                + authority.name()
                + "'")
        .build();
  }

  /** The source commit the provenance records, as {@link Provenances#sourceCommit} defines it. */
  static Optional<Digest> sourceCommit(SlsaProvenance provenance) {
    return Provenances.sourceCommit(provenance);
  }

  private static boolean sameCommit(Digest a, Digest b) {
    return a.equals(b); // both gitCommit, lowercase hex
  }

  @Override
  public String toString() {
    return "CodeReviewRule["
        + id
        + ", "
        + minApprovals
        + " x "
        + role.name()
        + ", reviews by "
        + authority.name()
        + ", provenance by "
        + provenanceAuthority.name()
        + "]";
  }

  /** Builds a {@link CodeReviewRule}; the two authorities are required. */
  public static final class Builder {
    private String id = DEFAULT_ID;
    private @Nullable Authority authority;
    private @Nullable Authority provenanceAuthority;
    private int minApprovals = 1;
    private Role role = DEFAULT_ROLE;

    Builder() {}

    /** Sets the rule id; {@value CodeReviewRule#DEFAULT_ID} unless set. */
    @CanIgnoreReturnValue
    public Builder id(String id) {
      Rules.checkId(id);
      this.id = id;
      return this;
    }

    /** Sets the authority whose keys sign review attestations (the review system). */
    @CanIgnoreReturnValue
    public Builder authority(Authority authority) {
      this.authority = requireNonNull(authority, "authority");
      return this;
    }

    /**
     * Sets the authority whose SLSA provenance about the subject says which commit was built (the
     * build system).
     */
    @CanIgnoreReturnValue
    public Builder provenanceAuthority(Authority provenanceAuthority) {
      this.provenanceAuthority = requireNonNull(provenanceAuthority, "provenanceAuthority");
      return this;
    }

    /**
     * Sets how many distinct approvers with the role are required; 1 unless set.
     *
     * @throws IllegalArgumentException if {@code minApprovals} is less than 1
     */
    @CanIgnoreReturnValue
    public Builder minApprovals(int minApprovals) {
      if (minApprovals < 1) {
        throw new IllegalArgumentException("minApprovals must be at least 1, got " + minApprovals);
      }
      this.minApprovals = minApprovals;
      return this;
    }

    /** Sets the role approvers must hold in the policy; {@code maintainer} unless set. */
    @CanIgnoreReturnValue
    public Builder role(Role role) {
      this.role = requireNonNull(role, "role");
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws IllegalStateException if an authority is missing
     */
    public CodeReviewRule build() {
      Authority a = authority;
      Authority p = provenanceAuthority;
      if (a == null || p == null) {
        throw new IllegalStateException(
            "rule '"
                + id
                + "' needs "
                + (a == null ? "authority" : "")
                + (a == null && p == null ? " and " : "")
                + (p == null ? "provenanceAuthority" : ""));
      }
      return new CodeReviewRule(this, a, p);
    }
  }
}
