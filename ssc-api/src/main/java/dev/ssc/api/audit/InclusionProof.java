package dev.ssc.api.audit;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * An RFC 9162 inclusion proof: the audit path showing that the entry at {@link #index()} is in the
 * tree of {@link #treeSize()} entries.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class InclusionProof {
  InclusionProof() {}

  /** The entry's index. */
  public abstract long index();

  /** The size of the tree the proof is for. */
  public abstract long treeSize();

  /** The entry's leaf hash. */
  public abstract Bytes leafHash();

  /** The audit path, from the leaf up; each hash 32 bytes. */
  public abstract List<Bytes> hashes();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableInclusionProof.builder();
  }

  /** Builds an {@link InclusionProof}. */
  public interface Builder {
    /** Sets the index. */
    @CanIgnoreReturnValue
    Builder index(long index);

    /** Sets the tree size. */
    @CanIgnoreReturnValue
    Builder treeSize(long treeSize);

    /** Sets the leaf hash. */
    @CanIgnoreReturnValue
    Builder leafHash(Bytes leafHash);

    /** Adds a path hash. */
    @CanIgnoreReturnValue
    Builder addHashes(Bytes hash);

    /** Adds path hashes. */
    @CanIgnoreReturnValue
    Builder addAllHashes(Iterable<? extends Bytes> hashes);

    /**
     * Builds the proof.
     *
     * @throws IllegalStateException if index, tree size or leaf hash is missing
     * @throws IllegalArgumentException unless {@code 0 <= index < treeSize} and every hash is 32
     *     bytes
     */
    InclusionProof build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (index() < 0 || index() >= treeSize()) {
      problems.add("need 0 <= index < treeSize, got index " + index() + ", treeSize " + treeSize());
    }
    ProofChecks.hashes(problems, "leafHash", List.of(leafHash()));
    ProofChecks.hashes(problems, "hashes", hashes());
    Checks.throwIfAny("InclusionProof", problems);
  }
}
