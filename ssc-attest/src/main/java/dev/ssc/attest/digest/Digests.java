package dev.ssc.attest.digest;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Digests of files, streams and bytes, for every requested algorithm in one pass over the data and
 * in constant memory (one 256 KiB buffer, whatever the size of the file).
 *
 * <p>Supported: sha224, sha256, sha384, sha512, sha512_224, sha512_256, sha3_224, sha3_256,
 * sha3_384, sha3_512, and gitBlob (git's SHA-1 object id of a file's content, {@code git
 * hash-object}). Hashing uses the JDK's own {@code SUN} provider, named explicitly: its SHA-2 runs
 * on the CPU's SHA instructions where there are any, which no other provider here matches
 * (docs/performance.md).
 *
 * <pre>{@code
 * DigestSet jar = Digests.of(Path.of("app.jar"), DigestAlgorithm.SHA256, DigestAlgorithm.SHA512);
 * }</pre>
 *
 * <p>Thread-safe; stateless.
 */
public final class Digests {
  /** The read buffer: large enough to amortize system calls, small enough to stay in cache. */
  static final int BUFFER_BYTES = 256 << 10;

  private static final Map<DigestAlgorithm, String> JCA_NAMES =
      Map.ofEntries(
          Map.entry(DigestAlgorithm.SHA224, "SHA-224"),
          Map.entry(DigestAlgorithm.SHA256, "SHA-256"),
          Map.entry(DigestAlgorithm.SHA384, "SHA-384"),
          Map.entry(DigestAlgorithm.SHA512, "SHA-512"),
          Map.entry(DigestAlgorithm.SHA512_224, "SHA-512/224"),
          Map.entry(DigestAlgorithm.SHA512_256, "SHA-512/256"),
          Map.entry(DigestAlgorithm.SHA3_224, "SHA3-224"),
          Map.entry(DigestAlgorithm.SHA3_256, "SHA3-256"),
          Map.entry(DigestAlgorithm.SHA3_384, "SHA3-384"),
          Map.entry(DigestAlgorithm.SHA3_512, "SHA3-512"),
          Map.entry(DigestAlgorithm.GIT_BLOB, "SHA-1"));

  private Digests() {}

  /**
   * The sha256 digest of the file at {@code file}.
   *
   * @throws IOException if the file cannot be read
   */
  public static Digest sha256(Path file) throws IOException {
    return of(file, DigestAlgorithm.SHA256).get(DigestAlgorithm.SHA256).orElseThrow();
  }

  /** The sha256 digest of {@code bytes}. */
  public static Digest sha256(Bytes bytes) {
    MessageDigest md = newDigest(DigestAlgorithm.SHA256);
    md.update(bytes.asReadOnlyBuffer());
    return Digest.of(DigestAlgorithm.SHA256, Bytes.of(md.digest()));
  }

  /**
   * Digests of the file at {@code file}, one per algorithm, computed in one pass.
   *
   * @throws IllegalArgumentException if no algorithm is given or one is not supported
   * @throws IOException if the file cannot be read
   */
  public static DigestSet of(Path file, DigestAlgorithm... algorithms) throws IOException {
    requireNonNull(file, "file");
    List<Hasher> hashers = hashers(List.of(algorithms));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      byte[] buffer = new byte[BUFFER_BYTES];
      ByteBuffer wrapped = ByteBuffer.wrap(buffer);
      start(hashers, size);
      long total = 0;
      int n;
      while ((n = channel.read(wrapped.clear())) != -1) {
        update(hashers, buffer, n);
        total += n;
      }
      if (total != size) {
        throw new IOException(
            file + " changed size while it was hashed (" + size + " to " + total + ")");
      }
    }
    return finish(hashers);
  }

  /**
   * Digests of everything {@code in} yields, one per algorithm, in one pass. Does not close {@code
   * in}. A gitBlob digest needs the size up front, so streams support only the other algorithms.
   *
   * @throws IllegalArgumentException if no algorithm is given, one is not supported, or one is
   *     gitBlob
   * @throws IOException if the stream cannot be read
   */
  public static DigestSet of(InputStream in, DigestAlgorithm... algorithms) throws IOException {
    requireNonNull(in, "in");
    List<Hasher> hashers = hashers(List.of(algorithms));
    for (Hasher h : hashers) {
      if (h.algorithm.equals(DigestAlgorithm.GIT_BLOB)) {
        throw new IllegalArgumentException("gitBlob needs the size first: hash a file instead");
      }
    }
    byte[] buffer = new byte[BUFFER_BYTES];
    int n;
    while ((n = in.read(buffer)) != -1) {
      update(hashers, buffer, n);
    }
    return finish(hashers);
  }

  private static List<Hasher> hashers(Collection<DigestAlgorithm> algorithms) {
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("name at least one digest algorithm");
    }
    List<Hasher> hashers = new ArrayList<>();
    for (DigestAlgorithm a : new LinkedHashSet<>(algorithms)) {
      hashers.add(new Hasher(requireNonNull(a, "algorithm"), newDigest(a)));
    }
    return hashers;
  }

  private static void start(List<Hasher> hashers, long size) {
    for (Hasher h : hashers) {
      if (h.algorithm.equals(DigestAlgorithm.GIT_BLOB)) {
        h.digest.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  private static void update(List<Hasher> hashers, byte[] buffer, int length) {
    for (Hasher h : hashers) {
      h.digest.update(buffer, 0, length);
    }
  }

  private static DigestSet finish(List<Hasher> hashers) {
    List<Digest> digests = new ArrayList<>();
    for (Hasher h : hashers) {
      digests.add(Digest.of(h.algorithm, Bytes.of(h.digest.digest())));
    }
    return DigestSet.of(digests);
  }

  private static MessageDigest newDigest(DigestAlgorithm algorithm) {
    String name = JCA_NAMES.get(algorithm);
    if (name == null) {
      throw new IllegalArgumentException(
          "cannot compute " + algorithm.name() + " digests; supported: " + supported());
    }
    try {
      return MessageDigest.getInstance(name, "SUN");
    } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
      throw new IllegalStateException("the JDK's SUN provider lacks " + name, e);
    }
  }

  private static List<String> supported() {
    List<String> names = new ArrayList<>();
    JCA_NAMES.keySet().forEach(a -> names.add(a.name()));
    names.sort(null);
    return names;
  }

  private static final class Hasher {
    final DigestAlgorithm algorithm;
    final MessageDigest digest;

    Hasher(DigestAlgorithm algorithm, MessageDigest digest) {
      this.algorithm = algorithm;
      this.digest = digest;
    }
  }
}
