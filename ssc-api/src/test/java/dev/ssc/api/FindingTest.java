package dev.ssc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.digest.Digest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FindingTest {
  @Test
  void isAFailureUnlessSaidOtherwise() {
    Finding finding = Finding.of("dsse.threshold.unmet", "1 of 2 signatures verified");

    assertEquals("dsse.threshold.unmet", finding.code());
    assertEquals("1 of 2 signatures verified", finding.message());
    assertEquals(Finding.Level.FAILURE, finding.level());
    assertEquals(Optional.empty(), finding.location());
    assertEquals(Optional.empty(), finding.evidence());
  }

  @Test
  void carriesLevelLocationAndEvidence() {
    Digest evidence = Digest.sha256("f".repeat(64));

    Finding finding =
        Finding.builder()
            .code("policy.rule.skipped")
            .message("not applicable to staging")
            .level(Finding.Level.NOTE)
            .location("/predicate/materials/0")
            .evidence(evidence)
            .build();

    assertEquals(Finding.Level.NOTE, finding.level());
    assertEquals(Optional.of("/predicate/materials/0"), finding.location());
    assertEquals(Optional.of(evidence), finding.evidence());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"dsse", "dsse.signature.untrusted-key", "a.b-c.d", "x1.y2", "v2", "a-b-c"})
  void acceptsDottedLowercaseWords(String code) {
    assertEquals(code, Finding.of(code, "message").code());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Dsse.threshold",
        "dsse..threshold",
        ".dsse",
        "dsse.",
        "dsse threshold",
        "dsse_x",
        "dsse.-x",
        "dsse-",
        "dsse/x",
        "DSSE"
      })
  void rejectsOtherCodes(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Finding.of(code, "message"));

    assertTrue(e.getMessage().contains("code must be dotted lowercase words"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\t"})
  void rejectsABlankMessage(String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Finding.of("a.b", message));

    assertTrue(e.getMessage().contains("message must not be blank"), e.getMessage());
  }

  @Test
  void reportsEveryProblemInOneMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Finding.of("Bad Code", " "));

    assertTrue(e.getMessage().startsWith("invalid Finding: "), e.getMessage());
    assertTrue(e.getMessage().contains("code"), e.getMessage());
    assertTrue(e.getMessage().contains("message"), e.getMessage());
  }

  @Test
  void requiresCodeAndMessage() {
    assertThrows(IllegalStateException.class, () -> Finding.builder().code("a.b").build());
    assertThrows(IllegalStateException.class, () -> Finding.builder().message("m").build());
  }

  @Test
  void builderRejectsSettingTheCodeTwice() {
    Finding.Builder builder = Finding.builder().code("a.b");

    assertThrows(IllegalStateException.class, () -> builder.code("c.d"));
  }

  @Property
  void acceptsAnyDottedLowercaseWords(@ForAll("codes") String code) {
    assertEquals(code, Finding.of(code, "message").code());
  }

  @Property
  void rejectsCodesWithUppercase(@ForAll("codes") String code) {
    String upper = code.toUpperCase(Locale.ROOT);
    Assume.that(!upper.equals(code));

    assertThrows(IllegalArgumentException.class, () -> Finding.of(upper, "message"));
  }

  @Provide
  Arbitrary<String> codes() {
    Arbitrary<String> word =
        Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> more =
        Combinators.combine(Arbitraries.of(".", "-"), word).as((sep, w) -> sep + w);
    return Combinators.combine(word, more.list().ofMaxSize(4))
        .as((first, rest) -> first + String.join("", rest));
  }

  @Test
  void levelsAreOrderedFromFailureToNote() {
    assertEquals(
        List.of(Finding.Level.FAILURE, Finding.Level.WARNING, Finding.Level.NOTE),
        List.of(Finding.Level.values()));
  }
}
