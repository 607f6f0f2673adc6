package dev.ssc.api.evidence;

import dev.ssc.api.Bytes;
import dev.ssc.api.digest.Digest;
import java.io.IOException;
import java.util.Optional;

/**
 * A content-addressed store of evidence: DSSE envelopes and the documents they reference.
 *
 * <p>Evidence is stored under the sha256 of its exact bytes and never changes (DESIGN invariant 5):
 * storing the same bytes twice is idempotent and returns the same id. An id is the only reference
 * to evidence that decisions and audit entries carry.
 *
 * <p>Implementations are thread-safe; a {@link #put} that returned is durable for persistent
 * stores.
 */
public interface EvidenceStore {
  /**
   * Stores {@code evidence} and returns its id, the sha256 of its bytes.
   *
   * @throws IOException if the store cannot write
   */
  Digest put(Bytes evidence) throws IOException;

  /**
   * The evidence stored under {@code id}, verified against the id on read.
   *
   * @throws IOException if the store cannot read, or the stored bytes no longer match the id
   */
  Optional<Bytes> get(Digest id) throws IOException;

  /**
   * Whether evidence is stored under {@code id}.
   *
   * @throws IOException if the store cannot read
   */
  boolean contains(Digest id) throws IOException;
}
