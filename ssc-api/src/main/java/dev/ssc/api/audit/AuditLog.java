package dev.ssc.api.audit;

import dev.ssc.api.Bytes;
import java.io.Closeable;
import java.io.IOException;

/**
 * The append-only audit log of every promotion, decision and remediation: a Merkle tree log (RFC
 * 9162) with signed checkpoints, so that anyone holding the verifier key can check inclusion and
 * consistency with standard tools, and nobody, an administrator included, can rewrite history
 * unnoticed (DESIGN invariant 11).
 *
 * <p>Implementations are thread-safe. {@link #append} returns only once the entry is durable.
 */
public interface AuditLog extends Closeable {
  /**
   * Appends {@code event}, canonically encoded, and returns once it is durable.
   *
   * @throws IOException if the entry could not be made durable; it then may or may not be in the
   *     log, and a retry appends it again
   */
  AuditReceipt append(AuditEvent event) throws IOException;

  /**
   * The number of entries.
   *
   * @throws IOException if the log cannot be read
   */
  long size() throws IOException;

  /**
   * The exact bytes of the entry at {@code index}.
   *
   * @throws IndexOutOfBoundsException if there is no such entry
   * @throws IOException if the log cannot be read
   */
  Bytes read(long index) throws IOException;

  /**
   * A freshly signed checkpoint of the current state.
   *
   * @throws IOException if the log cannot be read or the checkpoint cannot be signed
   */
  Checkpoint checkpoint() throws IOException;

  /**
   * A proof that the entry at {@code index} is in the tree of {@code treeSize} entries.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= size()}
   * @throws IOException if the log cannot be read
   */
  InclusionProof proveInclusion(long index, long treeSize) throws IOException;

  /**
   * A proof that the tree of {@code size2} entries extends the tree of {@code size1} entries.
   *
   * @throws IllegalArgumentException unless {@code 0 <= size1 <= size2 <= size()}
   * @throws IOException if the log cannot be read
   */
  ConsistencyProof proveConsistency(long size1, long size2) throws IOException;
}
