package dev.ssc.api.audit;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * A signed statement of the audit log's state: its origin, size and root hash, in the C2SP {@code
 * tlog-checkpoint} format, signed as a C2SP {@code signed-note}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Checkpoint {
  Checkpoint() {}

  /** The log's origin line, e.g. {@code audit.acme.dev/prod}. */
  public abstract String origin();

  /** The number of entries. */
  public abstract long size();

  /** The RFC 9162 root hash of the first {@link #size()} entries. */
  public abstract Bytes rootHash();

  /** The complete signed note, exactly as signed. */
  public abstract Bytes signedNote();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableCheckpoint.builder();
  }

  /** Builds a {@link Checkpoint}; every attribute is required. */
  public interface Builder {
    /** Sets the origin. */
    @CanIgnoreReturnValue
    Builder origin(String origin);

    /** Sets the size. */
    @CanIgnoreReturnValue
    Builder size(long size);

    /** Sets the root hash. */
    @CanIgnoreReturnValue
    Builder rootHash(Bytes rootHash);

    /** Sets the signed note. */
    @CanIgnoreReturnValue
    Builder signedNote(Bytes signedNote);

    /**
     * Builds the checkpoint.
     *
     * @throws IllegalStateException if an attribute is missing
     * @throws IllegalArgumentException if the origin is blank, the size negative or the root hash
     *     not 32 bytes
     */
    Checkpoint build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (origin().isBlank() || origin().contains("\n")) {
      problems.add("origin must be one non-blank line");
    }
    if (size() < 0) {
      problems.add("size must be >= 0, got " + size());
    }
    if (rootHash().size() != 32) {
      problems.add("rootHash must be 32 bytes, got " + rootHash().size());
    }
    Checks.throwIfAny("Checkpoint", problems);
  }
}
