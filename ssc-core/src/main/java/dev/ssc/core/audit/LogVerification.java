package dev.ssc.core.audit;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Verdict;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of checking an audit log: intact, or the first bad entry index and why.
 *
 * <p>Immutable and thread-safe.
 */
public final class LogVerification {
  private final long size;
  private final OptionalLong firstBadIndex;
  private final Optional<String> failure;

  private LogVerification(long size, OptionalLong firstBadIndex, Optional<String> failure) {
    this.size = size;
    this.firstBadIndex = firstBadIndex;
    this.failure = failure;
  }

  static LogVerification intact(long size) {
    return new LogVerification(size, OptionalLong.empty(), Optional.empty());
  }

  static LogVerification bad(long size, long index, String reason) {
    return new LogVerification(
        size, OptionalLong.of(index), Optional.of(requireNonNull(reason, "reason")));
  }

  /** Whether the log is intact. */
  public boolean isValid() {
    return failure.isEmpty();
  }

  /** {@link Verdict#ALLOW} when intact. */
  public Verdict verdict() {
    return isValid() ? Verdict.ALLOW : Verdict.DENY;
  }

  /** The number of entries the log held when checked. */
  public long size() {
    return size;
  }

  /**
   * The lowest entry index that could not be vouched for; empty when intact. When damage is found
   * in a stored checkpoint rather than in an entry, it is the size of the last checkpoint before it
   * that checked out.
   */
  public OptionalLong firstBadIndex() {
    return firstBadIndex;
  }

  /** Why the log is not intact; empty when it is. */
  public Optional<String> failure() {
    return failure;
  }

  /** {@code intact (N entries)} or {@code bad at I: REASON}. */
  @Override
  public String toString() {
    return isValid()
        ? "intact (" + size + " entries)"
        : "bad at " + firstBadIndex.orElse(-1) + ": " + failure.orElse("");
  }
}
