package dev.ssc.api.digest;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A digest algorithm as named in an in-toto DigestSet ({@code sha256}, {@code gitCommit}, ...).
 *
 * <p>The algorithms the in-toto specification names are known: their values are lowercase hex of a
 * fixed length, which {@link Digest#of} checks. Any other name is allowed (the specification lets
 * producers add algorithms) but is never {@linkplain #isAcceptedForMatching() accepted for
 * matching}: an artifact is identified only by collision-resistant algorithms that ssc knows.
 *
 * <p>Immutable and thread-safe. Two algorithms are equal when their names are equal
 * (case-sensitive, as in-toto keys are).
 */
public final class DigestAlgorithm {
  private static final Map<String, DigestAlgorithm> KNOWN = new LinkedHashMap<>();

  /** SHA-256, the algorithm ssc itself uses and the one every subject should carry. */
  public static final DigestAlgorithm SHA256 = known("sha256", true, 32);

  /** SHA-224. */
  public static final DigestAlgorithm SHA224 = known("sha224", true, 28);

  /** SHA-384. */
  public static final DigestAlgorithm SHA384 = known("sha384", true, 48);

  /** SHA-512. */
  public static final DigestAlgorithm SHA512 = known("sha512", true, 64);

  /** SHA-512/224. */
  public static final DigestAlgorithm SHA512_224 = known("sha512_224", true, 28);

  /** SHA-512/256. */
  public static final DigestAlgorithm SHA512_256 = known("sha512_256", true, 32);

  /** SHA3-224. */
  public static final DigestAlgorithm SHA3_224 = known("sha3_224", true, 28);

  /** SHA3-256. */
  public static final DigestAlgorithm SHA3_256 = known("sha3_256", true, 32);

  /** SHA3-384. */
  public static final DigestAlgorithm SHA3_384 = known("sha3_384", true, 48);

  /** SHA3-512. */
  public static final DigestAlgorithm SHA3_512 = known("sha3_512", true, 64);

  /** The Go module directory hash, as lowercase hex without the {@code h1:} prefix. */
  public static final DigestAlgorithm DIR_HASH = known("dirHash", true, 32);

  /**
   * A git commit id: SHA-1 (40 hex characters, with git's collision detection) or SHA-256 (64).
   * Accepted for matching because it is how git itself names a commit.
   */
  public static final DigestAlgorithm GIT_COMMIT = known("gitCommit", true, 20, 32);

  /** A git tree id (SHA-1 or SHA-256). */
  public static final DigestAlgorithm GIT_TREE = known("gitTree", true, 20, 32);

  /** A git blob id (SHA-1 or SHA-256). */
  public static final DigestAlgorithm GIT_BLOB = known("gitBlob", true, 20, 32);

  /** A git tag object id (SHA-1 or SHA-256). */
  public static final DigestAlgorithm GIT_TAG = known("gitTag", true, 20, 32);

  /** SHA-1: known, but not collision resistant, so never accepted for matching. */
  public static final DigestAlgorithm SHA1 = known("sha1", false, 20);

  /** MD5: known, but broken, so never accepted for matching. */
  public static final DigestAlgorithm MD5 = known("md5", false, 16);

  private final String name;
  private final boolean acceptedForMatching;
  private final int[] byteLengths;

  private DigestAlgorithm(String name, boolean acceptedForMatching, int[] byteLengths) {
    this.name = name;
    this.acceptedForMatching = acceptedForMatching;
    this.byteLengths = byteLengths;
  }

  private static DigestAlgorithm known(String name, boolean accepted, int... byteLengths) {
    DigestAlgorithm algorithm = new DigestAlgorithm(name, accepted, byteLengths);
    KNOWN.put(name, algorithm);
    return algorithm;
  }

  /**
   * The algorithm named {@code name}: a known one, or an unknown one that is carried along but
   * never accepted for matching.
   *
   * @throws IllegalArgumentException if {@code name} is empty or has characters other than ASCII
   *     letters, digits, {@code _}, {@code -} and {@code .}
   */
  public static DigestAlgorithm of(String name) {
    requireNonNull(name, "name");
    DigestAlgorithm known = KNOWN.get(name);
    if (known != null) {
      return known;
    }
    if (name.isEmpty() || name.length() > 64 || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException(
          "digest algorithm name must be 1 to 64 ASCII letters, digits, '_', '-' or '.', got '"
              + abbreviate(name)
              + "'");
    }
    return new DigestAlgorithm(name, false, new int[0]);
  }

  /** The known algorithm named {@code name}, if ssc knows it. */
  public static Optional<DigestAlgorithm> known(String name) {
    return Optional.ofNullable(KNOWN.get(requireNonNull(name, "name")));
  }

  /** The in-toto name, e.g. {@code sha256}. */
  public String name() {
    return name;
  }

  /** Whether ssc knows this algorithm and its encoding (lowercase hex of fixed length). */
  public boolean isKnown() {
    return byteLengths.length > 0;
  }

  /**
   * Whether two digest sets may be matched on this algorithm: it is known and collision resistant.
   * in-toto consumers "MUST only accept algorithms that they consider secure and MUST ignore
   * unrecognized or unaccepted algorithms".
   */
  public boolean isAcceptedForMatching() {
    return acceptedForMatching;
  }

  /** Whether a value of {@code hexLength} hex characters has a valid length for this algorithm. */
  boolean isValidHexLength(int hexLength) {
    for (int bytes : byteLengths) {
      if (hexLength == bytes * 2) {
        return true;
      }
    }
    return false;
  }

  /** The valid value lengths, in hex characters, for messages. */
  String hexLengths() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < byteLengths.length; i++) {
      sb.append(i == 0 ? "" : " or ").append(byteLengths[i] * 2);
    }
    return sb.toString();
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DigestAlgorithm && name.equals(((DigestAlgorithm) other).name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** The name. */
  @Override
  public String toString() {
    return name;
  }
}
