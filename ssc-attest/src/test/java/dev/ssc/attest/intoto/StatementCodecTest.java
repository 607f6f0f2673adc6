package dev.ssc.attest.intoto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class StatementCodecTest {
  @Test
  void decodesTheSpecificationShape() throws Exception {
    String json =
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"theSub\","
            + "\"digest\":{\"alg1\":\"abc123\"}}],\"predicateType\":\"thePredicate\","
            + "\"predicate\":{\"keyObj\":{\"subKey\":\"subVal\"}}}";
    Statement s = StatementCodec.decode(Bytes.utf8(json), "s.json");
    assertEquals("thePredicate", s.predicateType());
    assertEquals("abc123", s.subjects().get(0).digest().toMap().get("alg1"));
    assertEquals(json, StatementCodec.encode(s).toUtf8String());
  }

  @Test
  void rejectsWrongTypeNamingThePointer() {
    String json =
        "{\"_type\":\"https://not-in-toto.io/Statement/v1\",\"subject\":[],\"predicateType\":\"p\"}";
    SscFormatException e =
        assertThrows(
            SscFormatException.class, () -> StatementCodec.decode(Bytes.utf8(json), "s.json"));
    assertTrue(e.getMessage().startsWith("s.json: /_type: "), e.getMessage());
  }

  @Test
  void rejectsBadDigestNamingTheSubject() {
    String json =
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"digest\":{\"sha256\":\"abc\"}}],"
            + "\"predicateType\":\"p\",\"predicate\":{}}";
    SscFormatException e =
        assertThrows(
            SscFormatException.class, () -> StatementCodec.decode(Bytes.utf8(json), "s.json"));
    assertTrue(e.getMessage().contains("/subject/0/digest"), e.getMessage());
  }

  @Property(tries = 200)
  void statementJsonRoundTrips(@ForAll("statements") Statement statement) throws Exception {
    assertEquals(statement, StatementCodec.decode(StatementCodec.encode(statement), "round trip"));
  }

  @Property(tries = 300)
  void mutatedStatementIsRejectedOrDecodesToWhatItsBytesSay(
      @ForAll("statements") Statement statement,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 10_000) int position,
      @ForAll byte value) {
    byte[] bytes = StatementCodec.encode(statement).toByteArray();
    bytes[position % bytes.length] = value;
    try {
      Statement decoded = StatementCodec.decode(Bytes.of(bytes), "mutated");
      // Accepted: then it is a valid statement, and re-encoding it is stable.
      assertEquals(decoded, StatementCodec.decode(StatementCodec.encode(decoded), "again"));
    } catch (SscFormatException e) {
      assertTrue(e.getMessage().startsWith("mutated: "), e.getMessage());
    }
  }

  @Test
  void rejectsAMissingPredicateAsTheReferenceValidatorsDo() {
    String json =
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"digest\":{\"sha256\":\""
            + "a".repeat(64)
            + "\"}}],\"predicateType\":\"p\"}";
    SscFormatException e =
        assertThrows(
            SscFormatException.class, () -> StatementCodec.decode(Bytes.utf8(json), "s.json"));
    assertEquals("s.json: /predicate: required object is missing", e.getMessage());
  }

  @Test
  void keepsTheLegacyTypeWhenEncoding() throws Exception {
    String json =
        "{\"_type\":\"https://in-toto.io/Statement/v0.1\",\"subject\":[{\"digest\":{\"sha256\":\""
            + "a".repeat(64)
            + "\"}}],\"predicateType\":\"p\",\"predicate\":{}}";
    Statement s = StatementCodec.decode(Bytes.utf8(json), "s.json");
    assertEquals(Statement.LEGACY_TYPE, s.type());
    assertEquals(json, StatementCodec.encode(s).toUtf8String());
  }

  @Test
  void matchesSubjectsByDigestOnly() throws Exception {
    Statement s =
        Statement.builder()
            .addSubjects(ResourceDescriptor.of("app.jar", DigestSet.sha256("a".repeat(64))))
            .predicateType("p")
            .build();
    assertTrue(s.isAbout(DigestSet.sha256("A".repeat(64))));
    assertTrue(!s.isAbout(DigestSet.sha256("b".repeat(64))));
    assertTrue(!s.isAbout(DigestSet.of(dev.ssc.api.digest.Digest.of("sha1", "a".repeat(40)))));
  }

  @Provide
  Arbitrary<Statement> statements() {
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(20);
    Arbitrary<ResourceDescriptor> subject =
        Combinators.combine(text, hex).as((n, h) -> ResourceDescriptor.of(n, DigestSet.sha256(h)));
    return Combinators.combine(
            subject.list().ofMinSize(1).ofMaxSize(3),
            text,
            text,
            text,
            Arbitraries.of(Statement.TYPE, Statement.LEGACY_TYPE))
        .as(
            (subjects, type, key, value, statementType) ->
                Statement.builder()
                    .type(statementType)
                    .addAllSubjects(subjects)
                    .predicateType(type)
                    .predicate(new JsonObject(Map.of(key, new JsonString(value))))
                    .build());
  }
}
