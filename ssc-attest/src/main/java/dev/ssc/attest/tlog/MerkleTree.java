package dev.ssc.attest.tlog;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.ConsistencyProof;
import dev.ssc.api.audit.InclusionProof;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 (and RFC 6962) Merkle tree hashing with SHA-256, and exact verification of inclusion and
 * consistency proofs.
 *
 * <p>Leaf hash {@code SHA-256(0x00 || entry)}, interior node {@code SHA-256(0x01 || left ||
 * right)}, empty tree {@code SHA-256("")}. The verifiers follow the transparency-dev reference
 * (github.com/transparency-dev/merkle, {@code proof/verify.go}): a proof of the wrong length for
 * its index and sizes is rejected before any hashing, so no padding, truncation or reordering of a
 * valid proof passes, and every root is compared in full in constant time. A proof is checked
 * against the root it is given: that the root belongs to the tree size claimed is for the signed
 * checkpoint that carries both to establish. Sizes and indices are unsigned in the RFC; here they
 * are {@code long}s, and a negative value is rejected as out of range.
 *
 * <pre>{@code
 * ProofCheck check = MerkleTree.verifyInclusion(index, treeSize, MerkleTree.leafHash(entry), proof, root);
 * if (!check.isValid()) { report(check.failure().orElseThrow()); }
 * }</pre>
 *
 * <p>Thread-safe; stateless.
 */
public final class MerkleTree {
  private static final int HASH_BYTES = 32;

  private MerkleTree() {}

  /** The hash of a tree with no entries: {@code SHA-256("")}. */
  public static Bytes emptyRoot() {
    return Bytes.of(sha256().digest());
  }

  /** The leaf hash of {@code entry}: {@code SHA-256(0x00 || entry)}. */
  public static Bytes leafHash(Bytes entry) {
    MessageDigest md = sha256();
    md.update((byte) 0x00);
    md.update(entry.asReadOnlyBuffer());
    return Bytes.of(md.digest());
  }

  /** The hash of an interior node: {@code SHA-256(0x01 || left || right)}. */
  public static Bytes nodeHash(Bytes left, Bytes right) {
    return Bytes.of(nodeHash(left.toByteArray(), right.toByteArray()));
  }

  static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest md = sha256();
    md.update((byte) 0x01);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /**
   * Verifies that {@code leafHash} is entry {@code index} of the tree of {@code treeSize} entries
   * whose root is {@code root}.
   */
  public static ProofCheck verifyInclusion(
      long index, long treeSize, Bytes leafHash, List<Bytes> proof, Bytes root) {
    requireNonNull(leafHash, "leafHash");
    requireNonNull(proof, "proof");
    requireNonNull(root, "root");
    if (index < 0 || treeSize < 0) {
      return ProofCheck.invalid("index and tree size must be between 0 and 2^63-1");
    }
    if (index >= treeSize) {
      return ProofCheck.invalid("index " + index + " is not below the tree size " + treeSize);
    }
    if (leafHash.size() != HASH_BYTES) {
      return ProofCheck.invalid("the leaf hash has " + leafHash.size() + " bytes, not 32");
    }
    int inner = innerProofSize(index, treeSize);
    int border = Long.bitCount(index >>> inner);
    if (proof.size() != inner + border) {
      return ProofCheck.invalid(
          "the proof has "
              + proof.size()
              + " hashes; entry "
              + index
              + " of a tree of "
              + treeSize
              + " needs "
              + (inner + border));
    }
    List<byte[]> hashes = arrays(proof);
    byte[] computed = chainInner(leafHash.toByteArray(), hashes.subList(0, inner), index);
    computed = chainBorderRight(computed, hashes.subList(inner, hashes.size()));
    return match(computed, root, "root");
  }

  /** Verifies {@code proof} against the root of the tree of {@code proof.treeSize()} entries. */
  public static ProofCheck verify(InclusionProof proof, Bytes root) {
    requireNonNull(proof, "proof");
    return verifyInclusion(proof.index(), proof.treeSize(), proof.leafHash(), proof.hashes(), root);
  }

