package dev.ssc.api.signing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A set of trusted verification keys, each under its own key id.
 *
 * <p>A key ring decides which keys to try, never whom to trust: a key id hint from an envelope only
 * orders the {@linkplain #candidates(String) candidates}, and every key in the ring is tried.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyRing {
  private final Map<String, Verifier> byId;

  private KeyRing(Map<String, Verifier> byId) {
    this.byId = byId;
  }

  /**
   * A ring of {@code verifiers}.
   *
   * @throws IllegalArgumentException if {@code verifiers} is empty (a ring that trusts nobody is a
   *     configuration mistake, not a policy) or two verifiers share a key id
   */
  public static KeyRing of(Collection<? extends Verifier> verifiers) {
    requireNonNull(verifiers, "verifiers");
    if (verifiers.isEmpty()) {
      throw new IllegalArgumentException("a key ring needs at least one key");
    }
    Map<String, Verifier> map = new LinkedHashMap<>();
    for (Verifier v : verifiers) {
      requireNonNull(v, "verifier");
      if (map.putIfAbsent(v.keyId(), v) != null) {
        throw new IllegalArgumentException("two keys in the ring have key id '" + v.keyId() + "'");
      }
    }
    return new KeyRing(Collections.unmodifiableMap(map));
  }

  /** A ring of {@code verifiers}; see {@link #of(Collection)}. */
  public static KeyRing of(Verifier... verifiers) {
    return of(List.of(verifiers));
  }

  /** The verifiers, in the order given. */
  public Collection<Verifier> verifiers() {
    return byId.values();
  }

  /** The verifier whose key id is {@code keyId}. */
  public Optional<Verifier> get(String keyId) {
    return Optional.ofNullable(byId.get(requireNonNull(keyId, "keyId")));
  }

  /** The number of keys. */
  public int size() {
    return byId.size();
  }

  /**
   * Every verifier, the one matching {@code keyIdHint} first: the hint speeds up the common case
   * but a wrong or missing ({@code null}) hint never hides a key.
   */
  public List<Verifier> candidates(@Nullable String keyIdHint) {
    List<Verifier> result = new ArrayList<>(byId.size());
    Verifier hinted = keyIdHint == null ? null : byId.get(keyIdHint);
    if (hinted != null) {
      result.add(hinted);
    }
    for (Verifier v : byId.values()) {
      if (v != hinted) {
        result.add(v);
      }
    }
    return result;
  }

  /** The key ids, e.g. {@code KeyRing[ab12..., cd34...]}. */
  @Override
  public String toString() {
    return "KeyRing" + byId.keySet();
  }
}
