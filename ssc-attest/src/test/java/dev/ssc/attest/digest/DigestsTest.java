package dev.ssc.attest.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ssc.api.Bytes;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {
  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void knownAnswers(@TempDir Path dir) throws Exception {
    Path abc = Files.writeString(dir.resolve("abc"), "abc");
    Path empty = Files.createFile(dir.resolve("empty"));

    DigestSet set =
        Digests.of(abc, DigestAlgorithm.SHA256, DigestAlgorithm.SHA512, DigestAlgorithm.GIT_BLOB);

    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        set.get(DigestAlgorithm.SHA256).orElseThrow().value());
    assertEquals(
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        set.get(DigestAlgorithm.SHA512).orElseThrow().value());
    // git hash-object of a file holding "abc"
    assertEquals(
        "f2ba8f84ab5c1bce84a7b441cb1959cfc7093b7f",
        set.get(DigestAlgorithm.GIT_BLOB).orElseThrow().value());
    assertEquals(EMPTY_SHA256, Digests.sha256(empty).value());
    assertEquals(EMPTY_SHA256, Digests.sha256(Bytes.of(new byte[0])).value());
  }

  @Property(tries = 50)
  void oneFilePassEqualsEachAlgorithmAlone(@ForAll @Size(max = 600_000) byte[] content)
      throws Exception {
    Path file = Files.write(Files.createTempFile("digests", ".bin"), content);
    try {
      checkOnePass(file, content);
    } finally {
      Files.delete(file);
    }
  }

  private static void checkOnePass(Path file, byte[] content) throws Exception {
    DigestAlgorithm[] all = {
      DigestAlgorithm.SHA224, DigestAlgorithm.SHA256, DigestAlgorithm.SHA384,
      DigestAlgorithm.SHA512, DigestAlgorithm.SHA512_256, DigestAlgorithm.SHA3_256,
      DigestAlgorithm.SHA3_512
    };

    DigestSet together = Digests.of(file, all);

    for (DigestAlgorithm a : all) {
      assertEquals(Digests.of(file, a), DigestSet.of(together.get(a).orElseThrow()));
      assertEquals(
          together.get(a), Digests.of(new ByteArrayInputStream(content), a).get(a), a.name());
    }
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
        together.get(DigestAlgorithm.SHA256).orElseThrow().value());
  }

  /** Past 2 GiB: offsets and counts are longs, and memory stays one buffer. */
  @Test
  void hashesAFileLargerThanTwoGibibytes(@TempDir Path dir) throws Exception {
    long size = (5L << 29) + 3; // 2.5 GiB + 3 bytes, sparse: zeros
    Path file = dir.resolve("sparse.bin");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    byte[] zeros = new byte[1 << 20];
    for (long left = size; left > 0; left -= zeros.length) {
      expected.update(zeros, 0, (int) Math.min(zeros.length, left));
    }

    assertEquals(HexFormat.of().formatHex(expected.digest()), Digests.sha256(file).value());
  }

  @Test
  void rejectsWhatItCannotCompute(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");

    assertThrows(IllegalArgumentException.class, () -> Digests.of(file));
    assertThrows(IllegalArgumentException.class, () -> Digests.of(file, DigestAlgorithm.MD5));
    assertThrows(
        IllegalArgumentException.class,
        () -> Digests.of(new ByteArrayInputStream(new byte[0]), DigestAlgorithm.GIT_BLOB));
    assertThrows(
        java.nio.file.NoSuchFileException.class, () -> Digests.sha256(dir.resolve("missing")));
  }
}
