package dev.ssc.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.VerifierOnly;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.attest.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CelConditionTest {
  private static final String SHA =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static final String PROVENANCE_JSON =
      "{\"buildDefinition\": {\"buildType\": \"https://example.com/build/v1\","
          + " \"externalParameters\": {\"repository\": \"https://github.com/acme/app\","
          + " \"ref\": \"refs/heads/main\"}},"
          + " \"runDetails\": {\"builder\": {\"id\": \"https://ci.acme.dev/builder\"},"
          + " \"metadata\": {\"invocationId\": \"run-42\","
          + " \"startedOn\": \"2026-11-25T09:00:00Z\", \"finishedOn\": \"2026-11-25T10:00:00Z\"}},"
          + " \"score\": 7.5, \"count\": 3, \"big\": 123456789012345678901234567890,"
          + " \"approved\": true, \"reviewer\": null, \"tags\": [\"release\", \"signed\"],"
          + " \"checks\": [{\"name\": \"unit\", \"passed\": true},"
          + " {\"name\": \"lint\", \"passed\": true}]}";

  private static final VerifiedAttestation PROVENANCE = attestation(PROVENANCE_JSON);

  @VerifierOnly
  static VerifiedAttestation attestation(String predicateJson) {
    JsonObject predicate;
    try {
      predicate = Json.parseObject(Bytes.utf8(predicateJson), "test predicate");
    } catch (SscFormatException e) {
      throw new AssertionError(e);
    }
    return VerifiedAttestation.builder()
        .statement(
            Statement.builder()
                .addSubjects(ResourceDescriptor.of("app.jar", DigestSet.sha256(SHA)))
                .predicateType("https://slsa.dev/provenance/v1")
                .predicate(predicate)
                .build())
        .evidenceId(Digest.sha256("1".repeat(64)))
        .addSignerKeyIds("ci-key")
        .addSignerKeyIds("release-key")
        .verifiedAt(NOW)
        .build();
  }

  private static CelCondition.Result eval(String expression) throws CelCondition.CompileError {
    return CelCondition.compile(expression).evaluate(PROVENANCE, NOW, "production", "alice");
  }

  private static void assertHolds(String expression) throws CelCondition.CompileError {
    assertEquals(CelCondition.Result.of(true), eval(expression), expression);
  }

  private static void assertFails(String expression) throws CelCondition.CompileError {
    assertEquals(CelCondition.Result.of(false), eval(expression), expression);
  }

  @CanIgnoreReturnValue
  private static String errorOf(String expression) throws CelCondition.CompileError {
    CelCondition.Result result = eval(expression);
    assertFalse(result.value(), expression);
    assertFalse(result.isTrue(), expression);
    return result.error().orElseThrow(() -> new AssertionError("no error for " + expression));
  }

  private static CelCondition.CompileError compileError(String expression) {
    return assertThrows(CelCondition.CompileError.class, () -> CelCondition.compile(expression));
  }

  @Test
  void evaluatesTrueAndFalseConditionsOverAProvenancePredicate() throws Exception {
    assertHolds(
        "predicate.runDetails.builder.id == 'https://ci.acme.dev/builder'"
            + " && predicate.buildDefinition.externalParameters.ref.startsWith('refs/heads/')");
    assertFails("predicate.runDetails.builder.id == 'https://evil.example/builder'");
    assertHolds("predicateType == 'https://slsa.dev/provenance/v1'");
  }

  @Test
  void bindsSubjectsSignersEnvironmentAndActor() throws Exception {
    assertHolds("subjects.size() == 1 && subjects[0].name == 'app.jar'");
    assertHolds("subjects.exists(s, s.digest.sha256 == '" + SHA + "')");
    assertHolds("'release-key' in signers && signers.size() == 2");
    assertHolds("environment == 'production' && actor == 'alice'");
    CelCondition none = CelCondition.compile("environment == '' && actor == ''");
    assertTrue(none.evaluate(PROVENANCE, NOW, null, null).isTrue());
  }

  @Test
  void convertsJsonValuesToCelValues() throws Exception {
    assertHolds("predicate.count == 3 && type(predicate.count) == int");
    assertHolds("type(predicate.score) == double");
    assertHolds("type(predicate.big) == double && predicate.big > 1e29");
    assertHolds("predicate.reviewer == null");
    assertHolds("predicate.approved == true");
    assertHolds("predicate.tags == ['release', 'signed']");
    assertHolds("predicate.checks.all(c, c.passed == true)");
    assertHolds("predicate.checks.map(c, c.name) == ['unit', 'lint']");
    assertHolds("predicate.checks.exists_one(c, c.name == 'lint')");
    assertHolds("predicate.checks.filter(c, c.name == 'fuzz').size() == 0");
  }

  @Test
  void keepsTheOrderOfObjectMembers() {
    Object predicate = CelCondition.attestationVariables(PROVENANCE).get("predicate");
    assertTrue(predicate instanceof Map);
    assertEquals(
        List.of(
            "buildDefinition",
            "runDetails",
            "score",
            "count",
            "big",
            "approved",
            "reviewer",
            "tags",
            "checks"),
        List.copyOf(((Map<?, ?>) predicate).keySet()));
  }

  @Test
  void comparesNumbersAcrossIntAndDouble() throws Exception {
    assertHolds("predicate.score >= 7");
    assertHolds("predicate.count >= 2.5");
    assertHolds("predicate.count == 3.0");
    assertFails("predicate.score < 7");
  }

  @Test
  void hasTellsPresentFromMissingFields() throws Exception {
    assertHolds("has(predicate.runDetails.metadata.invocationId)");
    assertFails("has(predicate.runDetails.byproducts)");
    assertHolds("!has(predicate.materials) || predicate.materials.size() > 0");
    assertHolds("'score' in predicate && !('missing' in predicate)");
  }

  @Test
  void aMissingKeyIsAnErrorResultNotAnException() throws Exception {
    assertEquals("no such key: x at 1:10", errorOf("predicate.x == 1"));
  }

  @Test
  void runtimeErrorsAreErrorResults() throws Exception {
    errorOf("predicate.tags[5] == 'x'");
    errorOf("predicate.runDetails + 1 == 2");
    errorOf("predicate.count / 0 == 1");
    errorOf("timestamp(predicate.tags[0]) < now");
    errorOf("predicate.reviewer.size() == 0");
  }

  @Test
  void anErrorDoesNotDecideWhenTheOtherSideOfAnOrDoes() throws Exception {
    assertHolds("predicate.x == 1 || predicate.count == 3");
    assertFails("predicate.x == 1 && predicate.count == 4");
    errorOf("predicate.x == 1 || predicate.count == 4");
  }

  @Test
  void aMissingVariableInAHandMadeActivationIsAnErrorResult() throws Exception {
    CelCondition condition = CelCondition.compile("actor.startsWith('al')");
    assertTrue(condition.evaluate(Map.of()).error().isPresent());
    assertTrue(condition.evaluate(Map.of("actor", 42L)).error().isPresent());
    assertTrue(condition.evaluate(Map.of("actor", "alice")).isTrue());
  }

  @Test
  void boundsComprehensionIterationsPerEvaluation() throws Exception {
    StringBuilder json = new StringBuilder("{\"items\": [");
    for (int i = 0; i < 1000; i++) {
      json.append(i == 0 ? "" : ",").append(i);
    }
    json.append("]}");
    VerifiedAttestation big = attestation(json.toString());
    CelCondition linear = CelCondition.compile("predicate.items.all(i, i >= 0)");
    assertTrue(linear.evaluate(big, NOW, null, null).isTrue());
    CelCondition quadratic =
        CelCondition.compile("predicate.items.all(i, predicate.items.all(j, i + j >= 0))");
    String error = quadratic.evaluate(big, NOW, null, null).error().orElseThrow();
    assertTrue(error.toLowerCase(Locale.ROOT).contains("iteration budget"), error);
  }

  @Test
  void comparesNowWithTimestampsInThePredicate() throws Exception {
    CelCondition fresh =
        CelCondition.compile(
            "now - timestamp(predicate.runDetails.metadata.finishedOn) < duration('24h')");
    assertTrue(fresh.evaluate(PROVENANCE, NOW, null, null).isTrue());
    assertEquals(
        CelCondition.Result.of(false),
        fresh.evaluate(PROVENANCE, Instant.parse("2026-11-26T10:00:01Z"), null, null));
    assertHolds("now > timestamp('2026-01-01T00:00:00Z')");
    assertHolds("now == timestamp('2026-11-25T12:00:00Z')");
    assertHolds("now.getFullYear() == 2026");
  }

  @Test
  void offersTheStringExtensions() throws Exception {
    assertHolds("predicate.runDetails.builder.id.lowerAscii().contains('acme')");
    assertHolds("predicate.buildDefinition.externalParameters.ref.split('/')[2] == 'main'");
  }

  @Test
  void reportsTheLineAndColumnOfAnUndeclaredReference() {
    CelCondition.CompileError e = compileError("predicate.x == 1 && predicat.y");
    assertEquals("undeclared reference to 'predicat'", e.detail());
    assertEquals(1, e.line());
    assertEquals(21, e.column());
    assertEquals(20, e.offset());
    assertEquals(
        "CEL expression does not compile at 1:21: undeclared reference to 'predicat'",
        e.getMessage());
  }

  @Test
  void reportsPositionsInMultiLineExpressions() {
    String expression = "predicate.count == 3 &&\n  has(predicate.score) &&\n    nope == 1";
    CelCondition.CompileError e = compileError(expression);
    assertEquals(3, e.line());
    assertEquals(5, e.column());
    assertEquals(expression.indexOf("nope"), e.offset());
    assertTrue(e.getMessage().startsWith("CEL expression does not compile at 3:5: "));
  }

  @Test
  void reportsSyntaxErrorsWithPosition() {
    CelCondition.CompileError e = compileError("predicate.count ==");
    assertEquals(1, e.line());
    assertEquals(19, e.column());
    assertEquals(18, e.offset());
  }

  @Test
  void countsColumnsInCharsAfterNonAsciiText() {
    String expression = "predicate.name == '\uD83D\uDE80 \u00e9' && nope";
    CelCondition.CompileError e = compileError(expression);
    assertEquals(expression.indexOf("nope"), e.offset());
    assertEquals(expression.indexOf("nope") + 1, e.column());
  }

  @Test
  void rejectsExpressionsThatAreNotBoolean() {
    assertEquals(
        "must be a boolean condition, but has type int",
        compileError("predicate.count + 1").detail());
    assertEquals(
        "must be a boolean condition, but has type dyn",
        compileError("predicate.approved").detail());
    assertEquals(
        "must be a boolean condition, but has type string", compileError("'yes'").detail());
    assertEquals(
        "must be a boolean condition, but has type list(bool)", compileError("[true]").detail());
  }

  @Test
  void rejectsExpressionsLongerThan8KiB() {
    String expression = "true" + " && true".repeat(1100);
    CelCondition.CompileError e = compileError(expression);
    assertTrue(e.detail().contains("longer than the limit of 8192"), e.detail());
    assertEquals(1, e.line());
    assertEquals(1, e.column());
    assertEquals(0, e.offset());
  }

  @Test
  void reEvaluatesOneCompiledConditionManyTimesFromManyThreads() throws Exception {
    CelCondition condition =
        CelCondition.compile("predicate.checks.all(c, c.passed == true) && predicate.count == 3");
    Map<String, Object> vars = CelCondition.attestationVariables(PROVENANCE);
    AtomicInteger wrong = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  Instant now = NOW.plusSeconds(i);
                  if (!condition
                      .evaluate(CelCondition.activation(vars, now, null, null))
                      .isTrue()) {
                    wrong.incrementAndGet();
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(0, wrong.get());
  }

  @Property(tries = 200)
  void neverThrowsWhileEvaluating(@ForAll String text, @ForAll long number) throws Exception {
    VerifiedAttestation a =
        attestation(
            "{\"s\": "
                + Json.write(new JsonString(text)).toUtf8String()
                + ", \"n\": "
                + number
                + "}");
    for (String expression :
        List.of(
            "predicate.s == 'x'",
            "timestamp(predicate.s) < now",
            "duration(predicate.s) > duration('1s')",
            "predicate.s.matches(predicate.s)",
            "int(predicate.s) == predicate.n",
            "predicate.n * predicate.n > 0",
            "predicate.s.size() / predicate.n > 1",
            "actor.startsWith(environment)")) {
      CelCondition.Result r = CelCondition.compile(expression).evaluate(a, NOW, text, text);
      assertFalse(r.value() && r.error().isPresent(), expression);
    }
  }

  @Property(tries = 300)
  void compilingArbitraryTextThrowsOnlyCompileErrorsWithAPlace(@ForAll String expression) {
    try {
      CelCondition unused = CelCondition.compile(expression);
    } catch (CelCondition.CompileError e) {
      assertTrue(e.offset() >= 0 && e.offset() <= expression.length(), e.getMessage());
      assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
    }
  }
}
