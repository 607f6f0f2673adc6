package dev.ssc.api.audit;

import dev.ssc.api.Bytes;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * Proof of acceptance by the audit log: the entry's index and its RFC 9162 leaf hash. An entry with
 * a receipt is durable.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class AuditReceipt {
  AuditReceipt() {}

  /** The entry's index, from 0. */
  public abstract long index();

  /** The SHA-256 leaf hash {@code H(0x00 || entry)}. */
  public abstract Bytes leafHash();

  /** A receipt for the entry at {@code index} with {@code leafHash}. */
  public static AuditReceipt of(long index, Bytes leafHash) {
    return ImmutableAuditReceipt.builder().index(index).leafHash(leafHash).build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (index() < 0) {
      problems.add("index must be >= 0, got " + index());
    }
    if (leafHash().size() != 32) {
      problems.add("leafHash must be 32 bytes, got " + leafHash().size());
    }
    Checks.throwIfAny("AuditReceipt", problems);
  }
}
