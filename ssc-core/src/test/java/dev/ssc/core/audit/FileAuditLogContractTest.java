package dev.ssc.core.audit;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.AuditLog;
import dev.ssc.api.audit.AuditReceipt;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogContractTest extends AuditLogContract {
  @TempDir Path dir;

  @Override
  AuditLog newLog() throws Exception {
    return FileAuditLog.builder().directory(dir).signer(SIGNER).open();
  }

  @Override
  Bytes root(AuditLog log, long size) throws Exception {
    return ((FileAuditLog) log).rootHash(size);
  }

  @Override
  AuditReceipt appendRaw(AuditLog log, Bytes entry) throws Exception {
    return ((FileAuditLog) log).appendEntry(entry);
  }
}
