package dev.ssc.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.AuditEvent;
import dev.ssc.api.audit.AuditLog;
import dev.ssc.api.audit.AuditReceipt;
import dev.ssc.api.audit.Checkpoint;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.attest.tlog.CheckpointVerification;
import dev.ssc.attest.tlog.Checkpoints;
import dev.ssc.attest.tlog.MerkleTree;
import dev.ssc.attest.tlog.NoteSigner;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} of ssc-core does, run against each implementation. */
abstract class AuditLogContract {
  static final NoteSigner SIGNER =
      NoteSigner.generate("audit.example/contract", new SecureRandom(new byte[] {7}));

  /** A new, empty log signed by {@link #SIGNER}. */
  abstract AuditLog newLog() throws Exception;

  abstract Bytes root(AuditLog log, long size) throws Exception;

  abstract AuditReceipt appendRaw(AuditLog log, Bytes entry) throws Exception;

  @Test
  void everyProofOfASmallLogVerifiesAgainstTheReference() throws Exception {
    try (AuditLog log = newLog()) {
      List<Bytes> leaves = new ArrayList<>();
      for (int i = 0; i < 33; i++) {
        AuditReceipt r = appendRaw(log, Bytes.utf8("entry " + i));
        assertEquals(i, r.index());
        leaves.add(r.leafHash());
      }
      ReferenceTree ref = new ReferenceTree(leaves);
      for (int n = 1; n <= 33; n++) {
        assertEquals(ref.root(n), root(log, n));
        for (int m = 0; m < n; m++) {
          assertEquals(ref.inclusion(m, n), log.proveInclusion(m, n).hashes());
          assertTrue(MerkleTree.verify(log.proveInclusion(m, n), ref.root(n)).isValid());
        }
        for (int m = 1; m <= n; m++) {
          assertEquals(ref.consistency(m, n), log.proveConsistency(m, n).hashes());
          assertTrue(
              MerkleTree.verify(log.proveConsistency(m, n), ref.root(m), ref.root(n)).isValid());
        }
      }
      assertEquals(Bytes.utf8("entry 32"), log.read(32));
      assertThrows(IndexOutOfBoundsException.class, () -> log.read(33));
      assertThrows(IllegalArgumentException.class, () -> log.proveInclusion(0, 34));
    }
  }

  @Test
  void checkpointsAreSignedAndEventsChainToThem() throws Exception {
    AuditEvent event =
        AuditEvent.builder()
            .actor("alice")
            .action(AuditEvent.DECIDE)
            .subject(DigestSet.sha256("c".repeat(64)))
            .time(Instant.parse("2026-01-02T03:04:05.5Z"))
            .build();
    try (AuditLog log = newLog()) {
      AuditReceipt first = log.append(event);
      assertEquals(AuditEvents.encode(event, Optional.empty()), log.read(first.index()));
      Checkpoint cp = log.checkpoint();
      CheckpointVerification v =
          Checkpoints.open(cp.signedNote(), SIGNER.name(), SIGNER.verifierKey(), List.of());
      assertTrue(v.isValid(), v.failure().orElse(""));
      assertEquals(1, cp.size());
      assertEquals(root(log, 1), cp.rootHash());
      AuditReceipt second = log.append(event);
      assertTrue(
          log.read(second.index()).toUtf8String().contains("\"previousCheckpoint\":\"sha256:"));
      assertEquals(2, log.checkpoint().size());
      assertEquals(2, log.size());
    }
  }
}
