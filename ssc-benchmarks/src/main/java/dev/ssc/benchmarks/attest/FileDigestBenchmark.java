package dev.ssc.benchmarks.attest;

import dev.ssc.attest.digest.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Streaming sha256 of a file ({@code sscDigests}) against {@code openssl dgst -sha256} of the same
 * file ({@code opensslDgst}, a child process per operation), measured in the same run with the file
 * in the page cache; {@code jdkInMemory} is MessageDigest over the same number of bytes already in
 * memory, the JDK's ceiling. Time per operation: divide the file size by it for GB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class FileDigestBenchmark {
  /** File size in MiB. */
  @Param({"1024"})
  public int mebibytes = 1024;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  Path file;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  byte[] chunk;

  /** Writes a file of random bytes and reads it once, so every side reads from the page cache. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    file = Files.createTempFile("ssc-digest-bench", ".bin");
    chunk = new byte[1 << 20];
    new Random(1).nextBytes(chunk);
    try (var out = Files.newOutputStream(file)) {
      for (int i = 0; i < mebibytes; i++) {
        out.write(chunk);
      }
    }
    String unused = Digests.sha256(file).value();
  }

  /** Deletes the file. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** ssc's streaming file digest. */
  @Benchmark
  public String sscDigests() throws IOException {
    return Digests.sha256(file).value();
  }

  /** The baseline: OpenSSL hashing the same file. */
  @Benchmark
  public String opensslDgst() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("openssl", "dgst", "-sha256", "-r", file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    if (p.waitFor() != 0) {
      throw new IOException("openssl dgst failed: " + out);
    }
    return out.substring(0, 64);
  }

  /** The JDK's ceiling: the same bytes, already in memory. */
  @Benchmark
  public String jdkInMemory() throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256", "SUN");
    for (int i = 0; i < mebibytes; i++) {
      md.update(chunk);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
