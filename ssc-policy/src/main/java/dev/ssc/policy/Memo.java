package dev.ssc.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A bounded least-recently-used memo of a pure function, so that re-evaluating a policy over the
 * same evidence does not parse the same image references, license expressions or repository URLs
 * again. Keys are immutable values (or objects compared by identity that never change); the
 * function must be pure, so a hit is exactly what calling it would return. A memo belongs to a rule
 * or policy instance, never to a static field, so no state is shared between policies. Thread-safe.
 */
final class Memo<K, V> {
  private final Object lock = new Object();
  private final Map<K, V> entries;

  Memo(int maximumEntries) {
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > maximumEntries;
          }
        };
  }

  V get(K key, Function<? super K, ? extends V> function) {
    synchronized (lock) {
      V v = entries.get(key);
      if (v != null) {
        return v;
      }
    }
    V computed = function.apply(key);
    synchronized (lock) {
      entries.put(key, computed);
    }
    return computed;
  }

  /** A key that compares an object by identity, for values whose equality is expensive. */
  static final class Identity {
    private final Object object;

    Identity(Object object) {
      this.object = object;
    }

    @Override
    @SuppressWarnings("ReferenceEquality") // identity is the point
    public boolean equals(@Nullable Object o) {
      return o instanceof Identity && ((Identity) o).object == object;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(object);
    }
  }
}
