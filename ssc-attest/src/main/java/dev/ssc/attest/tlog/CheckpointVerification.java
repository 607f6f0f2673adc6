package dev.ssc.attest.tlog;

import dev.ssc.api.Verdict;
import dev.ssc.api.audit.Checkpoint;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of opening a signed checkpoint: the checkpoint, its extension lines and the witnesses
 * that verifiably signed it, or why it was rejected. Immutable and thread-safe.
 */
public final class CheckpointVerification {
  private final Optional<String> failure;
  private final Optional<Checkpoint> checkpoint;
  private final List<String> extensions;
  private final List<NoteSignature> cosigners;

  private CheckpointVerification(
      Optional<String> failure,
      Optional<Checkpoint> checkpoint,
      List<String> extensions,
      List<NoteSignature> cosigners) {
    this.failure = failure;
    this.checkpoint = checkpoint;
    this.extensions = List.copyOf(extensions);
    this.cosigners = List.copyOf(cosigners);
  }

  static CheckpointVerification valid(
      Checkpoint checkpoint, List<String> extensions, List<NoteSignature> cosigners) {
    return new CheckpointVerification(
        Optional.empty(), Optional.of(checkpoint), extensions, cosigners);
  }

  static CheckpointVerification invalid(String reason) {
    return new CheckpointVerification(Optional.of(reason), Optional.empty(), List.of(), List.of());
  }

  /** Whether the checkpoint verified. */
  public boolean isValid() {
    return failure.isEmpty();
  }

  /** {@link Verdict#ALLOW} when valid. */
  public Verdict verdict() {
    return isValid() ? Verdict.ALLOW : Verdict.DENY;
  }

  /** Why it was rejected; empty when valid. */
  public Optional<String> failure() {
    return failure;
  }

  /** The verified checkpoint; present when valid. */
  public Optional<Checkpoint> checkpoint() {
    return checkpoint;
  }

  /** The checkpoint's extension lines. */
  public List<String> extensions() {
    return extensions;
  }

  /** The known keys besides the log's whose signatures verified (witnesses, cosigners). */
  public List<NoteSignature> cosigners() {
    return cosigners;
  }
}
