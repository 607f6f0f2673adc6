package dev.ssc.api.digest;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The digests of one artifact, at most one per algorithm: the in-toto DigestSet.
 *
 * <p>Two sets {@linkplain #compare(DigestSet) match} when they share at least one algorithm that is
 * {@linkplain DigestAlgorithm#isAcceptedForMatching() accepted for matching} and every such shared
 * algorithm has the same value. Weak (md5, sha1) and unknown algorithms are ignored, as the in-toto
 * specification requires. A set whose shared strong digests disagree is a mismatch even if another
 * one agrees: one of the two sets is wrong, and ssc does not guess which.
 *
 * <p>Immutable and thread-safe; iteration follows insertion order. Equal when both hold the same
 * digests, in any order.
 */
public final class DigestSet {
  // Computed on first use; a benign race (the value is immutable).
  private @Nullable String text;

  private static final DigestSet EMPTY = new DigestSet(Collections.emptyMap());

  /** How two digest sets compare. */
  public enum Match {
    /** A shared accepted algorithm exists and every shared accepted algorithm agrees. */
    MATCH,
    /** A shared accepted algorithm has different values. */
    MISMATCH,
    /** The sets share no algorithm accepted for matching, so nothing can be concluded. */
    NO_COMMON_ALGORITHM
  }

  private final Map<DigestAlgorithm, Digest> digests;

  private DigestSet(Map<DigestAlgorithm, Digest> digests) {
    this.digests = digests;
  }

  /** The empty set, for resource descriptors identified by URI or content alone. */
  public static DigestSet empty() {
    return EMPTY;
  }

  /**
   * A set of {@code digests}.
   *
   * @throws IllegalArgumentException if two digests share an algorithm
   */
  public static DigestSet of(Digest... digests) {
    return of(List.of(digests));
  }

  /**
   * A set of {@code digests}, in iteration order.
   *
   * @throws IllegalArgumentException if two digests share an algorithm
   */
  public static DigestSet of(Collection<Digest> digests) {
    requireNonNull(digests, "digests");
    Map<DigestAlgorithm, Digest> map = new LinkedHashMap<>();
    for (Digest digest : digests) {
      requireNonNull(digest, "digest");
      Digest previous = map.putIfAbsent(digest.algorithm(), digest);
      if (previous != null && !previous.equals(digest)) {
        throw new IllegalArgumentException(
            "digest set has two values for "
                + digest.algorithm()
                + ": "
                + previous
                + ", "
                + digest);
      }
    }
    return map.isEmpty() ? EMPTY : new DigestSet(Collections.unmodifiableMap(map));
  }

  /**
   * A set from an in-toto style map of algorithm name to value.
   *
   * @throws IllegalArgumentException if an algorithm name or a value is invalid
   */
  public static DigestSet fromMap(Map<String, String> digests) {
    requireNonNull(digests, "digests");
    return of(
        digests.entrySet().stream()
            .map(e -> Digest.of(e.getKey(), e.getValue()))
            .collect(Collectors.toList()));
  }

  /** A set holding only {@code sha256:hex}. */
  public static DigestSet sha256(String hex) {
    return of(Digest.sha256(hex));
  }

  /** Whether the set holds no digest. */
  public boolean isEmpty() {
    return digests.isEmpty();
  }

  /** The number of digests. */
  public int size() {
    return digests.size();
  }

  /** The digests, in insertion order. */
  public Collection<Digest> digests() {
    return digests.values();
  }

  /** The digest for {@code algorithm}, if present. */
  public Optional<Digest> get(DigestAlgorithm algorithm) {
    return Optional.ofNullable(digests.get(requireNonNull(algorithm, "algorithm")));
  }

  /** The sha256 digest, if present. */
  public Optional<Digest> sha256() {
    return get(DigestAlgorithm.SHA256);
  }

  /** Whether at least one digest uses an algorithm accepted for matching. */
  public boolean hasAcceptedDigest() {
    return digests.keySet().stream().anyMatch(DigestAlgorithm::isAcceptedForMatching);
  }

  /** The in-toto map of algorithm name to value, in insertion order. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    digests.values().forEach(d -> map.put(d.algorithm().name(), d.value()));
    return Collections.unmodifiableMap(map);
  }

  /** Compares the two sets on the algorithms accepted for matching that both hold. */
  public Match compare(DigestSet other) {
    requireNonNull(other, "other");
    boolean shared = false;
    boolean allEqual = true;
    for (Digest mine : digests.values()) {
      if (!mine.algorithm().isAcceptedForMatching()) {
        continue;
      }
      Digest theirs = other.digests.get(mine.algorithm());
      if (theirs == null) {
        continue;
      }
      shared = true;
      allEqual &= constantTimeEquals(mine.value(), theirs.value());
    }
    if (!shared) {
      return Match.NO_COMMON_ALGORITHM;
    }
    return allEqual ? Match.MATCH : Match.MISMATCH;
  }

  /**
   * Compares two lowercase hex strings in time that depends only on their length: a digest is not a
   * secret, but the comparison costs nothing extra and allocates nothing.
   */
  private static boolean constantTimeEquals(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int diff = 0;
    for (int i = 0; i < a.length(); i++) {
      diff |= a.charAt(i) ^ b.charAt(i);
    }
    return diff == 0;
  }

  /** Whether {@link #compare} gives {@link Match#MATCH}. */
  public boolean matches(DigestSet other) {
    return compare(other) == Match.MATCH;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DigestSet && digests.equals(((DigestSet) other).digests);
  }

  @Override
  public int hashCode() {
    return digests.hashCode();
  }

  /** The digests as {@code {sha256:..., sha512:...}}. */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t =
          digests.values().stream()
              .map(Digest::toString)
              .collect(Collectors.joining(", ", "{", "}"));
      text = t;
    }
    return t;
  }
}
