package dev.ssc.attest.tlog;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.audit.Checkpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Signing and verifying C2SP {@code tlog-checkpoint}s as signed notes.
 *
 * <p>Opening a checkpoint requires, as C2SP does of clients, the expected origin and a verified
 * signature by the log's own key; other known keys (witnesses, as note or cosignature keys) are
 * reported when they verified, and unknown ones are ignored. The root hash must be 32 bytes
 * (SHA-256).
 *
 * <p>Thread-safe; stateless.
 */
public final class Checkpoints {
  private Checkpoints() {}

  /**
   * Signs the checkpoint {@code body} with the log's key and returns it as a {@link Checkpoint}.
   */
  public static Checkpoint sign(CheckpointBody body, NoteSigner log) {
    requireNonNull(body, "body");
    requireNonNull(log, "log");
    Bytes note = SignedNote.sign(body.text(), List.of(log));
    return Checkpoint.builder()
        .origin(body.origin())
        .size(body.size())
        .rootHash(body.rootHash())
        .signedNote(note)
        .build();
  }

  /**
   * Opens a signed checkpoint of the log {@code origin} whose key is {@code logKey}, reporting
   * which of {@code witnesses} also signed.
   */
  public static CheckpointVerification open(
      Bytes signedNote, String origin, NoteKey logKey, Collection<NoteKey> witnesses) {
    requireNonNull(signedNote, "signedNote");
    requireNonNull(origin, "origin");
    requireNonNull(logKey, "logKey");
    List<NoteKey> known = new ArrayList<>();
    known.add(logKey);
    known.addAll(witnesses);
    NoteVerification note = SignedNote.open(signedNote, known);
    if (!note.isValid()) {
      return CheckpointVerification.invalid(note.failure().orElseThrow());
    }
    if (!note.isSignedBy(logKey)) {
      return CheckpointVerification.invalid(
          "the checkpoint is not signed by the log key "
              + logKey.name()
              + "+"
              + NoteKey.hex(logKey.keyId()));
    }
    CheckpointBody body;
    try {
      body = CheckpointBody.parse(note.text());
    } catch (SscFormatException e) {
      return CheckpointVerification.invalid(String.valueOf(e.getMessage()));
    }
    if (!body.origin().equals(origin)) {
      return CheckpointVerification.invalid(
          "checkpoint origin '"
              + NoteKey.abbreviate(body.origin())
              + "' is not the expected '"
              + origin
              + "'");
    }
    if (body.rootHash().size() != 32) {
      return CheckpointVerification.invalid(
          "checkpoint root hash has " + body.rootHash().size() + " bytes, not 32");
    }
    List<NoteSignature> cosigners = new ArrayList<>();
    for (NoteSignature s : note.verified()) {
      if (!(s.name().equals(logKey.name()) && s.keyId() == logKey.keyId())) {
        cosigners.add(s);
      }
    }
    Checkpoint checkpoint =
        Checkpoint.builder()
            .origin(body.origin())
            .size(body.size())
            .rootHash(body.rootHash())
            .signedNote(signedNote)
            .build();
    return CheckpointVerification.valid(checkpoint, body.extensions(), cosigners);
  }
}
