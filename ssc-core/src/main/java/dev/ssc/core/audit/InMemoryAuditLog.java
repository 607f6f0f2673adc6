package dev.ssc.core.audit;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.AuditEvent;
import dev.ssc.api.audit.AuditLog;
import dev.ssc.api.audit.AuditReceipt;
import dev.ssc.api.audit.Checkpoint;
import dev.ssc.api.audit.ConsistencyProof;
import dev.ssc.api.audit.InclusionProof;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.attest.tlog.CheckpointBody;
import dev.ssc.attest.tlog.Checkpoints;
import dev.ssc.attest.tlog.MerkleTree;
import dev.ssc.attest.tlog.NoteSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AuditLog} in memory, for tests and examples: the same entries, hashes, proofs and
 * signed checkpoints as {@link FileAuditLog}, but nothing is durable and memory grows with the log.
 *
 * <p>Thread-safe.
 */
public final class InMemoryAuditLog implements AuditLog {
  private final String origin;
  private final NoteSigner signer;
  private final Object lock = new Object();
  private final List<Bytes> entries = new ArrayList<>();

  /** Level K: the hashes of the complete subtrees of 2^K leaves; level 0 the leaf hashes. */
  private final List<List<byte[]>> levels = new ArrayList<>();

  private @Nullable Checkpoint latest;

  private InMemoryAuditLog(String origin, NoteSigner signer) {
    this.origin = origin;
    this.signer = signer;
  }

  /** An empty log whose checkpoints {@code signer} signs, with its name as the origin. */
  public static InMemoryAuditLog create(NoteSigner signer) {
    requireNonNull(signer, "signer");
    return new InMemoryAuditLog(signer.name(), signer);
  }

  /** Appends {@code event} encoded as {@link FileAuditLog#append} does. */
  @Override
  public AuditReceipt append(AuditEvent event) {
    requireNonNull(event, "event");
    synchronized (lock) {
      Optional<Digest> previous =
          Optional.ofNullable(latest)
              .map(
                  c ->
                      Digest.of(DigestAlgorithm.SHA256, Bytes.of(TreeMath.sha256(c.signedNote()))));
      return appendEntry(AuditEvents.encode(event, previous));
    }
  }

  /**
   * Appends {@code entry} as it is.
   *
   * @throws IllegalArgumentException if it is longer than {@link FileAuditLog#MAX_ENTRY_BYTES}
   */
  public AuditReceipt appendEntry(Bytes entry) {
    requireNonNull(entry, "entry");
    if (entry.size() > FileAuditLog.MAX_ENTRY_BYTES) {
      throw new IllegalArgumentException(
          "entry has " + entry.size() + " bytes; the limit is " + FileAuditLog.MAX_ENTRY_BYTES);
    }
    synchronized (lock) {
      long index = entries.size();
      entries.add(entry);
      byte[] h = TreeMath.leaf(entry.toByteArray());
      byte[] leafHash = h;
      long pos = index;
      int k = 0;
      while (true) {
        if (levels.size() <= k) {
          levels.add(new ArrayList<>());
        }
        levels.get(k).add(h);
        if ((pos & 1) == 0) {
          break;
        }
        h = TreeMath.node(levels.get(k).get((int) pos - 1), h);
        pos >>>= 1;
        k++;
      }
      return AuditReceipt.of(index, Bytes.of(leafHash));
    }
  }

  @Override
  public long size() {
    synchronized (lock) {
      return entries.size();
    }
  }

  @Override
  public Bytes read(long index) {
    synchronized (lock) {
      if (index < 0 || index >= entries.size()) {
        throw new IndexOutOfBoundsException("entry " + index + " of a log of " + entries.size());
      }
      return entries.get((int) index);
    }
  }

  /**
   * The RFC 9162 root hash of the first {@code treeSize} entries.
   *
   * @throws IllegalArgumentException unless {@code 0 <= treeSize <= size()}
   */
  public Bytes rootHash(long treeSize) {
    synchronized (lock) {
      long n = entries.size();
      if (treeSize < 0 || treeSize > n) {
        throw new IllegalArgumentException("need 0 <= treeSize <= " + n + ", got " + treeSize);
      }
      return treeSize == 0 ? MerkleTree.emptyRoot() : Bytes.of(range(0, treeSize));
    }
  }

  /** A checkpoint of the current size, signed; kept as the latest. */
  @Override
  public Checkpoint checkpoint() {
    synchronized (lock) {
      long n = entries.size();
      Checkpoint last = latest;
      if (last != null && last.size() == n) {
        return last;
      }
      Checkpoint cp =
          Checkpoints.sign(new CheckpointBody(origin, n, rootHash(n), List.of()), signer);
      latest = cp;
      return cp;
    }
  }

  @Override
  public InclusionProof proveInclusion(long index, long treeSize) {
    synchronized (lock) {
      long n = entries.size();
      if (index < 0 || index >= treeSize || treeSize > n) {
        throw new IllegalArgumentException(
            "need 0 <= index < treeSize <= "
                + n
                + ", got index "
                + index
                + ", treeSize "
                + treeSize);
      }
      List<Bytes> path = new ArrayList<>();
      try {
        TreeMath.path(this::subtree, index, 0, treeSize, path);
      } catch (java.io.IOException e) {
        throw new AssertionError("memory does not fail", e);
      }
      return InclusionProof.builder()
          .index(index)
          .treeSize(treeSize)
          .leafHash(Bytes.of(levels.get(0).get((int) index)))
          .addAllHashes(path)
          .build();
    }
  }

  @Override
  public ConsistencyProof proveConsistency(long size1, long size2) {
    synchronized (lock) {
      long n = entries.size();
      if (size1 < 0 || size1 > size2 || size2 > n) {
        throw new IllegalArgumentException(
            "need 0 <= size1 <= size2 <= " + n + ", got size1 " + size1 + ", size2 " + size2);
      }
      List<Bytes> proof = new ArrayList<>();
      if (size1 > 0 && size1 < size2) {
        try {
          TreeMath.subproof(this::subtree, size1, 0, size2, true, proof);
        } catch (java.io.IOException e) {
          throw new AssertionError("memory does not fail", e);
        }
      }
      return ConsistencyProof.of(size1, size2, proof);
    }
  }

  private byte[] subtree(int level, long index) {
    return levels.get(level).get((int) index);
  }

  private byte[] range(long start, long end) {
    try {
      return TreeMath.range(this::subtree, start, end);
    } catch (java.io.IOException e) {
      throw new AssertionError("memory does not fail", e);
    }
  }

  /** Nothing to close. */
  @Override
  public void close() {}

  /** The origin and size. */
  @Override
  public String toString() {
    return "InMemoryAuditLog[" + origin + ", " + size() + " entries]";
  }
}
