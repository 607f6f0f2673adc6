package dev.ssc.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.AuditEvent;
import dev.ssc.api.audit.AuditReceipt;
import dev.ssc.api.audit.Checkpoint;
import dev.ssc.api.audit.ConsistencyProof;
import dev.ssc.api.audit.InclusionProof;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.attest.tlog.Checkpoints;
import dev.ssc.attest.tlog.MerkleTree;
import dev.ssc.attest.tlog.NoteSigner;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {
  private static final NoteSigner SIGNER =
      NoteSigner.generate("audit.example/test", new SecureRandom(new byte[] {1}));

  @TempDir Path tmp;

  private static FileAuditLog open(Path dir) throws IOException {
    return FileAuditLog.builder().directory(dir).signer(SIGNER).open();
  }

  private static Bytes entry(long i) {
    return Bytes.utf8("entry " + i);
  }

  @Property(tries = 40)
  void proofsVerifyAndRootsMatchTheReference(
      @ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) throws IOException {
    Path dir = Files.createTempDirectory("ssc-log");
    Random random = new Random(seed);
    List<Bytes> leaves = new ArrayList<>();
    // Appends in random batches, closing and reopening the log at a random point.
    int reopenAt = random.nextInt(n);
    @Nullable FileAuditLog first = open(dir);
    try {
      while (leaves.size() < n) {
        if (leaves.size() >= reopenAt && first != null) {
          first.close();
          first = null;
        }
        int k = Math.min(n - leaves.size(), 1 + random.nextInt(20));
        List<Bytes> batch = new ArrayList<>();
        for (int j = 0; j < k; j++) {
          byte[] b = new byte[random.nextInt(40)];
          random.nextBytes(b);
          batch.add(Bytes.of(b));
        }
        if (first != null) {
          appendChecked(first, batch, leaves);
        } else {
          try (FileAuditLog again = open(dir)) {
            appendChecked(again, batch, leaves);
          }
        }
      }
    } finally {
      if (first != null) {
        first.close();
      }
    }
    try (FileAuditLog log = open(dir)) {
      ReferenceTree ref = new ReferenceTree(leaves);
      for (int size = 0; size <= n; size++) {
        assertEquals(ref.root(size), log.rootHash(size), "root of " + size);
      }
      for (int t = 0; t < 60; t++) {
        int size = 1 + random.nextInt(n);
        int m = random.nextInt(size);
        InclusionProof p = log.proveInclusion(m, size);
        assertEquals(ref.inclusion(m, size), p.hashes());
        assertTrue(MerkleTree.verify(p, ref.root(size)).isValid(), m + " in " + size);
        int size1 = 1 + random.nextInt(size);
        ConsistencyProof c = log.proveConsistency(size1, size);
        assertEquals(ref.consistency(size1, size), c.hashes());
        assertTrue(
            MerkleTree.verify(c, ref.root(size1), ref.root(size)).isValid(), size1 + "->" + size);
      }
      assertTrue(log.verify().isValid());
    } finally {
      delete(dir);
    }
  }

  private static void appendChecked(FileAuditLog log, List<Bytes> batch, List<Bytes> leaves)
      throws IOException {
    List<AuditReceipt> rs = log.appendEntries(batch);
    for (int j = 0; j < batch.size(); j++) {
      assertEquals(leaves.size(), rs.get(j).index());
      assertEquals(MerkleTree.leafHash(batch.get(j)), rs.get(j).leafHash());
      assertEquals(batch.get(j), log.read(rs.get(j).index()));
      leaves.add(rs.get(j).leafHash());
    }
  }

  @Test
  void reopensWithTheSameTreeAndKeepsAppending() throws IOException {
    Bytes root;
    try (FileAuditLog log = open(tmp)) {
      for (int i = 0; i < 37; i++) {
        assertEquals(i, log.appendEntry(entry(i)).index());
      }
      root = log.rootHash(37);
      Checkpoint cp = log.checkpoint();
      assertEquals(37, cp.size());
      assertEquals(root, cp.rootHash());
      assertTrue(
          Checkpoints.open(cp.signedNote(), SIGNER.name(), SIGNER.verifierKey(), List.of())
              .isValid());
    }
    try (FileAuditLog log = open(tmp)) {
      assertEquals(37, log.size());
      assertEquals(root, log.rootHash(37));
      for (int i = 37; i < 100; i++) {
        assertEquals(i, log.appendEntry(entry(i)).index());
      }
      List<Bytes> expected = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        expected.add(MerkleTree.leafHash(entry(i)));
      }
      assertEquals(new ReferenceTree(expected).root(100), log.rootHash(100));
      assertEquals(List.of(entry(10), entry(11)), log.read(10, 12));
      Checkpoint now = log.checkpoint();
      assertEquals(2, log.checkpoints().size());
      for (Checkpoint c : log.checkpoints()) {
        assertTrue(log.checkConsistency(c).isValid());
      }
      assertEquals(100, now.size());
      LogVerification v = log.verify();
      assertTrue(v.isValid(), v::toString);
    }
  }

  @Test
  void appendEntriesCommitsThemInOrder() throws IOException {
    try (FileAuditLog log = open(tmp)) {
      assertEquals(0, log.appendEntry(entry(0)).index());
      List<AuditReceipt> rs = log.appendEntries(List.of(entry(1), entry(2), entry(3)));
      assertEquals(List.of(1L, 2L, 3L), rs.stream().map(AuditReceipt::index).toList());
      assertEquals(List.of(), log.appendEntries(List.of()));
      assertEquals(List.of(entry(0), entry(1), entry(2), entry(3)), log.read(0, 4));
      assertTrue(log.verify().isValid());
    }
  }

  @Test
  void checkpointOfAnUnchangedLogIsTheStoredOne() throws IOException {
    try (FileAuditLog log = open(tmp)) {
      Checkpoint empty = log.checkpoint();
      assertEquals(0, empty.size());
      assertEquals(MerkleTree.emptyRoot(), empty.rootHash());
      assertEquals(empty, log.checkpoint());
      assertEquals(1, log.checkpoints().size());
    }
  }

  @Test
  void aLogIsHeldByOneInstanceAtATime() throws IOException {
    try (FileAuditLog log = open(tmp)) {
      assertEquals(0, log.size());
      assertThrows(IOException.class, () -> open(tmp));
    }
  }

  @Test
  void readsAndProofsRejectIndicesOutsideTheLog() throws IOException {
    try (FileAuditLog log = open(tmp)) {
      assertEquals(0, log.appendEntry(entry(0)).index());
      assertThrows(IndexOutOfBoundsException.class, () -> log.read(1));
      assertThrows(IndexOutOfBoundsException.class, () -> log.read(-1));
      assertThrows(IllegalArgumentException.class, () -> log.proveInclusion(1, 1));
      assertThrows(IllegalArgumentException.class, () -> log.proveInclusion(0, 2));
      assertThrows(IllegalArgumentException.class, () -> log.proveConsistency(1, 2));
      assertThrows(IllegalArgumentException.class, () -> log.rootHash(2));
    }
  }

  @Test
  void concurrentAppendersGetDistinctDurableIndices() throws Exception {
    int threads = 8;
    int each = 250;
    try (FileAuditLog log = open(tmp)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<List<AuditReceipt>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int id = t;
          futures.add(
              pool.submit(
                  () -> {
                    List<AuditReceipt> out = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                      out.add(log.appendEntry(Bytes.utf8(id + "/" + i)));
                    }
                    return out;
                  }));
        }
        boolean[] seen = new boolean[threads * each];
        for (int t = 0; t < threads; t++) {
          List<AuditReceipt> rs = futures.get(t).get();
          for (int i = 0; i < each; i++) {
            AuditReceipt r = rs.get(i);
            assertFalse(seen[(int) r.index()]);
            seen[(int) r.index()] = true;
            assertEquals(Bytes.utf8(t + "/" + i), log.read(r.index()));
          }
        }
      } finally {
        pool.shutdown();
      }
      assertEquals(threads * each, log.size());
      assertTrue(log.verify().isValid());
    }
  }

  @Test
  void aTornTailIsTruncatedToTheLastCompleteRecord() throws IOException {
    try (FileAuditLog log = open(tmp)) {
      for (int i = 0; i < 5; i++) {
        assertEquals(i, log.appendEntry(entry(i)).index());
      }
      assertEquals(5, log.checkpoint().size());
      for (int i = 5; i < 12; i++) {
        assertEquals(i, log.appendEntry(entry(i)).index());
      }
    }
    // A crash in mid-batch: entry 11's record is complete but its index and leaf never made it,
    // a half record follows, and subtree hashes are missing. Recovery re-derives what the
    // complete records imply and cuts the rest.
    truncate(tmp.resolve("index"), 11 * 8 + 3);
    truncate(tmp.resolve("leaves"), 11 * 32 + 5);
    appendBytes(tmp.resolve("entries"), new byte[] {0, 0, 0, 9, 'x'});
    truncate(tmp.resolve("level-1"), 0);
    Files.delete(tmp.resolve("level-2"));
    truncate(tmp.resolve("synced"), 0);
    try (FileAuditLog log = open(tmp)) {
      assertEquals(12, log.size());
      assertEquals(entry(11), log.read(11));
      LogVerification v = log.verify();
      assertTrue(v.isValid(), v::toString);
      assertEquals(12, log.appendEntry(entry(12)).index());
      assertTrue(log.checkConsistency(log.checkpoints().get(0)).isValid());
      assertTrue(log.verify().isValid());
    }
    // An acknowledged (and so synced) record cut short is damage, not a torn write: reported.
    long size = Files.size(tmp.resolve("entries"));
    truncate(tmp.resolve("entries"), size - 3);
    try (FileAuditLog log = open(tmp)) {
      LogVerification v = log.verify();
      assertEquals(12, v.firstBadIndex().orElseThrow(), v::toString);
      assertThrows(IOException.class, () -> log.appendEntry(entry(13)));
      assertThrows(IOException.class, log::checkpoint);
    }
  }

  @Test
  void recoveryNeverTruncatesBelowTheLatestCheckpoint() throws IOException {
    try (FileAuditLog log = open(tmp)) {
      for (int i = 0; i < 8; i++) {
        assertEquals(i, log.appendEntry(entry(i)).index());
      }
      assertEquals(8, log.checkpoint().size());
    }
    // Entries 6 and 7, signed by the checkpoint, lose their records.
    truncate(tmp.resolve("entries"), 6 * 15 + 4);
    try (FileAuditLog log = open(tmp)) {
      LogVerification v = log.verify();
      assertFalse(v.isValid());
      assertEquals(6, v.firstBadIndex().orElseThrow(), v::toString);
      assertThrows(IOException.class, () -> log.appendEntry(entry(8)));
    }
  }

  @Test
  void flippingAnyStoredByteIsReportedWithTheFirstBadIndex() throws IOException {
    int n = 13;
    try (FileAuditLog log = open(tmp)) {
      for (int i = 0; i < n; i++) {
        assertEquals(i, log.appendEntry(entry(i)).index());
        if (i == 4) {
          assertEquals(5, log.checkpoint().size());
        }
      }
      assertEquals(n, log.checkpoint().size());
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(tmp)) {
      // The keys are not log data; "synced" is a recovery hint that a flip can only make recovery
      // re-derive more (see docs/formats.md).
      files =
          s.filter(p -> !p.getFileName().toString().startsWith("log."))
              .filter(p -> !p.getFileName().toString().equals("synced"))
              .sorted()
              .toList();
    }
    int flips = 0;
    for (Path f : files) {
      byte[] original = Files.readAllBytes(f);
      for (int at = 0; at < original.length; at++) {
        byte[] tampered = original.clone();
        tampered[at] ^= 0x01;
        Files.write(f, tampered);
        try (FileAuditLog log = open(tmp)) {
          LogVerification v = log.verify();
          String where = f.getFileName() + " byte " + at;
          assertFalse(v.isValid(), where);
          long bad = v.firstBadIndex().orElseThrow();
          assertTrue(bad >= 0 && bad <= n, where + ": " + v);
          long expected = expectedBadIndex(f.getFileName().toString(), at);
          if (expected >= 0) {
            assertEquals(expected, bad, where + ": " + v);
          }
        }
        Files.write(f, original);
        flips++;
      }
    }
    assertTrue(flips > 1000, "flipped " + flips);
    try (FileAuditLog log = open(tmp)) {
      assertTrue(log.verify().isValid());
    }
  }

  /** The index a flip must be reported at, or -1 when only "somewhere" is checked. */
  private static long expectedBadIndex(String file, int at) {
    switch (file) {
      case "index":
        return at / 8;
      case "leaves":
        return at / 32;
      case "entries":
        // every record of "entry I" for I < 10 is 15 bytes; later ones are 16
        return at < 150 ? at / 15 : 10 + (at - 150) / 16;
      default:
        if (file.startsWith("level-")) {
          int k = Integer.parseInt(file.substring(6));
          return (long) (at / 32) << k;
        }
        return -1;
    }
  }

  @Test
  void auditEventsAreEncodedCanonicallyAndChainedToTheLatestCheckpoint() throws IOException {
    AuditEvent event =
        AuditEvent.builder()
            .actor("alice")
            .action(AuditEvent.PROMOTE)
            .subject(DigestSet.sha256("a".repeat(64)))
            .environment("prod")
            .decision(Digest.sha256("b".repeat(64)))
            .time(Instant.parse("2026-01-02T03:04:05Z"))
            .putDetails("ticket", "CHG-1")
            .build();
    assertEquals(
        "{\"action\":\"promote\",\"actor\":\"alice\",\"decision\":\"sha256:"
            + "b".repeat(64)
            + "\",\"details\":{\"ticket\":\"CHG-1\"},\"environment\":\"prod\","
            + "\"subject\":{\"sha256\":\""
            + "a".repeat(64)
            + "\"},\"time\":\"2026-01-02T03:04:05Z\",\"type\":\""
            + AuditEvents.TYPE
            + "\"}",
        AuditEvents.encode(event, Optional.empty()).toUtf8String());
    try (FileAuditLog log = open(tmp)) {
      AuditReceipt first = log.append(event);
      assertFalse(log.read(first.index()).toUtf8String().contains("previousCheckpoint"));
      Checkpoint cp = log.checkpoint();
      AuditReceipt second = log.append(event);
      String text = log.read(second.index()).toUtf8String();
      String expected =
          "\"previousCheckpoint\":\"sha256:"
              + Bytes.of(sha256(cp.signedNote().toByteArray())).toHex()
              + "\"";
      assertTrue(text.contains(expected), text);
    }
  }

  @Test
  void initializeWritesTheKeysOnceAndOpenUsesThem() throws IOException {
    Path dir = tmp.resolve("log");
    NoteSigner s = FileAuditLog.initialize(dir, "audit.example/prod", new SecureRandom());
    assertEquals(
        s.verifierKey().verifierKey() + "\n",
        Files.readString(dir.resolve(FileAuditLog.VERIFIER_KEY_FILE), StandardCharsets.UTF_8));
    assertThrows(
        IOException.class,
        () -> FileAuditLog.initialize(dir, "audit.example/prod", new SecureRandom()));
    try (FileAuditLog log = FileAuditLog.open(dir)) {
      assertEquals("audit.example/prod", log.origin());
      assertEquals(s.verifierKey(), log.verifierKey());
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static void truncate(Path f, long len) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(len);
    }
  }

  private static void appendBytes(Path f, byte[] b) throws IOException {
    byte[] old = Files.readAllBytes(f);
    byte[] all = new byte[old.length + b.length];
    System.arraycopy(old, 0, all, 0, old.length);
    System.arraycopy(b, 0, all, old.length, b.length);
    Files.write(f, all);
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void referenceTreeSanity() {
    ReferenceTree ref = ReferenceTree.ofEntries(3);
    assertArrayEquals(ref.leaf(0).toByteArray(), MerkleTree.leafHash(entry(0)).toByteArray());
  }
}
