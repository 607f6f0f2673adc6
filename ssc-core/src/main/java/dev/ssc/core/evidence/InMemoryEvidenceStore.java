package dev.ssc.core.evidence;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.evidence.EvidenceStore;
import dev.ssc.attest.digest.Digests;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link EvidenceStore} in memory, for tests and short-lived runs. Nothing survives the JVM.
 *
 * <p>Thread-safe.
 */
public final class InMemoryEvidenceStore implements EvidenceStore {
  private final ConcurrentMap<Digest, Bytes> entries = new ConcurrentHashMap<>();

  private InMemoryEvidenceStore() {}

  /** An empty store. */
  public static InMemoryEvidenceStore create() {
    return new InMemoryEvidenceStore();
  }

  @Override
  public Digest put(Bytes evidence) {
    requireNonNull(evidence, "evidence");
    Digest id = Digests.sha256(evidence);
    entries.putIfAbsent(id, evidence);
    return id;
  }

  @Override
  public Optional<Bytes> get(Digest id) {
    return Optional.ofNullable(entries.get(requireNonNull(id, "id")));
  }

  @Override
  public boolean contains(Digest id) {
    return entries.containsKey(requireNonNull(id, "id"));
  }

  /** The ids of everything stored, in no particular order. */
  public List<Digest> ids() {
    return List.copyOf(entries.keySet());
  }

  @Override
  public String toString() {
    return "InMemoryEvidenceStore[" + entries.size() + " entries]";
  }
}
