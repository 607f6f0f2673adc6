package dev.ssc.benchmarks.core;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.AuditReceipt;
import dev.ssc.attest.tlog.NoteSigner;
import dev.ssc.core.audit.FileAuditLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable appends, in entries per second: {@code fileAuditLog} appends {@value #BATCH} entries of
 * {@value #ENTRY_BYTES} bytes as one group commit (entries, index, leaves and subtree hashes
 * written, every file forced); the baseline {@code rawAppendAndFsync} appends the very same record
 * bytes to one file and forces it once per {@value #BATCH}. {@code concurrentAppenders} is eight
 * threads appending one entry at a time, batched by the log's group commit alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AuditLogAppendBenchmark {
  /** Entries per commit. */
  public static final int BATCH = 256;

  /** Bytes per entry. */
  public static final int ENTRY_BYTES = 100;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  Path dir;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  FileAuditLog log;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  FileChannel raw;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  List<Bytes> entries;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  byte[] records;

  long rawEnd;

  /** A fresh log and raw file in a temporary directory, and the entries. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("ssc-log-bench");
    log =
        FileAuditLog.builder()
            .directory(dir.resolve("log"))
            .signer(NoteSigner.generate("bench.example/log", new SecureRandom()))
            .open();
    raw =
        FileChannel.open(
            dir.resolve("raw"),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.READ);
    Random random = new Random(1);
    entries = new ArrayList<>();
    records = new byte[BATCH * (ENTRY_BYTES + 8)];
    ByteBuffer out = ByteBuffer.wrap(records);
    for (int i = 0; i < BATCH; i++) {
      byte[] e = new byte[ENTRY_BYTES];
      random.nextBytes(e);
      entries.add(Bytes.of(e));
      CRC32C crc = new CRC32C();
      int start = out.position();
      out.putInt(e.length).put(e);
      crc.update(records, start, 4 + e.length);
      out.putInt((int) crc.getValue());
    }
  }

  /** Closes and deletes everything. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    log.close();
    raw.close();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** ssc's log: one group commit of {@value #BATCH} entries. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<AuditReceipt> fileAuditLog() throws IOException {
    return log.appendEntries(entries);
  }

  /** The baseline: the same record bytes appended to one file, forced once. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long rawAppendAndFsync() throws IOException {
    ByteBuffer b = ByteBuffer.wrap(records);
    while (b.hasRemaining()) {
      rawEnd += raw.write(b, rawEnd);
    }
    raw.force(true);
    return rawEnd;
  }

  /** Eight threads appending one entry each time; group commit does the batching. */
  @Benchmark
  @Threads(8)
  public AuditReceipt concurrentAppenders() throws IOException {
    return log.appendEntry(entries.get(0));
  }
}
