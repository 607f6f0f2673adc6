package dev.ssc.api.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.digest.Digest;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
  private static final String HEX =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final Digest DIGEST = Digest.sha256(HEX);

  @Test
  void normalizesAnOfficialImageToDockerHubLibrary() {
    ImageReference ref = ImageReference.parse("nginx");

    assertEquals("docker.io", ref.registry());
    assertEquals("library/nginx", ref.repository());
    assertEquals("docker.io/library/nginx", ref.name());
    assertEquals("docker.io/library/nginx", ref.toString());
    assertEquals(Optional.empty(), ref.tag());
    assertEquals(Optional.empty(), ref.digest());
    assertTrue(ref.isDockerHub());
    assertFalse(ref.isPinned());
  }

  @Test
  void readsATagWithoutAddingADefault() {
    ImageReference ref = ImageReference.parse("nginx:1.25");

    assertEquals("library/nginx", ref.repository());
    assertEquals(Optional.of("1.25"), ref.tag());
    assertEquals("docker.io/library/nginx:1.25", ref.toString());
  }

  @Test
  void keepsAnExplicitLibraryNamespace() {
    assertEquals(ImageReference.parse("nginx"), ImageReference.parse("library/nginx"));
  }

  @Test
  void putsAUserRepositoryOnDockerHub() {
    ImageReference ref = ImageReference.parse("acme/app");

    assertEquals("docker.io", ref.registry());
    assertEquals("acme/app", ref.repository());
    assertEquals("docker.io/acme/app", ref.toString());
  }

  @Test
  void normalizesIndexDockerIoToDockerIo() {
    ImageReference ref = ImageReference.parse("index.docker.io/library/nginx");

    assertEquals("docker.io", ref.registry());
    assertEquals(ImageReference.parse("nginx"), ref);
    assertEquals(ImageReference.parse("nginx"), ImageReference.parse("index.docker.io/nginx"));
    assertEquals(ImageReference.parse("nginx"), ImageReference.parse("docker.io/nginx"));
  }

  @Test
  void readsLocalhostAsARegistry() {
    ImageReference ref = ImageReference.parse("localhost/foo");

    assertEquals("localhost", ref.registry());
    assertEquals("foo", ref.repository());
    assertFalse(ref.isDockerHub());
  }

  @Test
  void readsARegistryWithAPort() {
    ImageReference ref = ImageReference.parse("localhost:5000/foo/bar:tag");

    assertEquals("localhost:5000", ref.registry());
    assertEquals("foo/bar", ref.repository());
    assertEquals(Optional.of("tag"), ref.tag());
    assertEquals("localhost:5000/foo/bar:tag", ref.toString());
  }

  @Test
  void readsAPinnedReference() {
    ImageReference ref = ImageReference.parse("registry.acme.dev:5000/team/app@sha256:" + HEX);

    assertEquals("registry.acme.dev:5000", ref.registry());
    assertEquals("team/app", ref.repository());
    assertEquals(Optional.empty(), ref.tag());
    assertEquals(Optional.of(DIGEST), ref.digest());
    assertTrue(ref.isPinned());
    assertEquals("registry.acme.dev:5000/team/app@sha256:" + HEX, ref.toString());
  }

  @Test
  void readsATagAndADigestTogether() {
    ImageReference ref = ImageReference.parse("ghcr.io/acme/app:v1.2.3@sha256:" + HEX);

    assertEquals("ghcr.io", ref.registry());
    assertEquals(Optional.of("v1.2.3"), ref.tag());
    assertEquals(Optional.of(DIGEST), ref.digest());
    assertEquals("ghcr.io/acme/app:v1.2.3@sha256:" + HEX, ref.toString());
  }

  @Test
  void readsSha512Digests() {
    String hex = "ab".repeat(64);

    ImageReference ref = ImageReference.parse("ghcr.io/acme/app@sha512:" + hex);

    assertEquals(Optional.of(Digest.of("sha512", hex)), ref.digest());
  }

  @Test
  void readsAnIpv6Registry() {
    ImageReference ref = ImageReference.parse("[::1]:5000/foo");

    assertEquals("[::1]:5000", ref.registry());
    assertEquals("foo", ref.repository());
    assertEquals("[::1]:5000/foo", ref.toString());
  }

  @Test
  void readsAnUppercaseFirstComponentAsARegistryAsDockerDoes() {
    ImageReference ref = ImageReference.parse("Foo/bar");

    assertEquals("Foo", ref.registry());
    assertEquals("bar", ref.repository());
    assertFalse(ref.isDockerHub());
  }

  @Test
  void rejectsAnUppercaseRepository() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("acme/App"));

    assertTrue(e.getMessage().contains("lowercase"), e.getMessage());
    assertTrue(e.getMessage().contains("acme/App"), e.getMessage());
  }

  @Test
  void rejectsAnUppercaseRepositoryOnAnotherRegistry() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ImageReference.parse("ghcr.io/acme/App@sha256:" + HEX));

    assertTrue(e.getMessage().contains("lowercase"), e.getMessage());
  }

  @Test
  void acceptsAnUppercaseTag() {
    assertEquals(Optional.of("Latest_1"), ImageReference.parse("nginx:Latest_1").tag());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "nginx:",
        "nginx@sha256:short",
        "a//b",
        "-foo",
        "foo-",
        "foo/bar:tag@sha256:XYZ",
        "nginx@",
        ":tag",
        "/nginx",
        "nginx/",
        "nginx:-tag",
        "nginx:.tag",
        "nginx:ta g",
        "nginx@sha256:",
        "a___b",
        "a..b",
        "ngi nx",
        "localhost:port/foo",
        "registry.acme.dev:5000/",
      })
  void rejectsInvalidReferences(String reference) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(reference));

    assertTrue(e.getMessage().startsWith("invalid image reference"), e.getMessage());
  }

  @Test
  void rejectsASixtyFourHexImageId() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(HEX));

    assertTrue(e.getMessage().contains("image id"), e.getMessage());
  }

  @Test
  void rejectsAnUnsupportedDigestAlgorithm() {
    String md5 = "d41d8cd98f00b204e9800998ecf8427e";

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ImageReference.parse("nginx@md5:" + md5));

    assertTrue(e.getMessage().contains("md5"), e.getMessage());
  }

  @Test
  void rejectsUppercaseDigestHex() {
    String upper = HEX.toUpperCase(java.util.Locale.ROOT);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ImageReference.parse("nginx@sha256:" + upper));

    assertTrue(e.getMessage().contains("lowercase"), e.getMessage());
  }

  @Test
  void rejectsADigestOfTheWrongLength() {
    String hex63 = HEX.substring(1);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ImageReference.parse("nginx@sha256:" + hex63));

    assertTrue(e.getMessage().contains("64"), e.getMessage());
  }

  @Test
  void acceptsANameOfExactlyTwoHundredFiftyFiveCharacters() {
    String registry = "registry.acme.dev/";
    String reference = registry + "a".repeat(255 - registry.length());

    assertEquals(255, ImageReference.parse(reference).name().length());
  }

  @Test
  void rejectsANameLongerThanTwoHundredFiftyFiveCharacters() {
    String registry = "registry.acme.dev/";
    String reference = registry + "a".repeat(256 - registry.length());

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(reference));

    assertTrue(e.getMessage().contains("255"), e.getMessage());
  }

  @Test
  void countsTheNormalizedDockerHubPrefixInTheNameLength() {
    String name = "a".repeat(255 - "docker.io/library/".length());

    assertEquals(255, ImageReference.parse(name).name().length());
    assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(name + "a"));
  }

  @Test
  void acceptsATagOfOneHundredTwentyEightCharacters() {
    String tag = "t".repeat(128);

    assertEquals(Optional.of(tag), ImageReference.parse("nginx:" + tag).tag());
  }

  @Test
  void rejectsATagLongerThanOneHundredTwentyEightCharacters() {
    String tag = "t".repeat(129);

    assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("nginx:" + tag));
  }

  @Test
  void abbreviatesVeryLongReferencesInMessages() {
    String reference = "A".repeat(1000);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(reference));

    assertTrue(e.getMessage().length() < 400, e.getMessage());
  }

  @Test
  void withDigestPinsAndKeepsTheTag() {
    ImageReference tagged = ImageReference.parse("nginx:1.25");

    ImageReference pinned = tagged.withDigest(DIGEST);

    assertTrue(pinned.isPinned());
    assertEquals(Optional.of("1.25"), pinned.tag());
    assertEquals(Optional.of(DIGEST), pinned.digest());
    assertEquals("docker.io/library/nginx:1.25@sha256:" + HEX, pinned.toString());
    assertFalse(tagged.isPinned());
  }

  @Test
  void withDigestReplacesAnEarlierDigest() {
    ImageReference pinned = ImageReference.parse("ghcr.io/acme/app@sha256:" + HEX);
    Digest other = Digest.sha256("0".repeat(64));

    assertEquals(Optional.of(other), pinned.withDigest(other).digest());
  }

  @Test
  void equalityCoversEveryPart() {
    ImageReference base = ImageReference.parse("ghcr.io/acme/app:1@sha256:" + HEX);

    assertEquals(base, ImageReference.parse("ghcr.io/acme/app:1@sha256:" + HEX));
    assertEquals(base.hashCode(), ImageReference.parse(base.toString()).hashCode());
    assertNotEquals(base, ImageReference.parse("ghcr.io/acme/app:2@sha256:" + HEX));
    assertNotEquals(base, ImageReference.parse("ghcr.io/acme/app:1"));
    assertNotEquals(base, ImageReference.parse("ghcr.io/acme/other:1@sha256:" + HEX));
    assertNotEquals(base, ImageReference.parse("quay.io/acme/app:1@sha256:" + HEX));
  }

  @Property
  void parseReadsBackToString(@ForAll("references") Generated generated) {
    ImageReference ref = ImageReference.parse(generated.text());

    ImageReference again = ImageReference.parse(ref.toString());

    assertEquals(ref, again);
    assertEquals(ref.toString(), again.toString());
    assertEquals(ref.hashCode(), again.hashCode());
  }

  @Property
  void parseKeepsEveryGeneratedPart(@ForAll("references") Generated generated) {
    ImageReference ref = ImageReference.parse(generated.text());

    assertEquals(generated.registry(), ref.registry());
    assertEquals(generated.normalizedRepository(), ref.repository());
    assertEquals(generated.tag(), ref.tag());
    assertEquals(generated.digest(), ref.digest());
    assertEquals(generated.digest().isPresent(), ref.isPinned());
    assertEquals(generated.registry().equals("docker.io"), ref.isDockerHub());
  }

  @Property
  void theFamiliarFormParsesLikeTheNormalizedForm(@ForAll("dockerHubReferences") Familiar ref) {
    ImageReference familiar = ImageReference.parse(ref.familiar());
    ImageReference normalized = ImageReference.parse(ref.normalized());

    assertEquals(normalized, familiar);
    assertEquals(ref.normalized(), familiar.toString());
    assertEquals(normalized, ImageReference.parse("index." + ref.normalized()));
  }

  @Property(tries = 200)
  void withDigestPinsAnyReference(@ForAll("references") Generated generated) {
    ImageReference ref = ImageReference.parse(generated.text());

    ImageReference pinned = ref.withDigest(DIGEST);

    assertEquals(ref.name(), pinned.name());
    assertEquals(ref.tag(), pinned.tag());
    assertEquals(Optional.of(DIGEST), pinned.digest());
  }

  /** A generated reference text and the parts it should parse into. */
  record Generated(String registry, String path, Optional<String> tag, Optional<Digest> digest) {
    String text() {
      return registry
          + "/"
          + path
          + tag.map(t -> ":" + t).orElse("")
          + digest.map(d -> "@" + d).orElse("");
    }

    String normalizedRepository() {
      return registry.equals("docker.io") && !path.contains("/") ? "library/" + path : path;
    }
  }

  /** A Docker Hub reference in its familiar short form and its normalized form. */
  record Familiar(String familiar, String normalized) {}

  @Provide
  Arbitrary<Generated> references() {
    Arbitrary<String> registries =
        Arbitraries.of(
            "docker.io",
            "ghcr.io",
            "localhost",
            "localhost:5000",
            "registry.acme.dev",
            "registry.acme.dev:5000",
            "[::1]:5000",
            "Registry.Acme.Dev");
    return Combinators.combine(registries, path(), tags().optional(0.5), digests().optional(0.5))
        .as(Generated::new);
  }

  @Provide
  Arbitrary<Familiar> dockerHubReferences() {
    Arbitrary<String> namespace =
        component()
            .filter(c -> !c.contains(".") && !c.equals("localhost"))
            .optional(0.5)
            .map(n -> n.orElse("library"));
    return Combinators.combine(
            namespace, component(), tags().optional(0.5), digests().optional(0.5))
        .as(
            (ns, name, tag, digest) -> {
              String suffix =
                  tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
              String familiar = (ns.equals("library") ? name : ns + "/" + name) + suffix;
              return new Familiar(familiar, "docker.io/" + ns + "/" + name + suffix);
            });
  }

  /** One to three path components joined by slashes. */
  private static Arbitrary<String> path() {
    return component().list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("/", parts));
  }

  /**
   * A path component: lowercase alphanumerics joined by {@code .}, {@code _}, {@code __} or dashes.
   */
  private static Arbitrary<String> component() {
    Arbitrary<String> alnum =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .ofMinLength(1)
            .ofMaxLength(8);
    Arbitrary<String> separator = Arbitraries.of(".", "_", "__", "-", "--", "---");
    Arbitrary<String> continuation =
        Combinators.combine(separator, alnum).as((sep, word) -> sep + word);
    return Combinators.combine(alnum, continuation.list().ofMaxSize(2))
        .as((first, rest) -> first + String.join("", rest));
  }

  private static Arbitrary<String> tags() {
    Arbitrary<Character> first =
        Arbitraries.chars().range('a', 'z').range('A', 'Z').numeric().with('_');
    Arbitrary<String> rest =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .numeric()
            .withChars('_', '.', '-')
            .ofMaxLength(127);
    return Combinators.combine(first, rest).as((f, r) -> f + r);
  }

  private static Arbitrary<Digest> digests() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(Digest::sha256);
  }

  @Test
  void generatedComponentsAreValidOnTheirOwn() {
    for (String c : List.of("a.b", "a_b", "a__b", "a-b", "a---b", "0")) {
      assertEquals("acme/" + c, ImageReference.parse("acme/" + c).repository());
    }
  }
}
