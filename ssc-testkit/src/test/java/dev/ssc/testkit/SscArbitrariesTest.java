package dev.ssc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The provider SPI makes {@code @ForAll} work for ssc types, and every value is valid. */
class SscArbitrariesTest {
  @Property
  void digestsFromTheProviderRoundTrip(@ForAll Digest digest) {
    assertEquals(digest, Digest.parse(digest.toString()));
    assertTrue(digest.algorithm().isAcceptedForMatching());
  }

  @Property
  void digestSetsAlwaysMatchThemselves(@ForAll DigestSet set) {
    assertTrue(set.sha256().isPresent());
    assertTrue(set.matches(set));
  }

  @Property
  void imageReferencesRoundTrip(@ForAll ImageReference image) {
    assertEquals(image, ImageReference.parse(image.toString()));
  }

  @Property
  void pinnedImageReferencesArePinned(@ForAll("pinned") ImageReference image) {
    assertTrue(image.isPinned());
  }

  @Property
  void artifactsCarryAStrongDigest(@ForAll Artifact artifact) {
    assertTrue(artifact.digest().hasAcceptedDigest());
  }

  @Provide
  Arbitrary<ImageReference> pinned() {
    return SscArbitraries.pinnedImageReferences();
  }
}
