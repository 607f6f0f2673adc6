package dev.ssc.api.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonBoolean;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceDescriptorTest {
  private static final DigestSet DIGEST = DigestSet.sha256("c".repeat(64));

  @Test
  void needsAtLeastOneOfNameUriDigestAndContent() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ResourceDescriptor.builder().build());

    assertTrue(
        e.getMessage().contains("at least one of name, uri, digest and content"), e.getMessage());
  }

  @Test
  void downloadLocationAndMediaTypeAloneAreNotEnough() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ResourceDescriptor.builder()
                .downloadLocation("https://example.com/app.jar")
                .mediaType("application/java-archive")
                .build());
  }

  @Test
  void anEmptyDigestSetDoesNotCount() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ResourceDescriptor.builder().digest(DigestSet.empty()).build());
  }

  @Test
  void anyOneIdentifyingAttributeIsEnough() {
    assertEquals(
        Optional.of("app.jar"), ResourceDescriptor.builder().name("app.jar").build().name());
    assertEquals(
        Optional.of("https://example.com/app"),
        ResourceDescriptor.builder().uri("https://example.com/app").build().uri());
    assertEquals(DIGEST, ResourceDescriptor.builder().digest(DIGEST).build().digest());
    assertEquals(
        Optional.of(Bytes.utf8("{}")),
        ResourceDescriptor.builder().content(Bytes.utf8("{}")).build().content());
  }

  @Test
  void digestIsEmptyUnlessSet() {
    ResourceDescriptor rd = ResourceDescriptor.builder().name("app.jar").build();

    assertTrue(rd.digest().isEmpty());
    assertEquals(Optional.empty(), rd.uri());
    assertEquals(Optional.empty(), rd.content());
    assertEquals(Optional.empty(), rd.downloadLocation());
    assertEquals(Optional.empty(), rd.mediaType());
    assertTrue(rd.annotations().isEmpty());
  }

  @Test
  void rejectsAnEmptyNameNamingTheAttribute() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ResourceDescriptor.builder().name("").digest(DIGEST).build());

    assertTrue(e.getMessage().contains("name must not be empty"), e.getMessage());
  }

  @Test
  void rejectsEveryEmptyStringInOneMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ResourceDescriptor.builder()
                    .digest(DIGEST)
                    .uri("")
                    .downloadLocation("")
                    .mediaType("")
                    .build());

    assertTrue(e.getMessage().contains("uri must not be empty"), e.getMessage());
    assertTrue(e.getMessage().contains("downloadLocation must not be empty"), e.getMessage());
    assertTrue(e.getMessage().contains("mediaType must not be empty"), e.getMessage());
    assertTrue(e.getMessage().startsWith("invalid ResourceDescriptor"), e.getMessage());
  }

  @Test
  void keepsAnnotationsInInsertionOrder() {
    Map<String, JsonValue> more = new LinkedHashMap<>();
    more.put("m", JsonNumber.of(2));
    more.put("b", new JsonBoolean(false));

    ResourceDescriptor rd =
        ResourceDescriptor.builder()
            .name("app.jar")
            .putAnnotations("z", new JsonString("first"))
            .putAnnotations("a", JsonNumber.of(1))
            .putAllAnnotations(more)
            .build();

    assertEquals(List.of("z", "a", "m", "b"), new ArrayList<>(rd.annotations().keySet()));
    assertEquals(new JsonString("first"), rd.annotations().get("z"));
    assertThrows(
        UnsupportedOperationException.class, () -> rd.annotations().put("x", new JsonString("x")));
  }

  @Test
  void builderRejectsSettingAnAttributeTwice() {
    ResourceDescriptor.Builder builder = ResourceDescriptor.builder().name("a");

    assertThrows(IllegalStateException.class, () -> builder.name("b"));
    assertThrows(
        IllegalStateException.class,
        () -> ResourceDescriptor.builder().digest(DIGEST).digest(DIGEST));
    assertThrows(
        IllegalStateException.class,
        () -> ResourceDescriptor.builder().mediaType("a/b").mediaType("a/b"));
  }

  @Test
  void builderRejectsNull() {
    assertThrows(NullPointerException.class, () -> ResourceDescriptor.builder().name(null));
  }

  @Test
  void ofSetsNameAndDigest() {
    ResourceDescriptor rd = ResourceDescriptor.of("app.jar", DIGEST);

    assertEquals(Optional.of("app.jar"), rd.name());
    assertEquals(DIGEST, rd.digest());
  }

  @Test
  void equalityCoversEveryAttribute() {
    ResourceDescriptor a = ResourceDescriptor.of("app.jar", DIGEST);

    assertEquals(a, ResourceDescriptor.of("app.jar", DIGEST));
    assertEquals(a.hashCode(), ResourceDescriptor.of("app.jar", DIGEST).hashCode());
    assertNotEquals(a, ResourceDescriptor.of("other.jar", DIGEST));
    assertNotEquals(
        a,
        ResourceDescriptor.builder()
            .name("app.jar")
            .digest(DIGEST)
            .putAnnotations("k", JsonNumber.of(1))
            .build());
  }

  @Test
  void toStringDoesNotShowContent() {
    ResourceDescriptor rd = ResourceDescriptor.builder().content(Bytes.utf8("secret-text")).build();

    assertFalse(rd.toString().contains("secret-text"), rd.toString());
  }
}
