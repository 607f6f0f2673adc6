package dev.ssc.attest.predicate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One approval in a {@link CodeReview}: who approved, in which role, when.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class ReviewApproval {
  ReviewApproval() {}

  /** {@code reviewer}: the approving principal, as the review system names it. */
  public abstract String reviewer();

  /** {@code role}: the reviewer's role, such as {@code maintainer}. */
  public abstract Optional<String> role();

  /** {@code time}: when the approval was given. */
  public abstract Instant time();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableReviewApproval.builder();
  }

  /** Builds a {@link ReviewApproval}; reviewer and time are required. */
  public interface Builder {
    /** Sets the reviewer. */
    @CanIgnoreReturnValue
    Builder reviewer(String reviewer);

    /** Sets the role. */
    @CanIgnoreReturnValue
    Builder role(String role);

    /** Sets the time. */
    @CanIgnoreReturnValue
    Builder time(Instant time);

    /**
     * Builds the approval.
     *
     * @throws IllegalStateException if reviewer or time is missing
     * @throws IllegalArgumentException if the reviewer or role is empty
     */
    ReviewApproval build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (reviewer().isEmpty()) {
      problems.add("reviewer must not be empty");
    }
    if (role().isPresent() && role().get().isEmpty()) {
      problems.add("role must not be empty when set");
    }
    Checks.throwIfAny("ReviewApproval", problems);
  }
}
