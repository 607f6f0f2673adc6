package dev.ssc.api.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.digest.DigestSet.Match;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DigestSetTest {
  private static final Digest SHA256_A = Digest.sha256("a".repeat(64));
  private static final Digest SHA256_B = Digest.sha256("b".repeat(64));
  private static final Digest SHA512_A = Digest.of("sha512", "a".repeat(128));
  private static final Digest SHA512_B = Digest.of("sha512", "b".repeat(128));
  private static final Digest MD5_A = Digest.of("md5", "a".repeat(32));
  private static final Digest MD5_B = Digest.of("md5", "b".repeat(32));
  private static final Digest SHA1_A = Digest.of("sha1", "a".repeat(40));
  private static final Digest UNKNOWN_A = Digest.of("alg1", "value-a");

  /** Algorithms for generated sets: strong, weak and unknown, with the hex length of each. */
  private static final Map<String, Integer> POOL =
      Map.of("sha256", 64, "sha512", 128, "gitCommit", 40, "sha1", 40, "md5", 32, "alg1", 8);

  @Test
  void rejectsTwoValuesForOneAlgorithm() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DigestSet.of(SHA256_A, SHA256_B));

    assertTrue(e.getMessage().contains("sha256"), e.getMessage());
  }

  @Test
  void rejectsTwoValuesForAnUnknownAlgorithm() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DigestSet.of(List.of(UNKNOWN_A, Digest.of("alg1", "value-b"))));
  }

  @Test
  void collapsesTheSameDigestGivenTwice() {
    Digest upper = Digest.sha256("A".repeat(64));

    DigestSet set = DigestSet.of(SHA256_A, upper);

    assertEquals(1, set.size());
    assertEquals(DigestSet.of(SHA256_A), set);
  }

  @Test
  void equalityIgnoresOrder() {
    DigestSet forward = DigestSet.of(SHA256_A, SHA512_A, MD5_A);
    DigestSet backward = DigestSet.of(MD5_A, SHA512_A, SHA256_A);

    assertEquals(forward, backward);
    assertEquals(forward.hashCode(), backward.hashCode());
  }

  @Test
  void differentValuesMakeDifferentSets() {
    assertNotEquals(DigestSet.of(SHA256_A), DigestSet.of(SHA256_B));
    assertNotEquals(DigestSet.of(SHA256_A), DigestSet.of(SHA256_A, MD5_A));
  }

  @Test
  void iteratesInInsertionOrder() {
    DigestSet set = DigestSet.of(MD5_A, SHA256_A, SHA512_A);

    assertEquals(List.of(MD5_A, SHA256_A, SHA512_A), new ArrayList<>(set.digests()));
    assertEquals(List.of("md5", "sha256", "sha512"), new ArrayList<>(set.toMap().keySet()));
  }

  @Test
  void theEmptySetIsShared() {
    assertSame(DigestSet.empty(), DigestSet.of());
    assertSame(DigestSet.empty(), DigestSet.fromMap(Map.of()));
    assertTrue(DigestSet.empty().isEmpty());
    assertEquals(0, DigestSet.empty().size());
    assertFalse(DigestSet.empty().hasAcceptedDigest());
  }

  @Test
  void getsDigestsByAlgorithm() {
    DigestSet set = DigestSet.of(SHA256_A, MD5_A);

    assertEquals(Optional.of(SHA256_A), set.sha256());
    assertEquals(Optional.of(MD5_A), set.get(DigestAlgorithm.MD5));
    assertEquals(Optional.empty(), set.get(DigestAlgorithm.SHA512));
    assertEquals(Optional.empty(), DigestSet.of(MD5_A).sha256());
  }

  @Test
  void acceptedDigestNeedsAStrongKnownAlgorithm() {
    assertTrue(DigestSet.of(SHA256_A).hasAcceptedDigest());
    assertTrue(DigestSet.of(MD5_A, Digest.of("gitCommit", "c".repeat(40))).hasAcceptedDigest());
    assertFalse(DigestSet.of(MD5_A, SHA1_A, UNKNOWN_A).hasAcceptedDigest());
  }

  @Test
  void matchesOnASharedSha256() {
    DigestSet a = DigestSet.of(SHA256_A, MD5_A);
    DigestSet b = DigestSet.of(SHA512_A, SHA256_A);

    assertEquals(Match.MATCH, a.compare(b));
    assertTrue(a.matches(b));
  }

  @Test
  void mismatchesWhenASharedStrongAlgorithmDiffersEvenIfAnotherAgrees() {
    DigestSet a = DigestSet.of(SHA256_A, SHA512_A);
    DigestSet b = DigestSet.of(SHA256_A, SHA512_B);

    assertEquals(Match.MISMATCH, a.compare(b));
    assertEquals(Match.MISMATCH, b.compare(a));
    assertFalse(a.matches(b));
  }

  @Test
  void mismatchesOnADifferentSha256() {
    assertEquals(Match.MISMATCH, DigestSet.of(SHA256_A).compare(DigestSet.of(SHA256_B)));
  }

  @Test
  void weakAndUnknownAlgorithmsNeverMatch() {
    DigestSet a = DigestSet.of(MD5_A, SHA1_A, UNKNOWN_A);
    DigestSet b = DigestSet.of(MD5_A, SHA1_A, UNKNOWN_A);

    assertEquals(Match.NO_COMMON_ALGORITHM, a.compare(b));
    assertFalse(a.matches(b));
  }

  @Test
  void weakAlgorithmsThatDisagreeAreIgnored() {
    DigestSet a = DigestSet.of(SHA256_A, MD5_A);
    DigestSet b = DigestSet.of(SHA256_A, MD5_B);

    assertEquals(Match.MATCH, a.compare(b));
  }

  @Test
  void disjointStrongAlgorithmsShareNothing() {
    assertEquals(Match.NO_COMMON_ALGORITHM, DigestSet.of(SHA256_A).compare(DigestSet.of(SHA512_A)));
    assertEquals(Match.NO_COMMON_ALGORITHM, DigestSet.of(SHA256_A).compare(DigestSet.empty()));
    assertEquals(Match.NO_COMMON_ALGORITHM, DigestSet.empty().compare(DigestSet.empty()));
  }

  @Test
  void fromMapReadsAnInTotoDigestSet() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("sha256", "A".repeat(64));
    map.put("alg1", "Value");

    DigestSet set = DigestSet.fromMap(map);

    assertEquals(DigestSet.of(SHA256_A, Digest.of("alg1", "Value")), set);
    assertEquals(Map.of("sha256", "a".repeat(64), "alg1", "Value"), set.toMap());
  }

  @Test
  void fromMapRejectsInvalidValues() {
    assertThrows(IllegalArgumentException.class, () -> DigestSet.fromMap(Map.of("sha256", "xyz")));
    assertThrows(IllegalArgumentException.class, () -> DigestSet.fromMap(Map.of("", "abc")));
  }

  @Test
  void viewsAreUnmodifiable() {
    DigestSet set = DigestSet.of(SHA256_A);

    assertThrows(UnsupportedOperationException.class, () -> set.toMap().put("md5", "x"));
    assertThrows(UnsupportedOperationException.class, () -> set.digests().add(MD5_A));
  }

  @Test
  void sha256FactoryHoldsOnlySha256() {
    DigestSet set = DigestSet.sha256("a".repeat(64));

    assertEquals(DigestSet.of(SHA256_A), set);
  }

  @Test
  void toStringListsTheDigests() {
    assertEquals(
        "{sha256:" + "a".repeat(64) + ", md5:" + "a".repeat(32) + "}",
        DigestSet.of(SHA256_A, MD5_A).toString());
    assertEquals("{}", DigestSet.empty().toString());
  }

  @Property
  void compareIsSymmetric(@ForAll("digestSets") DigestSet a, @ForAll("digestSets") DigestSet b) {
    assertEquals(a.compare(b), b.compare(a));
    assertEquals(a.matches(b), b.matches(a));
  }

  @Property
  void aSetMatchesItselfExactlyWhenItHasAnAcceptedDigest(@ForAll("digestSets") DigestSet set) {
    Match expected = set.hasAcceptedDigest() ? Match.MATCH : Match.NO_COMMON_ALGORITHM;

    assertEquals(expected, set.compare(set));
    assertEquals(expected, set.compare(DigestSet.fromMap(set.toMap())));
  }

  @Property
  void changingTheOnlySharedStrongDigestMismatches(
      @ForAll("digestSets") DigestSet set, @ForAll @IntRange(min = 0, max = 63) int position) {
    Assume.that(set.sha256().isPresent());
    String hex = set.sha256().orElseThrow().value();
    char changed = hex.charAt(position) == '0' ? '1' : '0';
    String other = hex.substring(0, position) + changed + hex.substring(position + 1);
    List<Digest> withOther = new ArrayList<>();
    for (Digest d : set.digests()) {
      boolean strong = d.algorithm().isAcceptedForMatching();
      if (d.algorithm().equals(DigestAlgorithm.SHA256)) {
        withOther.add(Digest.sha256(other));
      } else if (!strong) {
        withOther.add(d);
      }
    }
    DigestSet changedSet = DigestSet.of(withOther);

    assertEquals(Match.MISMATCH, set.compare(changedSet));
    assertEquals(Match.MISMATCH, changedSet.compare(set));
  }

  @Property
  void changingAnySharedStrongDigestMismatchesEvenIfOthersAgree(
      @ForAll("digestSets") DigestSet set, @ForAll("digestSets") DigestSet extra) {
    Optional<Digest> strong =
        set.digests().stream().filter(d -> d.algorithm().isAcceptedForMatching()).findFirst();
    Assume.that(strong.isPresent());
    List<Digest> changed = new ArrayList<>();
    for (Digest d : set.digests()) {
      changed.add(d.equals(strong.get()) ? flipFirstHexDigit(d) : d);
    }
    for (Digest d : extra.digests()) {
      if (set.get(d.algorithm()).isEmpty()) {
        changed.add(d);
      }
    }

    assertEquals(Match.MISMATCH, set.compare(DigestSet.of(changed)));
  }

  @Property
  void fromMapReadsBackToMap(@ForAll("digestSets") DigestSet set) {
    DigestSet copy = DigestSet.fromMap(set.toMap());

    assertEquals(set, copy);
    assertEquals(new ArrayList<>(set.digests()), new ArrayList<>(copy.digests()));
  }

  @Property
  void orderOfConstructionDoesNotMatter(@ForAll("digestSets") DigestSet set, @ForAll long seed) {
    List<Digest> shuffled = new ArrayList<>(set.digests());
    Collections.shuffle(shuffled, new java.util.Random(seed));

    DigestSet other = DigestSet.of(shuffled);

    assertEquals(set, other);
    assertEquals(set.hashCode(), other.hashCode());
    assertEquals(set.toMap(), other.toMap());
  }

  private static Digest flipFirstHexDigit(Digest d) {
    String value = d.value();
    char changed = value.charAt(0) == '0' ? '1' : '0';
    return Digest.of(d.algorithm(), changed + value.substring(1));
  }

  @Provide
  Arbitrary<DigestSet> digestSets() {
    return Arbitraries.subsetOf(POOL.keySet())
        .flatMap(
            algorithms -> {
              List<Arbitrary<Digest>> digests = new ArrayList<>();
              for (String algorithm : algorithms) {
                digests.add(value(POOL.get(algorithm)).map(v -> Digest.of(algorithm, v)));
              }
              return Combinators.combine(digests).as(DigestSet::of);
            });
  }

  /** Values from a small pool so that generated sets often agree. */
  private static Arbitrary<String> value(int length) {
    return Arbitraries.of('0', 'a', 'f').map(c -> String.valueOf(c).repeat(length));
  }
}
