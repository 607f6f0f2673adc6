package dev.ssc.attest.predicate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * ssc's code review predicate ({@value #URI}): a change to a repository, the exact commit that was
 * reviewed, its author and the approvals it received. The in-toto attestation framework defines no
 * review predicate; this one is specified in docs/formats.md.
 *
 * <p>The reviewed commit is a {@code gitCommit} digest, so a policy can check that the commit that
 * was built is the one that was reviewed. An approval by the author is rejected: it is no review.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class CodeReview {
  /** The predicate type URI. */
  public static final String URI = "https://ssc.dev/attestation/code-review/v1";

  /** The predicate type, for {@link PredicateRegistry} and {@link Predicate#as}. */
  public static final PredicateType<CodeReview> PREDICATE = new CodeReviewType();

  CodeReview() {}

  /** {@code repository}: the repository URI, such as {@code https://github.com/acme/web}. */
  public abstract String repository();

  /** {@code changeId}: the change's id in the review system, such as a pull request number. */
  public abstract String changeId();

  /** {@code reviewedCommit}: the {@code gitCommit} digest of the commit the approvals cover. */
  public abstract Digest reviewedCommit();

  /** {@code author}: the principal who wrote the change. */
  public abstract String author();

  /** {@code approvals}, in the order given. */
  public abstract List<ReviewApproval> approvals();

  /** The distinct reviewers who approved. */
  public Set<String> approvers() {
    Set<String> out = new java.util.LinkedHashSet<>();
    approvals().forEach(a -> out.add(a.reviewer()));
    return java.util.Collections.unmodifiableSet(out);
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableCodeReview.builder();
  }

  /** Builds a {@link CodeReview}. */
  public interface Builder {
    /** Sets the repository. */
    @CanIgnoreReturnValue
    Builder repository(String repository);

    /** Sets the change id. */
    @CanIgnoreReturnValue
    Builder changeId(String changeId);

    /** Sets the reviewed commit. */
    @CanIgnoreReturnValue
    Builder reviewedCommit(Digest reviewedCommit);

    /** Sets the author. */
    @CanIgnoreReturnValue
    Builder author(String author);

    /** Adds an approval. */
    @CanIgnoreReturnValue
    Builder addApprovals(ReviewApproval approval);

    /** Adds approvals. */
    @CanIgnoreReturnValue
    Builder addAllApprovals(Iterable<? extends ReviewApproval> approvals);

    /**
     * Builds the review.
     *
     * @throws IllegalStateException if an attribute is missing
     * @throws IllegalArgumentException if a string is empty, the commit is not a {@code gitCommit}
     *     digest, the author approved, or a reviewer approved twice
     */
    CodeReview build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (repository().isEmpty()) {
      problems.add("repository must not be empty");
    }
    if (changeId().isEmpty()) {
      problems.add("changeId must not be empty");
    }
    if (author().isEmpty()) {
      problems.add("author must not be empty");
    }
    if (!reviewedCommit().algorithm().equals(DigestAlgorithm.GIT_COMMIT)) {
      problems.add(
          "reviewedCommit must be a gitCommit digest, got " + reviewedCommit().algorithm());
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < approvals().size(); i++) {
      String reviewer = approvals().get(i).reviewer();
      if (reviewer.equals(author())) {
        problems.add("approvals[" + i + "] is by the author '" + reviewer + "'");
      } else if (!seen.add(reviewer)) {
        problems.add("approvals[" + i + "] repeats the reviewer '" + reviewer + "'");
      }
    }
    Checks.throwIfAny("CodeReview", problems);
  }
}
