package dev.ssc.attest.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.attest.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our digests equal openssl dgst's and git hash-object's for the same files. */
class DigestsInteropIT {
  @Test
  void matchesOpensslAndGit(@TempDir Path dir) throws Exception {
    Path openssl = Peers.requireCommand("openssl", "apt-get install openssl");
    Path git = Peers.requireCommand("git", "apt-get install git");
    Map<DigestAlgorithm, String> names =
        Map.of(
            DigestAlgorithm.SHA256, "-sha256",
            DigestAlgorithm.SHA384, "-sha384",
            DigestAlgorithm.SHA512, "-sha512",
            DigestAlgorithm.SHA512_256, "-sha512-256",
            DigestAlgorithm.SHA3_256, "-sha3-256");
    Random random = new Random(42);
    for (int size : new int[] {0, 1, 262_143, 262_144, 262_145, 3_000_001}) {
      byte[] content = new byte[size];
      random.nextBytes(content);
      Path file = Files.write(dir.resolve("f" + size), content);
      java.util.List<DigestAlgorithm> all = new java.util.ArrayList<>(names.keySet());
      all.add(DigestAlgorithm.GIT_BLOB);
      DigestSet ours = Digests.of(file, all.toArray(DigestAlgorithm[]::new));
      for (Map.Entry<DigestAlgorithm, String> e : names.entrySet()) {
        Peers.Result r =
            Peers.run(
                dir,
                Duration.ofSeconds(60),
                openssl.toString(),
                "dgst",
                "-r",
                e.getValue(),
                file.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(
            r.stdout().split(" ")[0], ours.get(e.getKey()).orElseThrow().value(), e.getValue());
      }
      Peers.Result g =
          Peers.run(dir, Duration.ofSeconds(60), git.toString(), "hash-object", file.toString());
      assertEquals(0, g.exitCode(), g.output());
      assertEquals(g.stdout().strip(), ours.get(DigestAlgorithm.GIT_BLOB).orElseThrow().value());
    }
  }
}
