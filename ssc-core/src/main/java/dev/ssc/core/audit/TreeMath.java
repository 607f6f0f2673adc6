package dev.ssc.core.audit;

import dev.ssc.api.Bytes;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * RFC 9162 section 2.1 over stored complete-subtree hashes: the hash of a range, inclusion paths
 * and consistency proofs, each in O(log n) subtree look-ups. Stateless.
 */
final class TreeMath {
  private TreeMath() {}

  /** The hash of the complete subtree {@code index} of {@code 2^level} leaves. */
  interface Subtrees {
    byte[] get(int level, long index) throws IOException;
  }

  /** The hash of leaves [start, end); start is a multiple of the largest complete subtree. */
  static byte[] range(Subtrees s, long start, long end) throws IOException {
    long n = end - start;
    if (Long.bitCount(n) == 1 && start % n == 0) {
      int k = Long.numberOfTrailingZeros(n);
      return s.get(k, start >>> k);
    }
    long k = Long.highestOneBit(n - 1);
    return node(range(s, start, start + k), range(s, start + k, end));
  }

  /** PATH(m, D[start:end]), appended to {@code out} from the leaf up. */
  static void path(Subtrees s, long m, long start, long end, List<Bytes> out) throws IOException {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < start + k) {
      path(s, m, start, start + k, out);
      out.add(Bytes.of(range(s, start + k, end)));
    } else {
      path(s, m, start + k, end, out);
      out.add(Bytes.of(range(s, start, start + k)));
    }
  }

  /** SUBPROOF(m, D[start:end], whole), appended to {@code out}. */
  static void subproof(Subtrees s, long m, long start, long end, boolean whole, List<Bytes> out)
      throws IOException {
    long n = end - start;
    if (m == n) {
      if (!whole) {
        out.add(Bytes.of(range(s, start, end)));
      }
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(s, m, start, start + k, whole, out);
      out.add(Bytes.of(range(s, start + k, end)));
    } else {
      subproof(s, m - k, start + k, end, false, out);
      out.add(Bytes.of(range(s, start, start + k)));
    }
  }

  static byte[] leaf(byte[] entry) {
    MessageDigest md = sha256();
    md.update((byte) 0);
    md.update(entry);
    return md.digest();
  }

  static byte[] node(byte[] left, byte[] right) {
    MessageDigest md = sha256();
    md.update((byte) 1);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  static byte[] sha256(Bytes b) {
    MessageDigest md = sha256();
    md.update(b.asReadOnlyBuffer());
    return md.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
