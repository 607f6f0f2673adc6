package dev.ssc.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.AttestationVerification;
import dev.ssc.api.attestation.AttestationVerifier;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseSigner;
import dev.ssc.attest.dsse.DsseVerifier;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingAttestationVerifierTest {
  private static final SigningKey KEY = Keys.generate(SignatureAlgorithm.ED25519);
  private static final SigningKey STRANGER = Keys.generate(SignatureAlgorithm.ED25519);
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  /** A clock that moves one second each time it is read. */
  static InstantSource ticking() {
    AtomicLong seconds = new AtomicLong();
    return () -> NOW.plusSeconds(seconds.getAndIncrement());
  }

  static DsseVerifier dsse(InstantSource clock) {
    return DsseVerifier.builder(KeyRing.of(List.of(KEY.verifier()))).clock(clock).build();
  }

  static Bytes envelope(int n, SigningKey key) throws Exception {
    Statement s =
        Statement.builder()
            .addSubjects(
                ResourceDescriptor.of(
                    "app-" + n + ".jar", DigestSet.sha256(String.format("%064x", n))))
            .predicateType("https://slsa.dev/provenance/v1")
            .build();
    return DsseCodec.encode(DsseSigner.sign(s, key));
  }

  /** Counts the calls that reach the delegate. */
  static final class Counting implements AttestationVerifier {
    final AttestationVerifier delegate;
    final AtomicInteger calls = new AtomicInteger();

    Counting(AttestationVerifier delegate) {
      this.delegate = delegate;
    }

    @Override
    public AttestationVerification verify(Bytes envelope) {
      calls.incrementAndGet();
      return delegate.verify(envelope);
    }
  }

  @Test
  void aRepeatedEnvelopeIsAHitAndKeepsTheFirstVerificationTime() throws Exception {
    Counting counting = new Counting(dsse(ticking()));
    CachingAttestationVerifier cache = CachingAttestationVerifier.of(counting, 10);
    Bytes env = envelope(1, KEY);
    AttestationVerification first = cache.verify(env);
    assertEquals(Verdict.ALLOW, first.verdict());
    AttestationVerification again = cache.verify(Bytes.of(env.toByteArray()));
    assertSame(first, again);
    assertEquals(NOW, again.attestation().orElseThrow().verifiedAt());
    assertEquals(1, cache.misses());
    assertEquals(1, cache.hits());
    assertEquals(1, counting.calls.get());
    // Uncached, the ticking clock would have stamped a later time.
    assertNotEquals(first, counting.delegate.verify(env));
  }

  @Test
  void failedVerificationsAreCachedToo() throws Exception {
    Counting counting = new Counting(dsse(ticking()));
    CachingAttestationVerifier cache = CachingAttestationVerifier.of(counting, 10);
    Bytes forged = envelope(1, STRANGER);
    Bytes garbage = Bytes.utf8("{not an envelope");
    AttestationVerification denied = cache.verify(forged);
    assertEquals(Verdict.DENY, denied.verdict());
    assertEquals(Verdict.DENY, cache.verify(garbage).verdict());
    assertSame(denied, cache.verify(forged));
    assertEquals(Verdict.DENY, cache.verify(garbage).verdict());
    assertEquals(2, cache.misses());
    assertEquals(2, cache.hits());
    assertEquals(2, counting.calls.get());
  }

  @Test
  void distinctBytesAreNotConfused() throws Exception {
    CachingAttestationVerifier cache = CachingAttestationVerifier.of(dsse(ticking()), 10);
    Bytes good = envelope(1, KEY);
    byte[] flipped = good.toByteArray();
    flipped[flipped.length / 2] ^= 1;
    AttestationVerification a = cache.verify(good);
    AttestationVerification b = cache.verify(Bytes.of(flipped));
    AttestationVerification c = cache.verify(envelope(2, KEY));
    assertEquals(Verdict.ALLOW, a.verdict());
    assertEquals(Verdict.DENY, b.verdict());
    assertEquals(Verdict.ALLOW, c.verdict());
    assertNotEquals(
        a.attestation().orElseThrow().evidenceId(), c.attestation().orElseThrow().evidenceId());
    assertEquals(3, cache.misses());
    assertEquals(0, cache.hits());
    assertSame(a, cache.verify(good));
    assertSame(c, cache.verify(envelope(2, KEY)));
    assertEquals(2, cache.hits());
  }

  @Test
  void theLeastRecentlyUsedEntryIsEvictedAtTheBound() throws Exception {
    Counting counting = new Counting(dsse(ticking()));
    CachingAttestationVerifier cache = CachingAttestationVerifier.of(counting, 2);
    Bytes a = envelope(1, KEY);
    Bytes b = envelope(2, KEY);
    Bytes c = envelope(3, KEY);
    AttestationVerification va = cache.verify(a);
    assertEquals(Verdict.ALLOW, cache.verify(b).verdict());
    assertSame(va, cache.verify(a)); // a is now more recently used than b
    assertEquals(Verdict.ALLOW, cache.verify(c).verdict()); // evicts b
    assertSame(va, cache.verify(a));
    assertEquals(2, cache.hits());
    assertEquals(3, cache.misses());
    assertEquals(Verdict.ALLOW, cache.verify(b).verdict()); // a miss again; evicts c
    assertEquals(4, cache.misses());
    assertSame(va, cache.verify(a));
    assertEquals(Verdict.ALLOW, cache.verify(c).verdict());
    assertEquals(5, cache.misses());
    assertEquals(5, counting.calls.get());
    assertEquals(3, cache.hits());
  }

  @Test
  void aBoundBelowOneIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CachingAttestationVerifier.of(dsse(ticking()), 0));
    assertTrue(e.getMessage().contains("maximumEntries"), e.getMessage());
    assertThrows(
        NullPointerException.class,
        () -> CachingAttestationVerifier.of(dsse(ticking()), 1).verify(null));
  }

  @Test
  void concurrentCallersGetWhatAnUncachedVerifierSays() throws Exception {
    DsseVerifier plain = dsse(InstantSource.fixed(NOW));
    List<Bytes> envelopes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      envelopes.add(envelope(i, i % 3 == 0 ? STRANGER : KEY));
    }
    envelopes.add(Bytes.utf8("[]"));
    List<AttestationVerification> expected = new ArrayList<>();
    envelopes.forEach(e -> expected.add(plain.verify(e)));
    for (int bound : new int[] {3, 100}) {
      CachingAttestationVerifier cache = CachingAttestationVerifier.of(plain, bound);
      int threads = 4;
      int rounds = 50;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          Random random = new Random(t);
          Callable<Integer> task =
              () -> {
                int mismatches = 0;
                for (int r = 0; r < rounds; r++) {
                  List<Integer> order = new ArrayList<>();
                  for (int i = 0; i < envelopes.size(); i++) {
                    order.add(i);
                  }
                  Collections.shuffle(order, random);
                  for (int i : order) {
                    if (!cache.verify(envelopes.get(i)).equals(expected.get(i))) {
                      mismatches++;
                    }
                  }
                }
                return mismatches;
              };
          futures.add(pool.submit(task));
        }
        for (Future<Integer> f : futures) {
          assertEquals(0, f.get());
        }
      } finally {
        pool.shutdown();
      }
      long calls = (long) threads * rounds * envelopes.size();
      assertEquals(calls, cache.hits() + cache.misses(), "bound " + bound);
      assertTrue(cache.misses() >= envelopes.size(), "bound " + bound);
      if (bound >= envelopes.size()) {
        // Without eviction, only racing first verifications of one envelope miss more than once.
        assertTrue(cache.misses() <= (long) threads * envelopes.size(), "" + cache.misses());
      }
    }
  }
}
