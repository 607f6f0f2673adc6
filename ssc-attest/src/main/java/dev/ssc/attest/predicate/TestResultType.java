package dev.ssc.attest.predicate;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;
import dev.ssc.attest.json.Fields;

/** The codec of {@link TestResult}. */
final class TestResultType implements PredicateType<TestResult> {
  @Override
  public String uri() {
    return TestResult.URI;
  }

  @Override
  public Class<TestResult> valueType() {
    return TestResult.class;
  }

  @Override
  public TestResult decode(JsonObject predicate, String source) throws SscFormatException {
    Fields f = Codecs.fields(predicate, source);
    TestResult.Builder b = TestResult.builder();
    b.result(Codecs.enumValue(f, "result", TestResult.Result.class));
    b.addAllConfiguration(Codecs.descriptors(f, "configuration", true));
    f.optionalString("url").ifPresent(b::url);
    b.addAllPassedTests(Codecs.strings(f, "passedTests", false));
    b.addAllWarnedTests(Codecs.strings(f, "warnedTests", false));
    b.addAllFailedTests(Codecs.strings(f, "failedTests", false));
    return Codecs.build(f, b::build);
  }

  @Override
  public JsonObject encode(TestResult t) {
    return new Codecs.Writer()
        .put("result", t.result().name())
        .descriptors("configuration", t.configuration(), true)
        .put("url", t.url())
        .strings("passedTests", t.passedTests(), false)
        .strings("warnedTests", t.warnedTests(), false)
        .strings("failedTests", t.failedTests(), false)
        .build();
  }
}
