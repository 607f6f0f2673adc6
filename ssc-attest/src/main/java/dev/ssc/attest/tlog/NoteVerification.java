package dev.ssc.attest.tlog;

import dev.ssc.api.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of opening a signed note: its text and the signatures that verified, or why it was
 * rejected. Signatures by keys not among the known ones are listed as unverified and otherwise
 * ignored. Immutable and thread-safe.
 */
public final class NoteVerification {
  private final Optional<String> failure;
  private final String text;
  private final List<NoteSignature> verified;
  private final List<NoteSignature> unverified;

  private NoteVerification(
      Optional<String> failure,
      String text,
      List<NoteSignature> verified,
      List<NoteSignature> unverified) {
    this.failure = failure;
    this.text = text;
    this.verified = List.copyOf(verified);
    this.unverified = List.copyOf(unverified);
  }

  static NoteVerification valid(
      String text, List<NoteSignature> verified, List<NoteSignature> unverified) {
    return new NoteVerification(Optional.empty(), text, verified, unverified);
  }

  static NoteVerification invalid(String reason) {
    return new NoteVerification(Optional.of(reason), "", List.of(), List.of());
  }

  /** Whether the note is well formed and at least one known key's signature verified. */
  public boolean isValid() {
    return failure.isEmpty();
  }

  /** {@link Verdict#ALLOW} when valid. */
  public Verdict verdict() {
    return isValid() ? Verdict.ALLOW : Verdict.DENY;
  }

  /** Why the note was rejected; empty when valid. */
  public Optional<String> failure() {
    return failure;
  }

  /** The signed text, ending in a newline; empty when invalid. */
  public String text() {
    return text;
  }

  /** The verified signatures, one per key. */
  public List<NoteSignature> verified() {
    return verified;
  }

  /** The signatures by unknown keys, each distinct line once. */
  public List<NoteSignature> unverified() {
    return unverified;
  }

  /** Whether a signature by {@code key} verified. */
  public boolean isSignedBy(NoteKey key) {
    return verified.stream().anyMatch(s -> s.name().equals(key.name()) && s.keyId() == key.keyId());
  }
}
