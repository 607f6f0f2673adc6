package dev.ssc.attest.tlog;

import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One signature line of a signed note: the key name, the key id, and for a cosignature its
 * timestamp. Immutable and thread-safe.
 */
public final class NoteSignature {
  private final String name;
  private final int keyId;
  private final OptionalLong timestamp;

  NoteSignature(String name, int keyId, OptionalLong timestamp) {
    this.name = name;
    this.keyId = keyId;
    this.timestamp = timestamp;
  }

  /** The key name on the line. */
  public String name() {
    return name;
  }

  /** The key id leading the signature. */
  public int keyId() {
    return keyId;
  }

  /** For a verified cosignature, the time it states (seconds since the epoch). */
  public OptionalLong timestamp() {
    return timestamp;
  }

  /** {@code name+keyid}. */
  @Override
  public String toString() {
    return name + "+" + NoteKey.hex(keyId);
  }

  /** Equal when name, key id and timestamp are. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof NoteSignature s
        && s.name.equals(name)
        && s.keyId == keyId
        && s.timestamp.equals(timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, keyId, timestamp);
  }
}
