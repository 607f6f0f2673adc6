package dev.ssc.api.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
  /** Every known algorithm with the hex lengths its values may have. */
  static final Map<String, List<Integer>> KNOWN_HEX_LENGTHS =
      Map.ofEntries(
          Map.entry("sha256", List.of(64)),
          Map.entry("sha224", List.of(56)),
          Map.entry("sha384", List.of(96)),
          Map.entry("sha512", List.of(128)),
          Map.entry("sha512_224", List.of(56)),
          Map.entry("sha512_256", List.of(64)),
          Map.entry("sha3_224", List.of(56)),
          Map.entry("sha3_256", List.of(64)),
          Map.entry("sha3_384", List.of(96)),
          Map.entry("sha3_512", List.of(128)),
          Map.entry("dirHash", List.of(64)),
          Map.entry("gitCommit", List.of(40, 64)),
          Map.entry("gitTree", List.of(40, 64)),
          Map.entry("gitBlob", List.of(40, 64)),
          Map.entry("gitTag", List.of(40, 64)),
          Map.entry("sha1", List.of(40)),
          Map.entry("md5", List.of(32)));

  private static final String HEX64 =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Test
  void acceptsSha256OfSixtyFourHexCharacters() {
    Digest d = Digest.sha256(HEX64);

    assertEquals(DigestAlgorithm.SHA256, d.algorithm());
    assertEquals(HEX64, d.value());
    assertEquals("sha256:" + HEX64, d.toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 32, 63, 65, 128})
  void rejectsSha256OfAnyOtherLength(int length) {
    String value = "a".repeat(length);

    assertThrows(IllegalArgumentException.class, () -> Digest.sha256(value));
  }

  @Test
  void lengthErrorNamesTheAlgorithmAndTheExpectedLength() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Digest.sha256("abc123"));

    assertTrue(e.getMessage().contains("sha256"), e.getMessage());
    assertTrue(e.getMessage().contains("64"), e.getMessage());
    assertTrue(e.getMessage().contains("got 6"), e.getMessage());
  }

  @Test
  void lengthErrorOfGitCommitNamesBothLengths() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Digest.of("gitCommit", "a".repeat(56)));

    assertTrue(e.getMessage().contains("gitCommit"), e.getMessage());
    assertTrue(e.getMessage().contains("40 or 64"), e.getMessage());
  }

  @Test
  void nonHexErrorNamesTheAlgorithm() {
    String notHex = "g" + HEX64.substring(1);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Digest.sha256(notHex));

    assertTrue(e.getMessage().contains("sha256"), e.getMessage());
    assertTrue(e.getMessage().contains("hexadecimal"), e.getMessage());
  }

  @Test
  void nonHexErrorAbbreviatesLongValues() {
    String longNotHex = "z".repeat(1000);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Digest.sha256(longNotHex));

    assertTrue(e.getMessage().length() < 200, e.getMessage());
    assertTrue(e.getMessage().contains("..."), e.getMessage());
  }

  @Test
  void acceptsSha512OfOneHundredTwentyEightHexCharacters() {
    Digest d = Digest.of("sha512", "0".repeat(128));

    assertEquals(DigestAlgorithm.SHA512, d.algorithm());
    assertThrows(IllegalArgumentException.class, () -> Digest.of("sha512", "0".repeat(64)));
  }

  @Test
  void acceptsGitCommitAsSha1OrSha256Ids() {
    assertEquals(40, Digest.of("gitCommit", "1".repeat(40)).value().length());
    assertEquals(64, Digest.of("gitCommit", "1".repeat(64)).value().length());
  }

  @Test
  void acceptsMd5OfThirtyTwoHexCharacters() {
    Digest d = Digest.of("md5", "d41d8cd98f00b204e9800998ecf8427e");

    assertEquals(DigestAlgorithm.MD5, d.algorithm());
    assertThrows(
        IllegalArgumentException.class, () -> Digest.of("md5", "d41d8cd98f00b204e9800998ecf8427"));
  }

  @Test
  void knownAlgorithmsValidateTheirLengths() {
    KNOWN_HEX_LENGTHS.forEach(
        (name, lengths) -> {
          for (int length : lengths) {
            assertEquals(name, Digest.of(name, "a".repeat(length)).algorithm().name());
          }
          int wrong = lengths.get(0) + 2;
          assertThrows(
              IllegalArgumentException.class, () -> Digest.of(name, "a".repeat(wrong)), name);
        });
  }

  @Test
  void normalizesUppercaseHexToLowercase() {
    Digest upper = Digest.sha256(HEX64.toUpperCase(Locale.ROOT));
    Digest lower = Digest.sha256(HEX64);

    assertEquals(HEX64, upper.value());
    assertEquals(lower, upper);
    assertEquals(lower.hashCode(), upper.hashCode());
  }

  @Test
  void keepsValuesOfUnknownAlgorithmsUnchanged() {
    Digest d = Digest.of("alg1", "Not Hex: AbC!");

    assertEquals("alg1", d.algorithm().name());
    assertEquals("Not Hex: AbC!", d.value());
    assertFalse(d.algorithm().isKnown());
    assertFalse(d.algorithm().isAcceptedForMatching());
  }

  @Test
  void unknownAlgorithmValuesAreNotValidatedAsHex() {
    Digest d = Digest.of("abc123", "ABCDEF");

    assertEquals("ABCDEF", d.value());
    assertNotEquals(Digest.of("abc123", "abcdef"), d);
  }

  @Test
  void algorithmNamesAreCaseSensitiveSoUppercaseShaIsUnknown() {
    Digest d = Digest.of("SHA256", "xyz");

    assertFalse(d.algorithm().isKnown());
    assertNotEquals(DigestAlgorithm.SHA256, d.algorithm());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sha 256", "sha256/x", "sha256:x", "é", "alg\n"})
  void rejectsInvalidAlgorithmNames(String name) {
    assertThrows(IllegalArgumentException.class, () -> Digest.of(name, "abc"));
  }

  @Test
  void rejectsAlgorithmNamesLongerThanSixtyFourCharacters() {
    assertEquals(64, DigestAlgorithm.of("a".repeat(64)).name().length());
    assertThrows(IllegalArgumentException.class, () -> DigestAlgorithm.of("a".repeat(65)));
  }

  @Test
  void rejectsEmptyOrOverlongValuesOfUnknownAlgorithms() {
    assertThrows(IllegalArgumentException.class, () -> Digest.of("alg1", ""));
    assertEquals(1024, Digest.of("alg1", "x".repeat(1024)).value().length());
    assertThrows(IllegalArgumentException.class, () -> Digest.of("alg1", "x".repeat(1025)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sha256", ":abc", "nocolon" + HEX64})
  void parseRejectsTextWithoutAlgorithmAndValue(String text) {
    assertThrows(IllegalArgumentException.class, () -> Digest.parse(text));
  }

  @Test
  void parseSplitsAtTheFirstColon() {
    Digest d = Digest.parse("alg1:a:b");

    assertEquals("alg1", d.algorithm().name());
    assertEquals("a:b", d.value());
  }

  @Test
  void parseValidatesKnownAlgorithms() {
    assertEquals(Digest.sha256(HEX64), Digest.parse("sha256:" + HEX64));
    assertThrows(IllegalArgumentException.class, () -> Digest.parse("sha256:abc"));
  }

  @Test
  void bytesDecodeTheHexValue() {
    Digest d = Digest.sha256(HEX64.toUpperCase(Locale.ROOT));

    assertEquals(32, d.bytes().size());
    assertEquals(HEX64, d.bytes().toHex());
    assertEquals((byte) 0x9f, d.bytes().byteAt(0));
  }

  @Test
  void bytesOfAnUnknownAlgorithmAreUnavailable() {
    Digest d = Digest.of("alg1", "abcd");

    assertThrows(IllegalStateException.class, d::bytes);
  }

  @Test
  void rawHashBytesNeedAKnownAlgorithmAndTheRightLength() {
    Bytes hash = Bytes.fromHex(HEX64);

    assertEquals(Digest.sha256(HEX64), Digest.of(DigestAlgorithm.SHA256, hash));
    assertThrows(
        IllegalArgumentException.class,
        () -> Digest.of(DigestAlgorithm.SHA512, hash),
        "32 bytes are not a sha512");
    assertThrows(IllegalArgumentException.class, () -> Digest.of(DigestAlgorithm.of("alg1"), hash));
  }

  @Test
  void equalityNeedsTheSameAlgorithmAndValue() {
    Digest sha256 = Digest.sha256(HEX64);
    Digest sha512256 = Digest.of(DigestAlgorithm.SHA512_256, HEX64);

    assertNotEquals(sha256, sha512256);
    assertEquals(sha256, Digest.of("sha256", HEX64));
    assertNotEquals(sha256, (Object) HEX64);
  }

  @Property
  void parseReadsBackToStringOfKnownAlgorithms(@ForAll("knownDigests") Digest digest) {
    Digest parsed = Digest.parse(digest.toString());

    assertEquals(digest, parsed);
    assertEquals(digest.toString(), parsed.toString());
  }

  @Property
  void parseReadsBackToStringOfUnknownAlgorithms(
      @ForAll("unknownAlgorithms") String algorithm, @ForAll("unknownValues") String value) {
    Digest digest = Digest.of(algorithm, value);

    assertEquals(digest, Digest.parse(digest.toString()));
    assertEquals(value, Digest.parse(digest.toString()).value());
  }

  @Property
  void knownValuesAreStoredInLowercase(@ForAll("knownDigests") Digest digest) {
    assertEquals(digest.value().toLowerCase(Locale.ROOT), digest.value());
  }

  @Property
  void bytesRoundTripTheHexValue(@ForAll("knownDigests") Digest digest) {
    assertEquals(digest.value(), digest.bytes().toHex());
    assertEquals(digest, Digest.of(digest.algorithm(), digest.bytes()));
  }

  @Property
  void caseOfKnownHexDoesNotChangeTheDigest(@ForAll("knownDigests") Digest digest) {
    String upper = digest.value().toUpperCase(Locale.ROOT);

    assertEquals(digest, Digest.of(digest.algorithm(), upper));
  }

  @Property
  void knownAlgorithmsRejectAnyWrongLength(
      @ForAll("knownAlgorithmNames") String algorithm, @ForAll("hexOfAnyLength") String hex) {
    boolean valid = KNOWN_HEX_LENGTHS.get(algorithm).contains(hex.length());

    if (valid) {
      assertEquals(hex.length(), Digest.of(algorithm, hex).value().length());
    } else {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Digest.of(algorithm, hex));
      assertTrue(e.getMessage().contains(algorithm), e.getMessage());
    }
  }

  @Test
  void ofReturnsTheKnownInstanceForKnownNames() {
    assertSame(DigestAlgorithm.SHA256, DigestAlgorithm.of("sha256"));
    assertSame(DigestAlgorithm.GIT_COMMIT, DigestAlgorithm.of("gitCommit"));
  }

  @Provide
  Arbitrary<String> knownAlgorithmNames() {
    return Arbitraries.of(KNOWN_HEX_LENGTHS.keySet());
  }

  @Provide
  Arbitrary<Digest> knownDigests() {
    return knownAlgorithmNames()
        .flatMap(
            name ->
                Arbitraries.of(KNOWN_HEX_LENGTHS.get(name))
                    .flatMap(length -> hex(length).map(value -> Digest.of(name, value))));
  }

  @Provide
  Arbitrary<String> hexOfAnyLength() {
    return Arbitraries.integers().between(1, 140).flatMap(DigestTest::hex);
  }

  @Provide
  Arbitrary<String> unknownAlgorithms() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars('_', '-', '.')
        .ofMinLength(1)
        .ofMaxLength(64)
        .filter(name -> DigestAlgorithm.known(name).isEmpty());
  }

  @Provide
  Arbitrary<String> unknownValues() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(1024);
  }

  static Arbitrary<String> hex(int length) {
    return Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(length);
  }
}
