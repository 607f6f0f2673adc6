package dev.ssc.attest.predicate;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.intoto.StatementCodec;
import dev.ssc.attest.json.Fields;
import java.util.Map;
import java.util.Optional;

/** The codec of {@link SlsaVerificationSummary}. */
final class SlsaVerificationSummaryType implements PredicateType<SlsaVerificationSummary> {
  @Override
  public String uri() {
    return SlsaVerificationSummary.URI;
  }

  @Override
  public Class<SlsaVerificationSummary> valueType() {
    return SlsaVerificationSummary.class;
  }

  @Override
  public SlsaVerificationSummary decode(JsonObject predicate, String source)
      throws SscFormatException {
    Fields f = Codecs.fields(predicate, source);
    SlsaVerificationSummary.Builder b = SlsaVerificationSummary.builder();
    Fields verifier = Codecs.requiredObject(f, "verifier");
    b.verifierId(Codecs.requiredNonEmpty(verifier, "id"));
    b.putAllVerifierVersion(Codecs.stringMap(verifier, "version"));
    b.timeVerified(Codecs.requiredTimestamp(f, "timeVerified"));
    b.resourceUri(Codecs.requiredNonEmpty(f, "resourceUri"));
    b.policy(StatementCodec.decodeDescriptor(Codecs.requiredObject(f, "policy")));
    b.addAllInputAttestations(Codecs.descriptors(f, "inputAttestations", false));
    b.verificationResult(
        Codecs.enumValue(f, "verificationResult", SlsaVerificationSummary.Result.class));
    b.addAllVerifiedLevels(Codecs.strings(f, "verifiedLevels", true));
    Optional<JsonObject> levels = f.optionalObject("dependencyLevels");
    if (levels.isPresent()) {
      Fields lf = f.nested("dependencyLevels", levels.get());
      for (Map.Entry<String, JsonValue> e : levels.get().members().entrySet()) {
        b.putDependencyLevels(e.getKey(), count(lf, e.getKey(), e.getValue()));
      }
    }
    f.optionalString("slsaVersion").ifPresent(b::slsaVersion);
    return Codecs.build(f, b::build);
  }

  private static int count(Fields f, String name, JsonValue value) throws SscFormatException {
    if (value instanceof JsonNumber) {
      try {
        int n = ((JsonNumber) value).value().intValueExact();
        if (n >= 0) {
          return n;
        }
      } catch (ArithmeticException e) {
        // reported below
      }
    }
    throw f.error(name, "expected a non-negative integer");
  }

  @Override
  public JsonObject encode(SlsaVerificationSummary v) {
    JsonObject verifier =
        new Codecs.Writer()
            .put("id", v.verifierId())
            .stringMap("version", v.verifierVersion())
            .build();
    return new Codecs.Writer()
        .put("verifier", verifier)
        .put("timeVerified", v.timeVerified().toString())
        .put("resourceUri", v.resourceUri())
        .put("policy", StatementCodec.encodeDescriptor(v.policy()))
        .descriptors("inputAttestations", v.inputAttestations(), false)
        .put("verificationResult", v.verificationResult().name())
        .strings("verifiedLevels", v.verifiedLevels(), true)
        .intMap("dependencyLevels", v.dependencyLevels())
        .put("slsaVersion", v.slsaVersion())
        .build();
  }
}
