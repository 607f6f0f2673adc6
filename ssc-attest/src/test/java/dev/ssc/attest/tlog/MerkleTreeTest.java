package dev.ssc.attest.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.Vectors;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MerkleTreeTest {
  static Path vectors(String dir) throws URISyntaxException {
    return Path.of(MerkleTreeTest.class.getResource("/vectors/merkle/testdata/" + dir).toURI());
  }

  static Stream<Path> jsonFiles(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream();
  }

  static JsonObject read(Path file) {
    try {
      return dev.ssc.attest.json.Json.parseObject(
          Bytes.of(Files.readAllBytes(file)), file.toString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Bytes b64(JsonValue v) {
    return v instanceof JsonString s
        ? Bytes.of(Base64.getDecoder().decode(s.value()))
        : Bytes.of(new byte[0]);
  }

  static List<Bytes> proof(JsonObject o) {
    List<Bytes> out = new ArrayList<>();
    if (o.members().get("proof") instanceof JsonArray a) {
      a.elements().forEach(e -> out.add(b64(e)));
    }
    return out;
  }

  /** Go uint64 values; those past Long.MAX_VALUE become negative, which the verifiers reject. */
  static long u64(JsonObject o, String name) {
    BigInteger v =
        ((dev.ssc.api.json.JsonNumber) o.members().get(name)).value().toBigIntegerExact();
    return v.longValue();
  }

  static boolean wantErr(JsonObject o) {
    return ((dev.ssc.api.json.JsonBoolean) o.members().get("wantErr")).value();
  }

  @TestFactory
  Stream<DynamicTest> everyInclusionProbe() throws Exception {
    Path root = vectors("inclusion");
    return jsonFiles(root)
        .map(
            file ->
                DynamicTest.dynamicTest(
                    root.relativize(file).toString(),
                    () -> {
                      JsonObject o = read(file);
                      ProofCheck check =
                          MerkleTree.verifyInclusion(
                              u64(o, "leafIdx"),
                              u64(o, "treeSize"),
                              b64(o.members().get("leafHash")),
                              proof(o),
                              b64(o.members().get("root")));
                      assertEquals(!wantErr(o), check.isValid(), check.toString());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyConsistencyProbe() throws Exception {
    Path root = vectors("consistency");
    return jsonFiles(root)
        .map(
            file ->
                DynamicTest.dynamicTest(
                    root.relativize(file).toString(),
                    () -> {
                      JsonObject o = read(file);
                      ProofCheck check =
                          MerkleTree.verifyConsistency(
                              u64(o, "size1"),
                              u64(o, "size2"),
                              proof(o),
                              b64(o.members().get("root1")),
                              b64(o.members().get("root2")));
                      assertEquals(!wantErr(o), check.isValid(), check.toString());
                    }));
  }

  @Test
  void referenceRootsAndHasherVectors() {
    JsonObject ref = Vectors.json("/vectors/merkle/rfc9162-reference-tree.json");
    List<Bytes> leaves = new ArrayList<>();
    for (JsonValue l : ((JsonArray) ref.members().get("leaves")).elements()) {
      JsonObject leaf = (JsonObject) l;
      Bytes input = Bytes.fromHex(((JsonString) leaf.members().get("inputHex")).value());
      Bytes hash = MerkleTree.leafHash(input);
      assertEquals(((JsonString) leaf.members().get("leafHashHex")).value(), hash.toHex());
      leaves.add(hash);
    }
    ReferenceTree tree = new ReferenceTree(leaves);
    for (JsonValue r : ((JsonArray) ref.members().get("rootsByTreeSize")).elements()) {
      JsonObject root = (JsonObject) r;
      int size = ((dev.ssc.api.json.JsonNumber) root.members().get("treeSize")).value().intValue();
      assertEquals(((JsonString) root.members().get("rootHex")).value(), tree.root(size).toHex());
    }
    assertEquals(
        "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb",
        MerkleTree.nodeHash(Bytes.utf8("N123"), Bytes.utf8("N456")).toHex());
    assertEquals(
        "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56",
        MerkleTree.leafHash(Bytes.utf8("L123456")).toHex());
  }

  @Property(tries = 300)
  void everyInclusionProofVerifies(
      @ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 0, max = 299) int m) {
    Assume.that(m < n);
    ReferenceTree tree = ReferenceTree.ofEntries(n);

    ProofCheck check =
        MerkleTree.verifyInclusion(m, n, tree.leaf(m), tree.inclusion(m, n), tree.root(n));

    assertTrue(check.isValid(), check.toString());
  }

  @Property(tries = 300)
  void everyConsistencyProofVerifies(
      @ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 1, max = 300) int m) {
    Assume.that(m <= n);
    ReferenceTree tree = ReferenceTree.ofEntries(n);

    ProofCheck check =
        MerkleTree.verifyConsistency(m, n, tree.consistency(m, n), tree.root(m), tree.root(n));

    assertTrue(check.isValid(), check.toString());
  }

  @Property(tries = 300)
  void anyChangeToAnInclusionProofFails(
      @ForAll @IntRange(min = 2, max = 200) int n,
      @ForAll @IntRange(min = 0, max = 199) int m,
      @ForAll @IntRange(min = 0, max = 1000) int which,
      @ForAll @IntRange(min = 0, max = 255) int bit) {
    Assume.that(m < n);
    ReferenceTree tree = ReferenceTree.ofEntries(n);
    List<Bytes> proof = tree.inclusion(m, n);
    Bytes root = tree.root(n);
    Bytes leaf = tree.leaf(m);

    switch (which % 6) {
      case 0 -> {
        Assume.that(!proof.isEmpty());
        List<Bytes> changed = new ArrayList<>(proof);
        int i = which % proof.size();
        changed.set(i, flip(proof.get(i), bit));
        assertFalse(MerkleTree.verifyInclusion(m, n, leaf, changed, root).isValid());
      }
      case 1 ->
          assertFalse(MerkleTree.verifyInclusion(m, n, leaf, proof, flip(root, bit)).isValid());
      case 2 ->
          assertFalse(MerkleTree.verifyInclusion(m, n, flip(leaf, bit), proof, root).isValid());
      case 3 -> {
        int other = (m + 1 + which) % n;
        Assume.that(other != m);
        assertFalse(MerkleTree.verifyInclusion(other, n, leaf, proof, root).isValid());
      }
      case 4 -> {
        // A size is bound to its root by the signed checkpoint, so the claim to check is the other
        // size WITH ITS ROOT. (The same hashes can be a well-formed proof for another size: the
        // path of leaf 0 is the same in trees of 3 and 4 leaves.)
        int other = n + 1 + which % 7;
        ReferenceTree bigger = ReferenceTree.ofEntries(other);
        assertFalse(
            MerkleTree.verifyInclusion(m, other, leaf, proof, bigger.root(other)).isValid());
      }
      default -> {
        List<Bytes> longer = new ArrayList<>(proof);
        longer.add(root);
        assertFalse(MerkleTree.verifyInclusion(m, n, leaf, longer, root).isValid());
      }
    }
  }

  @Property(tries = 300)
  void anyChangeToAConsistencyProofFails(
      @ForAll @IntRange(min = 2, max = 200) int n,
      @ForAll @IntRange(min = 1, max = 199) int m,
      @ForAll @IntRange(min = 0, max = 1000) int which,
      @ForAll @IntRange(min = 0, max = 255) int bit) {
    Assume.that(m < n);
    ReferenceTree tree = ReferenceTree.ofEntries(n);
    List<Bytes> proof = tree.consistency(m, n);
    Bytes root1 = tree.root(m);
    Bytes root2 = tree.root(n);

    switch (which % 5) {
      case 0 -> {
        Assume.that(!proof.isEmpty());
        List<Bytes> changed = new ArrayList<>(proof);
        int i = which % proof.size();
        changed.set(i, flip(proof.get(i), bit));
        assertFalse(MerkleTree.verifyConsistency(m, n, changed, root1, root2).isValid());
      }
      case 1 ->
          assertFalse(MerkleTree.verifyConsistency(m, n, proof, flip(root1, bit), root2).isValid());
      case 2 ->
          assertFalse(MerkleTree.verifyConsistency(m, n, proof, root1, flip(root2, bit)).isValid());
      case 3 -> {
        int otherM = 1 + (m + which) % (n - 1);
        Assume.that(otherM != m);
        assertFalse(
            MerkleTree.verifyConsistency(otherM, n, proof, tree.root(otherM), root2).isValid());
      }
      default -> {
        // As for inclusion: the other size with its own root (see
        // anyChangeToAnInclusionProofFails).
        int other = n + 1 + which % 7;
        Bytes otherRoot = ReferenceTree.ofEntries(other).root(other);
        assertFalse(MerkleTree.verifyConsistency(m, other, proof, root1, otherRoot).isValid());
      }
    }
  }

  static Bytes flip(Bytes b, int bit) {
    byte[] a = b.toByteArray();
    int i = (bit / 8) % a.length;
    a[i] ^= (byte) (1 << (bit % 8));
    return Bytes.of(a);
  }
}
