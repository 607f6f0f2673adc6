package dev.ssc.benchmarks.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The three sides compute the same digest, so the benchmark compares like with like. */
class FileDigestBenchmarkTest {
  @Test
  void everySideComputesTheSameDigest() throws Exception {
    FileDigestBenchmark b = new FileDigestBenchmark();
    b.mebibytes = 3;
    b.setUp();
    try {
      String ours = b.sscDigests();
      assertEquals(ours, b.jdkInMemory());
      if (new java.io.File("/usr/bin/openssl").canExecute()) {
        assertEquals(ours, b.opensslDgst());
      }
    } finally {
      b.tearDown();
    }
  }
}
