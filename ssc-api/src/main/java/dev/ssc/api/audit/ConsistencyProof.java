package dev.ssc.api.audit;

import dev.ssc.api.Bytes;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * An RFC 9162 consistency proof: the hashes showing that the tree of {@link #size2()} entries
 * extends the tree of {@link #size1()} entries without changing any of them.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class ConsistencyProof {
  ConsistencyProof() {}

  /** The older, smaller size. */
  public abstract long size1();

  /** The newer size. */
  public abstract long size2();

  /** The proof hashes; each 32 bytes. */
  public abstract List<Bytes> hashes();

  /** A proof between sizes {@code size1} and {@code size2} made of {@code hashes}. */
  public static ConsistencyProof of(long size1, long size2, List<Bytes> hashes) {
    return ImmutableConsistencyProof.builder()
        .size1(size1)
        .size2(size2)
        .addAllHashes(hashes)
        .build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (size1() < 0 || size1() > size2()) {
      problems.add("need 0 <= size1 <= size2, got size1 " + size1() + ", size2 " + size2());
    }
    ProofChecks.hashes(problems, "hashes", hashes());
    Checks.throwIfAny("ConsistencyProof", problems);
  }
}
