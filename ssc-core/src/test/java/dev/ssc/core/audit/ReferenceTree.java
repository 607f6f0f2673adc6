package dev.ssc.core.audit;

import dev.ssc.api.Bytes;
import dev.ssc.attest.tlog.MerkleTree;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1, transcribed literally and recursively (MTH, PATH, PROOF/SUBPROOF) over a
 * list of leaf hashes: slow, obviously right, and independent of the verifiers it tests.
 */
final class ReferenceTree {
  private final List<Bytes> leaves;

  ReferenceTree(List<Bytes> leafHashes) {
    this.leaves = List.copyOf(leafHashes);
  }

  static ReferenceTree ofEntries(int n) {
    List<Bytes> hashes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hashes.add(MerkleTree.leafHash(Bytes.utf8("entry " + i)));
    }
    return new ReferenceTree(hashes);
  }

  Bytes leaf(int i) {
    return leaves.get(i);
  }

  Bytes root(int n) {
    return mth(0, n);
  }

  List<Bytes> inclusion(int m, int n) {
    return path(m, 0, n);
  }

  List<Bytes> consistency(int m, int n) {
    return subproof(m, 0, n, true);
  }

  private Bytes mth(int from, int to) {
    int n = to - from;
    if (n == 0) {
      return MerkleTree.emptyRoot();
    }
    if (n == 1) {
      return leaves.get(from);
    }
    int k = split(n);
    return MerkleTree.nodeHash(mth(from, from + k), mth(from + k, to));
  }

  private List<Bytes> path(int m, int from, int to) {
    int n = to - from;
    List<Bytes> out = new ArrayList<>();
    if (n == 1) {
      return out;
    }
    int k = split(n);
    if (m < k) {
      out.addAll(path(m, from, from + k));
      out.add(mth(from + k, to));
    } else {
      out.addAll(path(m - k, from + k, to));
      out.add(mth(from, from + k));
    }
    return out;
  }

  private List<Bytes> subproof(int m, int from, int to, boolean complete) {
    int n = to - from;
    List<Bytes> out = new ArrayList<>();
    if (m == n) {
      if (!complete) {
        out.add(mth(from, to));
      }
      return out;
    }
    int k = split(n);
    if (m <= k) {
      out.addAll(subproof(m, from, from + k, complete));
      out.add(mth(from + k, to));
    } else {
      out.addAll(subproof(m - k, from + k, to, false));
      out.add(mth(from, from + k));
    }
    return out;
  }

  /** The largest power of two smaller than n (n > 1). */
  private static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }
}
