package dev.ssc.benchmarks.core;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.ConsistencyProof;
import dev.ssc.api.audit.InclusionProof;
import dev.ssc.attest.tlog.NoteSigner;
import dev.ssc.core.audit.FileAuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Proofs from a large log with a small heap (the fork runs with {@code -Xmx64m}): an inclusion
 * proof of a random entry in the whole tree, and a consistency proof from a random size, each O(log
 * n) positioned reads of the level files. The log is built once per trial through {@code
 * appendEntries}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class InclusionProofBenchmark {
  /** Entries in the log. */
  @Param({"10000000"})
  public long size = 10_000_000;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  Path dir;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  FileAuditLog log;

  /** Builds the log. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("ssc-proof-bench");
    log =
        FileAuditLog.builder()
            .directory(dir)
            .signer(NoteSigner.generate("bench.example/proofs", new SecureRandom()))
            .open();
    List<Bytes> chunk = new ArrayList<>();
    for (long i = 0; i < size; i++) {
      chunk.add(Bytes.of(("entry " + i).getBytes(StandardCharsets.US_ASCII)));
      if (chunk.size() == 16_384 || i == size - 1) {
        var unused = log.appendEntries(chunk);
        chunk.clear();
      }
    }
  }

  /** Closes and deletes the log. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    log.close();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** An inclusion proof of a random entry in the whole tree. */
  @Benchmark
  public InclusionProof inclusionProof() throws IOException {
    return log.proveInclusion(ThreadLocalRandom.current().nextLong(size), size);
  }

  /** A consistency proof from a random size to the whole tree. */
  @Benchmark
  public ConsistencyProof consistencyProof() throws IOException {
    return log.proveConsistency(1 + ThreadLocalRandom.current().nextLong(size - 1), size);
  }
}
