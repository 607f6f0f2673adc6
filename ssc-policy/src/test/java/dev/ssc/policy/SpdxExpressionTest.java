package dev.ssc.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.SscFormatException;
import dev.ssc.policy.SpdxExpression.Evaluation;
import dev.ssc.policy.SpdxExpression.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdxExpressionTest {

  private static SpdxExpression parse(String text) {
    try {
      return SpdxExpression.parse(text);
    } catch (SscFormatException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static SpdxExpression lic(String id) {
    return SpdxExpression.license(id, false);
  }

  private static Evaluation eval(String expression, List<String> allow, List<String> deny) {
    return parse(expression).evaluate(LicenseRules.of(allow, deny));
  }

  // ------------------------------------------------------------------ the spec's examples

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "MIT | MIT",
        "GPL-2.0+ | GPL-2.0+",
        "LicenseRef-23 | LicenseRef-23",
        "LicenseRef-MIT-Style-1 | LicenseRef-MIT-Style-1",
        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"
            + " | DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
        "LGPL-2.1-only OR MIT | LGPL-2.1-only OR MIT",
        "LGPL-2.1-only OR MIT OR BSD-3-Clause | LGPL-2.1-only OR MIT OR BSD-3-Clause",
        "LGPL-2.1-only AND MIT | LGPL-2.1-only AND MIT",
        "LGPL-2.1-only AND MIT AND BSD-2-Clause | LGPL-2.1-only AND MIT AND BSD-2-Clause",
        "GPL-2.0-or-later WITH Bison-exception-2.2 | GPL-2.0-or-later WITH Bison-exception-2.2",
        "LGPL-2.1-only OR BSD-3-Clause AND MIT | LGPL-2.1-only OR BSD-3-Clause AND MIT",
        "MIT AND (LGPL-2.1-or-later OR BSD-3-Clause) | MIT AND (LGPL-2.1-or-later OR BSD-3-Clause)",
        "(MIT AND LGPL-2.1-or-later) OR BSD-3-Clause | MIT AND LGPL-2.1-or-later OR BSD-3-Clause",
        "(LGPL-2.1-only OR MIT) | LGPL-2.1-only OR MIT",
        "GPL-2.0-only WITH AdditionRef-acme-1 | GPL-2.0-only WITH AdditionRef-acme-1",
        "MIT WITH DocumentRef-d:AdditionRef-x | MIT WITH DocumentRef-d:AdditionRef-x",
        "NONE | NONE",
        "NOASSERTION | NOASSERTION",
        "noassertion | NOASSERTION",
      })
  void parsesTheSpecExamplesAndNormalizesThem(String input, String normalized) {
    SpdxExpression e = parse(input);
    assertEquals(normalized, e.toString());
    assertEquals(e, parse(normalized));
  }

  @Test
  void andBindsTighterThanOr() {
    SpdxExpression e = parse("LGPL-2.1-only OR BSD-3-Clause AND MIT");
    assertEquals(Kind.OR, e.kind());
    assertEquals(
        SpdxExpression.or(
            List.of(
                lic("LGPL-2.1-only"),
                SpdxExpression.and(List.of(lic("BSD-3-Clause"), lic("MIT"))))),
        e);
  }

  @Test
  void withBindsTighterThanAnd() {
    SpdxExpression e = parse("MIT AND GPL-2.0-or-later WITH Bison-exception-2.2");
    assertEquals(Kind.AND, e.kind());
    assertEquals(Kind.WITH, e.operands().get(1).kind());
  }

  @Test
  void parenthesesOverridePrecedence() {
    SpdxExpression e = parse("MIT AND (LGPL-2.1-or-later OR BSD-3-Clause)");
    assertEquals(Kind.AND, e.kind());
    assertEquals(Kind.OR, e.operands().get(1).kind());
    assertNotEquals(e, parse("MIT AND LGPL-2.1-or-later OR BSD-3-Clause"));
  }

  @Test
  void nestedSameOperatorsAreFlattened() {
    assertEquals(parse("A AND B AND C"), parse("(A AND B) AND C"));
    assertEquals(parse("A AND B AND C"), parse("A AND (B AND (C))"));
    assertEquals(3, parse("((A OR B)) OR C").operands().size());
  }

  @Test
  void lowerCaseOperatorsAreAcceptedAndNormalizedToUpperCase() {
    assertEquals(
        "MIT OR Apache-2.0 AND BSD-3-Clause",
        parse("MIT or Apache-2.0 and BSD-3-Clause").toString());
    assertEquals(
        "GPL-2.0-only WITH Classpath-exception-2.0",
        parse("GPL-2.0-only with Classpath-exception-2.0").toString());
  }

  @Test
  void licenseIdsCompareIgnoringCaseButKeepTheirSpelling() {
    assertEquals(parse("MIT AND Apache-2.0"), parse("mit AND APACHE-2.0"));
    assertEquals(parse("MIT AND Apache-2.0").hashCode(), parse("mit AND APACHE-2.0").hashCode());
    assertEquals("mit AND APACHE-2.0", parse("mit AND APACHE-2.0").toString());
    assertNotEquals(parse("MIT"), parse("MIT+"));
  }

  @Test
  void whitespaceIsNormalized() {
    assertEquals("MIT AND (A OR B)", parse("  MIT\tAND(A   OR\nB)  ").toString());
  }

  @Test
  void licenseIdsAreListedInOrderWithoutPlusAndExceptions() {
    SpdxExpression e =
        parse("GPL-2.0+ WITH Bison-exception-2.2 OR mit AND (MIT OR LicenseRef-x) AND GPL-2.0");
    assertEquals(List.of("GPL-2.0", "mit", "LicenseRef-x"), new ArrayList<>(e.licenseIds()));
    assertEquals(Set.of(), parse("NONE").licenseIds());
  }

  // ------------------------------------------------------------------ malformed input

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\" | expected a license id at column 1",
        "\"   \" | expected a license id at column 4",
        "MIT AND | expected a license id at column 8",
        "MIT OR OR Apache-2.0 | expected a license id but found operator 'OR' at column 8",
        "AND MIT | expected a license id but found operator 'AND' at column 1",
        "(MIT | expected ')' at column 5",
        "MIT) | unexpected ')' at column 4",
        "() | expected a license id but found ')' at column 2",
        "MIT Apache-2.0 | expected AND or OR but found 'Apache-2.0' at column 5",
        "(MIT Apache-2.0) | expected AND, OR or ')' but found 'Apache-2.0' at column 6",
        "MIT And Apache-2.0 | operator 'And' must be all upper or all lower case at column 5",
        "MIT oR Apache-2.0 | operator 'oR' must be all upper or all lower case at column 5",
        "And | expected a license id but found operator 'And' at column 1",
        "MIT WITH | expected a license exception id at column 9",
        "MIT WITH OR | expected a license exception id but found 'OR' at column 10",
        "MIT WITH LicenseRef-x | expected a license exception id or AdditionRef-<id> but found"
            + " 'LicenseRef-x' at column 10",
        "MIT WITH A WITH B | WITH may only follow a single license id or reference at column 12",
        "(MIT OR X) WITH E | WITH may only follow a single license id or reference at column 12",
        "MIT + | '+' must directly follow a license id at column 5",
        "MIT++ | '+' must directly follow a license id at column 5",
        "(MIT)+ | '+' must directly follow a license id at column 6",
        "+MIT | expected a license id but found '+' at column 1",
        "LicenseRef-23+ | '+' cannot follow a license reference at column 14",
        "LicenseRef- | invalid license reference 'LicenseRef-', expected LicenseRef-<id> or"
            + " DocumentRef-<id>:LicenseRef-<id> at column 1",
        "DocumentRef-x | invalid license reference 'DocumentRef-x', expected LicenseRef-<id> or"
            + " DocumentRef-<id>:LicenseRef-<id> at column 1",
        "MIT OR a:b | invalid license reference 'a:b', expected LicenseRef-<id> or"
            + " DocumentRef-<id>:LicenseRef-<id> at column 8",
        "AdditionRef-x | expected a license id but found the addition reference 'AdditionRef-x'"
            + " at column 1",
        "MIT/Apache-2.0 | unexpected character '/' at column 4",
        "MIT AND NONE | 'NONE' is only valid as the whole expression at column 9",
        "NONE+ | 'NONE' is only valid as the whole expression at column 1",
        "(NOASSERTION) | 'NOASSERTION' is only valid as the whole expression at column 2",
      })
  void rejectsMalformedExpressionsNamingTheColumn(String input, String detail) {
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> SpdxExpression.parse(input));
    assertEquals("invalid SPDX license expression '" + input + "': " + detail, e.getMessage());
  }

  @Test
  void messagesQuoteUntrustedTextSafelyAndBriefly() {
    String input = "MIT AND \u202eevil\n" + "x".repeat(300);
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> SpdxExpression.parse(input));
    assertTrue(e.getMessage().contains("unexpected character '?' at column 9"), e.getMessage());
    assertFalse(e.getMessage().contains("\u202e"));
    assertTrue(e.getMessage().length() < 250, e.getMessage());
  }

  @Test
  void nestingUpToTheLimitIsAcceptedAndDeeperIsRejected() {
    int max = SpdxExpression.MAX_DEPTH;
    assertEquals(lic("MIT"), parse("(".repeat(max) + "MIT" + ")".repeat(max)));
    String tooDeep = "(".repeat(max + 1) + "MIT" + ")".repeat(max + 1);
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> SpdxExpression.parse(tooDeep));
    assertTrue(
        e.getMessage().endsWith("parentheses nested deeper than 64 at column 65"), e.getMessage());
  }

  @Test
  void pathologicalNestingFailsWithoutStackOverflow() {
    String input = "(".repeat(SpdxExpression.MAX_LENGTH);
    assertThrows(SscFormatException.class, () -> SpdxExpression.parse(input));
  }

  @Test
  void rejectsOverlongInputBeforeLookingAtIt() {
    String input = "MIT OR ".repeat(600) + "MIT";
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> SpdxExpression.parse(input));
    assertEquals(
        "invalid SPDX license expression of 4203 characters: longer than the limit of 4096",
        e.getMessage());
  }

  @Test
  void longFlatChainsWithinTheLimitParse() {
    String input = "MIT OR ".repeat(584) + "MIT";
    assertTrue(input.length() <= SpdxExpression.MAX_LENGTH);
    assertEquals(585, parse(input).operands().size());
  }

  @Test
  void factoriesRejectInvalidParts() {
    assertThrows(IllegalArgumentException.class, () -> SpdxExpression.license("AND", false));
    assertThrows(
        IllegalArgumentException.class, () -> SpdxExpression.license("LicenseRef-x", true));
    assertThrows(
        IllegalArgumentException.class, () -> SpdxExpression.with(lic("MIT"), "LicenseRef-y"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SpdxExpression.with(parse("A OR B"), "Classpath-exception-2.0"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SpdxExpression.and(List.of(lic("MIT"), SpdxExpression.none())));
  }

  // ------------------------------------------------------------------ rules and evaluation

  @Test
  void emptyRulesAreAMistake() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LicenseRules.of(List.of(), List.of()));
    assertTrue(e.getMessage().contains("both are empty"), e.getMessage());
  }

  @Test
  void rulesRejectCompoundEntriesAndContradictionsListingEveryProblem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LicenseRules.of(
                    List.of("MIT OR Apache-2.0", "GPL-2.0+", "Apache-2.0", "MIT AND"),
                    List.of("apache-2.0")));
    String m = e.getMessage();
    assertTrue(m.contains("allow entry 'MIT OR Apache-2.0' must be one license id"), m);
    assertTrue(m.contains("allow entry 'GPL-2.0+' must be one license id"), m);
    assertTrue(m.contains("expected a license id at column 8"), m);
    assertTrue(m.contains("'Apache-2.0' is both allowed and denied"), m);
  }

  @Test
  void allowedLicenseIsAcceptableAndSaysWhy() {
    Evaluation e = eval("MIT", List.of("MIT"), List.of());
    assertEquals(new Evaluation(true, "allowed via MIT"), e);
  }

  @Test
  void deniedLicenseIsUnacceptable() {
    assertEquals(
        new Evaluation(false, "GPL-3.0-only is denied"),
        eval("GPL-3.0-only", List.of(), List.of("GPL-3.0-only")));
  }

  @Test
  void emptyAllowListAcceptsEverythingNotDenied() {
    assertTrue(eval("LicenseRef-acme AND Zlib", List.of(), List.of("GPL-3.0-only")).acceptable());
  }

  @Test
  void noAlternativeAllowedListsEachReason() {
    assertEquals(
        new Evaluation(
            false,
            "no alternative of 'GPL-2.0-only OR LGPL-2.1-only' is allowed: GPL-2.0-only is not in"
                + " the allow list; LGPL-2.1-only is not in the allow list"),
        eval("GPL-2.0-only OR LGPL-2.1-only", List.of("MIT"), List.of()));
  }

  @Test
  void orAcceptsTheFirstSatisfyingChoice() {
    assertEquals(
        new Evaluation(true, "allowed via MIT AND BSD-3-Clause"),
        eval(
            "GPL-2.0-only OR MIT AND (LGPL-2.1-only OR BSD-3-Clause)",
            List.of("MIT", "BSD-3-Clause"),
            List.of()));
  }

  @Test
  void andNeedsEveryConjunct() {
    assertEquals(
        new Evaluation(false, "GPL-3.0-only is denied"),
        eval("MIT AND GPL-3.0-only", List.of(), List.of("GPL-3.0-only")));
  }

  @Test
  void rulesMatchIdsIgnoringCase() {
    assertTrue(eval("mit", List.of("MIT"), List.of()).acceptable());
    assertFalse(eval("gpl-3.0-ONLY", List.of(), List.of("GPL-3.0-only")).acceptable());
    assertTrue(
        eval(
                "gpl-2.0-only with classpath-exception-2.0",
                List.of("GPL-2.0-only WITH Classpath-exception-2.0"),
                List.of())
            .acceptable());
  }

  @Test
  void plusIsJudgedByTheNamedVersionOnly() {
    assertTrue(eval("GPL-2.0+", List.of("GPL-2.0"), List.of()).acceptable());
    assertEquals(
        new Evaluation(false, "GPL-2.0 is not in the allow list (GPL-2.0+ is judged as GPL-2.0)"),
        eval("GPL-2.0+", List.of("GPL-3.0"), List.of()));
    assertTrue(eval("GPL-2.0+", List.of(), List.of("GPL-3.0")).acceptable());
  }

  @Test
  void anExplicitlyAllowedPairOverridesItsLicense() {
    List<String> allow = List.of("MIT", "GPL-2.0-only WITH Classpath-exception-2.0");
    List<String> deny = List.of("GPL-2.0-only");
    assertEquals(
        new Evaluation(true, "allowed via GPL-2.0-only WITH Classpath-exception-2.0"),
        eval("GPL-2.0-only WITH Classpath-exception-2.0", allow, deny));
    assertEquals(
        new Evaluation(false, "GPL-2.0-only is denied"), eval("GPL-2.0-only", allow, deny));
    assertEquals(
        new Evaluation(false, "GPL-2.0-only is denied"),
        eval("GPL-2.0-only WITH Bison-exception-2.2", allow, deny));
  }

  @Test
  void anExceptionNeitherAllowedNorDeniedFollowsItsLicense() {
    assertTrue(eval("MIT WITH Some-exception", List.of("MIT"), List.of()).acceptable());
    assertFalse(
        eval("GPL-3.0-only WITH GCC-exception-3.1", List.of("MIT"), List.of()).acceptable());
  }

  @Test
  void aDeniedPairIsUnacceptableEvenIfItsLicenseIsAllowed() {
    assertEquals(
        new Evaluation(false, "MIT WITH Odd-exception is denied"),
        eval("MIT WITH Odd-exception", List.of("MIT"), List.of("mit with odd-exception")));
  }

  @Test
  void noneAndNoAssertionNeedExplicitAllowance() {
    assertEquals(
        new Evaluation(false, "NOASSERTION is not explicitly allowed"),
        eval("NOASSERTION", List.of(), List.of("GPL-3.0-only")));
    assertFalse(eval("NONE", List.of("MIT"), List.of()).acceptable());
    assertEquals(
        new Evaluation(true, "allowed via NONE"), eval("none", List.of("MIT", "NONE"), List.of()));
  }

  // ------------------------------------------------------------------ properties

  private static final List<String> IDS =
      List.of(
          "MIT",
          "Apache-2.0",
          "BSD-3-Clause",
          "GPL-2.0-only",
          "GPL-3.0-or-later",
          "LGPL-2.1",
          "LicenseRef-acme",
          "DocumentRef-d1:LicenseRef-x.1");
  private static final List<String> EXCEPTIONS =
      List.of("Classpath-exception-2.0", "Bison-exception-2.2", "AdditionRef-extra");

  private static Arbitrary<String> ids() {
    return Arbitraries.of(IDS)
        .flatMap(
            id -> Arbitraries.of(id, id.toLowerCase(Locale.ROOT), id.toUpperCase(Locale.ROOT)));
  }

  private static Arbitrary<SpdxExpression> simple() {
    Arbitrary<SpdxExpression> license =
        Combinators.combine(ids(), Arbitraries.of(true, false))
            .as(
                (id, plus) ->
                    SpdxExpression.license(
                        id,
                        plus
                            && !id.contains(":")
                            && !id.toLowerCase(Locale.ROOT).startsWith("licenseref-")));
    Arbitrary<SpdxExpression> with =
        Combinators.combine(license, Arbitraries.of(EXCEPTIONS)).as(SpdxExpression::with);
    return Arbitraries.frequencyOf(Tuple.of(3, license), Tuple.of(1, with));
  }

  @Provide
  Arbitrary<SpdxExpression> expressions() {
    return Arbitraries.recursive(
            SpdxExpressionTest::simple,
            inner ->
                Arbitraries.oneOf(
                    simple(),
                    inner.list().ofMinSize(2).ofMaxSize(3).map(SpdxExpression::and),
                    inner.list().ofMinSize(2).ofMaxSize(3).map(SpdxExpression::or)),
            0,
            4)
        // at most 81 leaves of up to 58 characters: rarely beyond the parser's limit
        .filter(e -> e.toString().length() <= SpdxExpression.MAX_LENGTH);
  }

  @Provide
  Arbitrary<LicenseRules> rules() {
    List<String> entries = new ArrayList<>(IDS);
    entries.add("GPL-2.0-only WITH Classpath-exception-2.0");
    entries.add("MIT WITH Bison-exception-2.2");
    entries.add("NONE");
    return Arbitraries.of(entries)
        .list()
        .uniqueElements()
        .ofMaxSize(entries.size())
        .flatMap(
            all ->
                Arbitraries.integers()
                    .between(0, all.size())
                    .map(
                        split -> {
                          List<String> allow = all.subList(0, split);
                          List<String> deny = all.subList(split, all.size());
                          return allow.isEmpty() && deny.isEmpty()
                              ? LicenseRules.of(List.of(), List.of("GPL-2.0-only"))
                              : LicenseRules.of(allow, deny);
                        }));
  }

  @Property
  void normalizedTextParsesBackToTheSameExpression(@ForAll("expressions") SpdxExpression e)
      throws SscFormatException {
    SpdxExpression back = SpdxExpression.parse(e.toString());
    assertEquals(e, back);
    assertEquals(e.toString(), back.toString());
  }

  @Property(tries = 500)
  void addingAnOrAlternativeNeverMakesAnAcceptableExpressionUnacceptable(
      @ForAll("expressions") SpdxExpression e,
      @ForAll("expressions") SpdxExpression alternative,
      @ForAll("rules") LicenseRules rules) {
    boolean acceptable = e.evaluate(rules).acceptable();
    boolean either = acceptable || alternative.evaluate(rules).acceptable();
    assertEquals(either, SpdxExpression.or(List.of(e, alternative)).evaluate(rules).acceptable());
    assertEquals(either, SpdxExpression.or(List.of(alternative, e)).evaluate(rules).acceptable());
    if (acceptable) {
      assertTrue(SpdxExpression.or(List.of(e, alternative)).evaluate(rules).acceptable());
    }
  }

  @Property(tries = 500)
  void addingAnAndConjunctNeverMakesAnUnacceptableExpressionAcceptable(
      @ForAll("expressions") SpdxExpression e,
      @ForAll("expressions") SpdxExpression conjunct,
      @ForAll("rules") LicenseRules rules) {
    boolean acceptable = e.evaluate(rules).acceptable();
    boolean both = acceptable && conjunct.evaluate(rules).acceptable();
    assertEquals(both, SpdxExpression.and(List.of(e, conjunct)).evaluate(rules).acceptable());
    assertEquals(both, SpdxExpression.and(List.of(conjunct, e)).evaluate(rules).acceptable());
    if (!acceptable) {
      assertFalse(SpdxExpression.and(List.of(e, conjunct)).evaluate(rules).acceptable());
    }
  }

  @Property(tries = 500)
  void aDeniedLicenseInEveryAlternativeMakesTheExpressionUnacceptable(
      @ForAll @Size(min = 1, max = 4) List<@From("expressions") SpdxExpression> others,
      @ForAll("rules") LicenseRules base) {
    List<String> deny = new ArrayList<>(base.deny());
    deny.add("LicenseRef-forbidden");
    LicenseRules rules = LicenseRules.of(base.allow(), deny);
    List<SpdxExpression> alternatives = new ArrayList<>();
    for (SpdxExpression other : others) {
      alternatives.add(SpdxExpression.and(List.of(other, lic("licenseref-FORBIDDEN"))));
    }
    Evaluation evaluation = SpdxExpression.or(alternatives).evaluate(rules);
    assertFalse(evaluation.acceptable());
    assertTrue(evaluation.reason().contains("licenseref-FORBIDDEN is denied"), evaluation.reason());
  }

  @Property
  void evaluationIsDeterministicAndExplainsItself(
      @ForAll("expressions") SpdxExpression e, @ForAll("rules") LicenseRules rules) {
    Evaluation first = e.evaluate(rules);
    assertEquals(first, e.evaluate(rules));
    assertEquals(first.acceptable(), first.reason().startsWith("allowed via "));
  }

  @Property
  void arbitraryTextEitherParsesAndRoundTripsOrFailsWithAFormatError(@ForAll("noise") String text) {
    SpdxExpression e;
    try {
      e = SpdxExpression.parse(text);
    } catch (SscFormatException expected) {
      assertTrue(expected.getMessage().startsWith("invalid SPDX license expression"));
      return;
    }
    assertEquals(e, parse(e.toString()));
  }

  @Provide
  Arbitrary<String> noise() {
    Arbitrary<String> token =
        Arbitraries.frequencyOf(
            Tuple.of(
                8,
                Arbitraries.of(
                    "MIT",
                    "GPL-2.0",
                    "AND",
                    "and",
                    "OR",
                    "or",
                    "WITH",
                    "with",
                    "And",
                    "(",
                    ")",
                    "+",
                    " ",
                    " ",
                    "\t",
                    "NONE",
                    "LicenseRef-x",
                    "DocumentRef-d:LicenseRef-y",
                    "AdditionRef-z",
                    "a:b",
                    "Classpath-exception-2.0")),
            Tuple.of(1, Arbitraries.chars().map(String::valueOf)));
    return token.list().ofMaxSize(16).map(parts -> String.join("", parts));
  }
}
