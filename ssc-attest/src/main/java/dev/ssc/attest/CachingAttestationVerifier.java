package dev.ssc.attest;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.attestation.AttestationVerification;
import dev.ssc.api.attestation.AttestationVerifier;
import dev.ssc.api.digest.Digest;
import dev.ssc.attest.digest.Digests;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link AttestationVerifier} that remembers what its delegate said about each envelope, keyed
 * by the sha256 of the envelope bytes, so that re-evaluating the same evidence does not verify its
 * signatures again.
 *
 * <p>The cache belongs to one delegate, and so to one set of trusted keys and one threshold: two
 * verifiers trusting different keys never share entries. It is content-addressed: an entry is found
 * only for bytes with the same sha256, which are the same bytes. A hit therefore returns exactly
 * what re-verifying those bytes against those keys would return, provided the delegate's result
 * depends on nothing but the bytes. That holds for {@link dev.ssc.attest.dsse.DsseVerifier}: its
 * key ring and threshold are immutable and its result is a function of the bytes, except {@link
 * dev.ssc.api.attestation.VerifiedAttestation#verifiedAt()}, which it reads from its clock. A hit
 * keeps the {@code verifiedAt} of the first verification; it is when the signatures were checked,
 * not when the cache was asked. Failed verifications are cached too: the same bytes against the
 * same keys fail the same way. Do not wrap a delegate whose result depends on time or other state
 * (for example one that checks certificate validity or revocation at the current time).
 *
 * <p>At most {@code maximumEntries} results are kept; beyond that the least recently used entry is
 * evicted. A result is computed without holding the lock, so two threads verifying the same new
 * bytes at once may both call the delegate; the first result stored is the one every caller gets. A
 * delegate that throws caches nothing and the exception propagates.
 *
 * <p>Thread-safe if the delegate is.
 *
 * <pre>{@code
 * AttestationVerifier verifier =
 *     CachingAttestationVerifier.of(DsseVerifier.builder(keys).build(), 10_000);
 * AttestationVerification result = verifier.verify(envelopeBytes);
 * }</pre>
 */
public final class CachingAttestationVerifier implements AttestationVerifier {
  private final AttestationVerifier delegate;
  private final Object lock = new Object();
  // Guarded by lock. Access order makes iteration order least recently used first.
  private final LinkedHashMap<Digest, AttestationVerification> cache;
  private long hits;
  private long misses;

  private CachingAttestationVerifier(AttestationVerifier delegate, int maximumEntries) {
    this.delegate = delegate;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Digest, AttestationVerification> eldest) {
            return size() > maximumEntries;
          }
        };
  }

  /**
   * A verifier that caches at most {@code maximumEntries} results of {@code delegate}.
   *
   * @throws IllegalArgumentException if {@code maximumEntries} is less than 1
   */
  public static CachingAttestationVerifier of(AttestationVerifier delegate, int maximumEntries) {
    requireNonNull(delegate, "delegate");
    if (maximumEntries < 1) {
      throw new IllegalArgumentException(
          "maximumEntries must be at least 1, got " + maximumEntries);
    }
    return new CachingAttestationVerifier(delegate, maximumEntries);
  }

  /**
   * The delegate's result for {@code envelope}: the cached one if these bytes were verified before
   * and are still cached, else a fresh one, which is then cached.
   */
  @Override
  public AttestationVerification verify(Bytes envelope) {
    requireNonNull(envelope, "envelope");
    Digest key = Digests.sha256(envelope);
    synchronized (lock) {
      AttestationVerification cached = cache.get(key);
      if (cached != null) {
        hits++;
        return cached;
      }
      misses++;
    }
    AttestationVerification fresh = requireNonNull(delegate.verify(envelope), "delegate result");
    synchronized (lock) {
      AttestationVerification first = cache.putIfAbsent(key, fresh);
      return first != null ? first : fresh;
    }
  }

  /** How many calls of {@link #verify} were answered from the cache. */
  public long hits() {
    synchronized (lock) {
      return hits;
    }
  }

  /** How many calls of {@link #verify} called the delegate. */
  public long misses() {
    synchronized (lock) {
      return misses;
    }
  }

  /** The delegate and the counters; never cached content. */
  @Override
  public String toString() {
    synchronized (lock) {
      return "CachingAttestationVerifier["
          + delegate
          + ", entries="
          + cache.size()
          + ", hits="
          + hits
          + ", misses="
          + misses
          + "]";
    }
  }
}
