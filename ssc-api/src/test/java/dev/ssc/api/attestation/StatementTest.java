package dev.ssc.api.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementTest {
  static final String PROVENANCE = "https://slsa.dev/provenance/v1";
  static final DigestSet APP = DigestSet.sha256("a".repeat(64));
  static final DigestSet OTHER = DigestSet.sha256("b".repeat(64));

  static Statement about(DigestSet subject) {
    return Statement.builder()
        .addSubjects(ResourceDescriptor.of("app.jar", subject))
        .predicateType(PROVENANCE)
        .build();
  }

  @Test
  void carriesSubjectsPredicateTypeAndPredicate() {
    JsonObject predicate = new JsonObject(Map.of("buildType", new JsonString("x")));

    Statement statement =
        Statement.builder()
            .addSubjects(ResourceDescriptor.of("app.jar", APP))
            .predicateType(PROVENANCE)
            .predicate(predicate)
            .build();

    assertEquals(List.of(ResourceDescriptor.of("app.jar", APP)), statement.subjects());
    assertEquals(PROVENANCE, statement.predicateType());
    assertEquals(predicate, statement.predicate());
    assertEquals("https://in-toto.io/Statement/v1", Statement.TYPE);
  }

  @Test
  void typeIsV1UnlessTheLegacyTypeIsSetAndNothingElseIsAccepted() {
    assertEquals(Statement.TYPE, about(APP).type());
    Statement legacy =
        Statement.builder()
            .type(Statement.LEGACY_TYPE)
            .addSubjects(ResourceDescriptor.of("app.jar", APP))
            .predicateType(PROVENANCE)
            .build();
    assertEquals("https://in-toto.io/Statement/v0.1", legacy.type());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Statement.builder()
                    .type("https://in-toto.io/Statement/v2")
                    .addSubjects(ResourceDescriptor.of("app.jar", APP))
                    .predicateType(PROVENANCE)
                    .build());
    assertTrue(e.getMessage().contains("type must be"), e.getMessage());
  }

  @Test
  void predicateIsEmptyUnlessSet() {
    assertEquals(JsonObject.empty(), about(APP).predicate());
  }

  @Test
  void requiresASubject() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Statement.builder().predicateType(PROVENANCE).build());

    assertTrue(e.getMessage().contains("subject must not be empty"), e.getMessage());
  }

  @Test
  void requiresEverySubjectToHaveADigest() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Statement.builder()
                    .addSubjects(ResourceDescriptor.of("app.jar", APP))
                    .addSubjects(ResourceDescriptor.builder().name("no-digest.jar").build())
                    .predicateType(PROVENANCE)
                    .build());

    assertTrue(e.getMessage().contains("subject[1] must have a digest"), e.getMessage());
    assertFalse(e.getMessage().contains("subject[0]"), e.getMessage());
  }

  @Test
  void requiresANonEmptyPredicateType() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Statement.builder()
                    .addSubjects(ResourceDescriptor.of("app.jar", APP))
                    .predicateType("")
                    .build());

    assertTrue(e.getMessage().contains("predicateType must not be empty"), e.getMessage());
  }

  @Test
  void requiresThePredicateTypeToBeSet() {
    assertThrows(
        IllegalStateException.class,
        () -> Statement.builder().addSubjects(ResourceDescriptor.of("app.jar", APP)).build());
  }

  @Test
  void reportsEveryProblemInOneMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Statement.builder().predicateType("").build());

    assertTrue(e.getMessage().startsWith("invalid Statement: "), e.getMessage());
    assertTrue(e.getMessage().contains("subject must not be empty"), e.getMessage());
    assertTrue(e.getMessage().contains("predicateType must not be empty"), e.getMessage());
  }

  @Test
  void isAboutASubjectWithAMatchingDigest() {
    Statement statement =
        Statement.builder()
            .addAllSubjects(
                List.of(ResourceDescriptor.of("a.jar", OTHER), ResourceDescriptor.of("b.jar", APP)))
            .predicateType(PROVENANCE)
            .build();

    assertTrue(statement.isAbout(APP));
    assertTrue(statement.isAbout(OTHER));
  }

  @Test
  void isNotAboutASubjectWithTheSameNameButAnotherDigest() {
    Statement statement = about(APP);

    assertFalse(statement.isAbout(OTHER));
  }

  @Test
  void isNotAboutADigestSharingOnlyWeakAlgorithms() {
    DigestSet md5 = DigestSet.of(Digest.of("md5", "c".repeat(32)));
    Statement statement = about(md5);

    assertFalse(statement.isAbout(md5));
  }

  @Test
  void isNotAboutADigestWhoseStrongAlgorithmsDisagree() {
    DigestSet subject =
        DigestSet.of(Digest.sha256("a".repeat(64)), Digest.of("sha512", "1".repeat(128)));
    DigestSet asked =
        DigestSet.of(Digest.sha256("a".repeat(64)), Digest.of("sha512", "2".repeat(128)));

    assertFalse(about(subject).isAbout(asked));
  }

  @Test
  void subjectsAreUnmodifiable() {
    Statement statement = about(APP);

    assertThrows(
        UnsupportedOperationException.class,
        () -> statement.subjects().add(ResourceDescriptor.of("x", OTHER)));
  }
}
