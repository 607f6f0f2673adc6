package dev.ssc.benchmarks.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.attest.tlog.MerkleTree;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The benchmarks compare like with like and their operations work. */
class AuditLogBenchmarksTest {
  @Test
  void theBaselineWritesTheLogsEntryBytes() throws Exception {
    AuditLogAppendBenchmark b = new AuditLogAppendBenchmark();
    b.setUp();
    try {
      assertEquals(AuditLogAppendBenchmark.BATCH, b.fileAuditLog().size());
      long end = b.rawAppendAndFsync();
      assertEquals(b.records.length, end);
      assertArrayEquals(
          Files.readAllBytes(b.dir.resolve("log").resolve("entries")),
          Files.readAllBytes(b.dir.resolve("raw")));
      assertEquals(AuditLogAppendBenchmark.BATCH, b.concurrentAppenders().index());
    } finally {
      b.tearDown();
    }
  }

  @Test
  void proofsVerify() throws Exception {
    InclusionProofBenchmark b = new InclusionProofBenchmark();
    b.size = 1000;
    b.setUp();
    try {
      var p = b.inclusionProof();
      assertTrue(MerkleTree.verify(p, b.log.rootHash(1000)).isValid());
      var c = b.consistencyProof();
      assertTrue(MerkleTree.verify(c, b.log.rootHash(c.size1()), b.log.rootHash(1000)).isValid());
    } finally {
      b.tearDown();
    }
  }
}
