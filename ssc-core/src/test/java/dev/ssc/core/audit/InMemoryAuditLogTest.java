package dev.ssc.core.audit;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.AuditLog;
import dev.ssc.api.audit.AuditReceipt;

class InMemoryAuditLogTest extends AuditLogContract {
  @Override
  AuditLog newLog() {
    return InMemoryAuditLog.create(SIGNER);
  }

  @Override
  Bytes root(AuditLog log, long size) {
    return ((InMemoryAuditLog) log).rootHash(size);
  }

  @Override
  AuditReceipt appendRaw(AuditLog log, Bytes entry) {
    return ((InMemoryAuditLog) log).appendEntry(entry);
  }
}
