package dev.ssc.api.digest;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One digest: an algorithm and its value, such as {@code sha256:9f86d08...}.
 *
 * <p>Values of known algorithms are hexadecimal of the algorithm's length and are normalized to
 * lowercase (the in-toto encoding), so {@code ABC} and {@code abc} are the same digest. Values of
 * unknown algorithms are kept exactly as given.
 *
 * <p>Immutable and thread-safe. Equal when algorithm and value are equal.
 */
public final class Digest {
  private final DigestAlgorithm algorithm;
  private final String value;
  // Computed on first use; a benign race (the value is immutable).
  private @Nullable String text;

  private Digest(DigestAlgorithm algorithm, String value) {
    this.algorithm = algorithm;
    this.value = value;
  }

  /**
   * A digest with the named algorithm and value.
   *
   * @throws IllegalArgumentException if the algorithm name is invalid, or the value is not hex of
   *     the right length for a known algorithm, or is empty or longer than 1024 characters
   */
  public static Digest of(String algorithm, String value) {
    return of(DigestAlgorithm.of(requireNonNull(algorithm, "algorithm")), value);
  }

  /**
   * A digest with {@code algorithm} and {@code value}.
   *
   * @throws IllegalArgumentException if the value is not hex of the right length for a known
   *     algorithm, or is empty or longer than 1024 characters
   */
  public static Digest of(DigestAlgorithm algorithm, String value) {
    requireNonNull(algorithm, "algorithm");
    requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > 1024) {
      throw new IllegalArgumentException(
          algorithm + " digest value must be 1 to 1024 characters, got " + value.length());
    }
    if (!algorithm.isKnown()) {
      return new Digest(algorithm, value);
    }
    if (!isHex(value)) {
      throw new IllegalArgumentException(
          algorithm
              + " digest must be hexadecimal, got '"
              + DigestAlgorithm.abbreviate(value)
              + "'");
    }
    if (!algorithm.isValidHexLength(value.length())) {
      throw new IllegalArgumentException(
          algorithm
              + " digest must be "
              + algorithm.hexLengths()
              + " hex characters, got "
              + value.length());
    }
    return new Digest(algorithm, value.toLowerCase(Locale.ROOT));
  }

  /**
   * A digest of the raw hash bytes {@code hash}, hex-encoded.
   *
   * @throws IllegalArgumentException if {@code algorithm} is unknown or the length is wrong for it
   */
  public static Digest of(DigestAlgorithm algorithm, Bytes hash) {
    requireNonNull(hash, "hash");
    if (!algorithm.isKnown()) {
      throw new IllegalArgumentException(
          "raw hash bytes need a known hex-encoded algorithm, got " + algorithm);
    }
    return of(algorithm, hash.toHex());
  }

  /**
   * A sha256 digest.
   *
   * @throws IllegalArgumentException if {@code hex} is not 64 hex characters
   */
  public static Digest sha256(String hex) {
    return of(DigestAlgorithm.SHA256, hex);
  }

  /**
   * Parses {@code algorithm:value}, the form {@link #toString()} returns and OCI uses.
   *
   * @throws IllegalArgumentException if there is no {@code :} or either part is invalid
   */
  public static Digest parse(String text) {
    requireNonNull(text, "text");
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "digest must be 'algorithm:value', got '" + DigestAlgorithm.abbreviate(text) + "'");
    }
    return of(text.substring(0, colon), text.substring(colon + 1));
  }

  /** The algorithm. */
  public DigestAlgorithm algorithm() {
    return algorithm;
  }

  /** The value: lowercase hex for known algorithms, as given otherwise. */
  public String value() {
    return value;
  }

  /**
   * The raw hash bytes.
   *
   * @throws IllegalStateException if the algorithm is unknown, so its encoding is too
   */
  public Bytes bytes() {
    if (!algorithm.isKnown()) {
      throw new IllegalStateException("the encoding of " + algorithm + " digests is unknown");
    }
    return Bytes.fromHex(value);
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Digest)) {
      return false;
    }
    Digest that = (Digest) other;
    return algorithm.equals(that.algorithm) && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + value.hashCode();
  }

  /** {@code algorithm:value}, which {@link #parse} reads back. */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = algorithm.name() + ":" + value;
      text = t;
    }
    return t;
  }
}