  /**
   * Verifies that the tree of {@code size2} entries with root {@code root2} extends, without
   * changing it, the tree of {@code size1} entries with root {@code root1}.
   *
   * <p>As in the reference, equal sizes need an empty proof and equal roots, and any proof from the
   * empty tree (size1 = 0) is rejected: there is nothing it could prove.
   */
  public static ProofCheck verifyConsistency(
      long size1, long size2, List<Bytes> proof, Bytes root1, Bytes root2) {
    requireNonNull(proof, "proof");
    requireNonNull(root1, "root1");
    requireNonNull(root2, "root2");
    if (size1 < 0 || size2 < 0) {
      return ProofCheck.invalid("tree sizes must be between 0 and 2^63-1");
    }
    if (size2 < size1) {
      return ProofCheck.invalid("size2 " + size2 + " is below size1 " + size1);
    }
    if (size1 == 0) {
      return ProofCheck.invalid("a consistency proof from the empty tree proves nothing");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        return ProofCheck.invalid(
            "equal sizes need an empty proof, got " + proof.size() + " hashes");
      }
      return match(root1.toByteArray(), root2, "second root (equal sizes, so equal roots)");
    }
    if (proof.isEmpty()) {
      return ProofCheck.invalid("the proof is empty");
    }
    int inner = innerProofSize(size1 - 1, size2);
    int border = Long.bitCount((size1 - 1) >>> inner);
    int shift = Long.numberOfTrailingZeros(size1);
    inner -= shift;
    List<byte[]> hashes = arrays(proof);
    byte[] seed;
    int start;
    if (size1 == 1L << shift) {
      seed = root1.toByteArray();
      start = 0;
    } else {
      seed = hashes.get(0);
      start = 1;
    }
    if (hashes.size() != start + inner + border) {
      return ProofCheck.invalid(
          "the proof has "
              + hashes.size()
              + " hashes; sizes "
              + size1
              + " to "
              + size2
              + " need "
              + (start + inner + border));
    }
    List<byte[]> rest = hashes.subList(start, hashes.size());
    long mask = (size1 - 1) >>> shift;
    byte[] hash1 = chainInnerRight(seed, rest.subList(0, inner), mask);
    hash1 = chainBorderRight(hash1, rest.subList(inner, rest.size()));
    ProofCheck first = match(hash1, root1, "first root");
    if (!first.isValid()) {
      return first;
    }
    byte[] hash2 = chainInner(seed, rest.subList(0, inner), mask);
    hash2 = chainBorderRight(hash2, rest.subList(inner, rest.size()));
    return match(hash2, root2, "second root");
  }

  /** Verifies {@code proof} between the trees with roots {@code root1} and {@code root2}. */
  public static ProofCheck verify(ConsistencyProof proof, Bytes root1, Bytes root2) {
    requireNonNull(proof, "proof");
    return verifyConsistency(proof.size1(), proof.size2(), proof.hashes(), root1, root2);
  }

  /** The number of proof hashes below the point where the paths of index and size-1 meet. */
  private static int innerProofSize(long index, long size) {
    return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
  }

  private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
    for (int i = 0; i < proof.size(); i++) {
      seed = ((index >>> i) & 1) == 0 ? nodeHash(seed, proof.get(i)) : nodeHash(proof.get(i), seed);
    }
    return seed;
  }

  private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
    for (int i = 0; i < proof.size(); i++) {
      if (((index >>> i) & 1) == 1) {
        seed = nodeHash(proof.get(i), seed);
      }
    }
    return seed;
  }

  private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
    for (byte[] h : proof) {
      seed = nodeHash(h, seed);
    }
    return seed;
  }

  private static ProofCheck match(byte[] computed, Bytes expected, String what) {
    return MessageDigest.isEqual(computed, expected.toByteArray())
        ? ProofCheck.valid()
        : ProofCheck.invalid("the computed " + what + " does not match the given one");
  }

  private static List<byte[]> arrays(List<Bytes> proof) {
    List<byte[]> hashes = new ArrayList<>(proof.size());
    for (Bytes b : proof) {
      hashes.add(requireNonNull(b, "proof hash").toByteArray());
    }
    return hashes;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256", "SUN");
    } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
      throw new IllegalStateException("the JDK's SUN provider lacks SHA-256", e);
    }
  }
}
