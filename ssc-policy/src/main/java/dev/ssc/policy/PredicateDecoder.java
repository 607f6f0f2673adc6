package dev.ssc.policy;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.attest.predicate.PredicateType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes predicates of verified evidence and remembers the result by evidence id, so that
 * re-evaluating a policy over the same evidence does not decode it again.
 *
 * <p>Decoding is a deterministic function of the statement, so the cache keeps evaluation pure. An
 * entry is used only when the cached statement is the same statement (by identity or equality), so
 * two attestations claiming one evidence id cannot be confused. Bounded LRU; thread-safe.
 */
final class PredicateDecoder {
  private static final int MAX_ENTRIES = 4096;

  private final Object lock = new Object();

  private final Map<Key, Entry> entries =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  /** The decoded predicate, or throws the decoding error (also remembered). */
  <T> T decode(VerifiedAttestation attestation, PredicateType<T> type) throws SscFormatException {
    Key key = new Key(attestation.evidenceId(), type.uri());
    Statement statement = attestation.statement();
    Entry entry;
    synchronized (lock) {
      entry = entries.get(key);
    }
    if (entry == null || !entry.sameStatement(statement)) {
      Object value;
      SscFormatException error = null;
      try {
        value = type.decode(statement.predicate(), "predicate of evidence " + key.id);
      } catch (SscFormatException e) {
        value = null;
        error = e;
      }
      entry = new Entry(statement, value, error);
      synchronized (lock) {
        entries.put(key, entry);
      }
    }
    if (entry.error != null) {
      throw entry.error;
    }
    Object value = entry.value;
    if (value == null) {
      throw new IllegalStateException("decoded predicate is missing for " + key.id);
    }
    return type.valueType().cast(value);
  }

  private static final class Key {
    final Digest id;
    final String type;

    Key(Digest id, String type) {
      this.id = id;
      this.type = type;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Key && ((Key) o).id.equals(id) && ((Key) o).type.equals(type);
    }

    @Override
    public int hashCode() {
      return id.hashCode() * 31 + type.hashCode();
    }
  }

  private static final class Entry {
    final Statement statement;
    final @Nullable Object value;
    final @Nullable SscFormatException error;

    Entry(Statement statement, @Nullable Object value, @Nullable SscFormatException error) {
      this.statement = statement;
      this.value = value;
      this.error = error;
    }

    @SuppressWarnings("ReferenceEquality") // identity first: the cheap, common case
    boolean sameStatement(Statement other) {
      return statement == other || statement.equals(other);
    }
  }
}
