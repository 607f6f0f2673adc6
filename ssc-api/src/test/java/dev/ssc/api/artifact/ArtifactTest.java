package dev.ssc.api.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactTest {
  private static final DigestSet SHA256 = DigestSet.sha256("d".repeat(64));
  private static final Digest MD5 = Digest.of("md5", "d".repeat(32));

  @Test
  void isNamedAndPinnedByDigest() {
    Artifact artifact = Artifact.of("app.jar", SHA256);

    assertEquals("app.jar", artifact.name());
    assertEquals(SHA256, artifact.digest());
    assertEquals(Optional.empty(), artifact.uri());
    assertEquals(Optional.empty(), artifact.mediaType());
  }

  @Test
  void rejectsAnMd5OnlyDigest() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Artifact.of("app.jar", DigestSet.of(MD5)));

    assertTrue(e.getMessage().contains("collision-resistant"), e.getMessage());
    assertTrue(e.getMessage().contains("md5"), e.getMessage());
  }

  @Test
  void rejectsDigestsWithNothingAcceptedForMatching() {
    DigestSet weakAndUnknown =
        DigestSet.of(MD5, Digest.of("sha1", "e".repeat(40)), Digest.of("alg1", "x"));

    assertThrows(IllegalArgumentException.class, () -> Artifact.of("app.jar", weakAndUnknown));
    assertThrows(IllegalArgumentException.class, () -> Artifact.of("app.jar", DigestSet.empty()));
  }

  @Test
  void acceptsAWeakDigestBesideAStrongOne() {
    DigestSet both = DigestSet.of(MD5, Digest.sha256("d".repeat(64)));

    assertEquals(both, Artifact.of("app.jar", both).digest());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void rejectsABlankName(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Artifact.of(name, SHA256));

    assertTrue(e.getMessage().contains("name must not be blank"), e.getMessage());
  }

  @Test
  void reportsEveryProblemInOneMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Artifact.of(" ", DigestSet.of(MD5)));

    assertTrue(e.getMessage().contains("name"), e.getMessage());
    assertTrue(e.getMessage().contains("digest"), e.getMessage());
  }

  @Test
  void requiresNameAndDigest() {
    assertThrows(IllegalStateException.class, () -> Artifact.builder().name("app.jar").build());
    assertThrows(IllegalStateException.class, () -> Artifact.builder().digest(SHA256).build());
  }

  @Test
  void toResourceDescriptorCarriesEveryAttribute() {
    Artifact artifact =
        Artifact.builder()
            .name("app")
            .digest(SHA256)
            .uri("oci://ghcr.io/acme/app")
            .mediaType("application/vnd.oci.image.manifest.v1+json")
            .build();

    ResourceDescriptor rd = artifact.toResourceDescriptor();

    assertEquals(Optional.of("app"), rd.name());
    assertEquals(SHA256, rd.digest());
    assertEquals(Optional.of("oci://ghcr.io/acme/app"), rd.uri());
    assertEquals(Optional.of("application/vnd.oci.image.manifest.v1+json"), rd.mediaType());
    assertEquals(Optional.empty(), rd.content());
    assertEquals(Optional.empty(), rd.downloadLocation());
  }

  @Test
  void toResourceDescriptorLeavesUnsetAttributesEmpty() {
    ResourceDescriptor rd = Artifact.of("app.jar", SHA256).toResourceDescriptor();

    assertEquals(ResourceDescriptor.of("app.jar", SHA256), rd);
  }
}
