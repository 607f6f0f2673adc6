package dev.ssc.attest.predicate;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;
import dev.ssc.attest.json.Fields;
import java.util.Optional;

/** The codec of {@link SlsaProvenance}. */
final class SlsaProvenanceType implements PredicateType<SlsaProvenance> {
  @Override
  public String uri() {
    return SlsaProvenance.URI;
  }

  @Override
  public Class<SlsaProvenance> valueType() {
    return SlsaProvenance.class;
  }

  @Override
  public SlsaProvenance decode(JsonObject predicate, String source) throws SscFormatException {
    Fields f = Codecs.fields(predicate, source);
    SlsaProvenance.Builder b = SlsaProvenance.builder();
    Fields def = Codecs.requiredObject(f, "buildDefinition");
    b.buildType(Codecs.requiredNonEmpty(def, "buildType"));
    JsonObject external = def.requiredObject("externalParameters");
    if (external.members().isEmpty()) {
      throw def.error("externalParameters", "must not be empty");
    }
    b.externalParameters(external);
    def.optionalObject("internalParameters").ifPresent(b::internalParameters);
    b.addAllResolvedDependencies(Codecs.descriptors(def, "resolvedDependencies", false));
    Fields run = Codecs.requiredObject(f, "runDetails");
    Fields builder = Codecs.requiredObject(run, "builder");
    b.builderId(Codecs.requiredNonEmpty(builder, "id"));
    b.putAllBuilderVersion(Codecs.stringMap(builder, "version"));
    b.addAllBuilderDependencies(Codecs.descriptors(builder, "builderDependencies", false));
    Optional<Fields> metadata = Codecs.optionalObject(run, "metadata");
    if (metadata.isPresent()) {
      metadata.get().optionalString("invocationId").ifPresent(b::invocationId);
      Codecs.timestamp(metadata.get(), "startedOn").ifPresent(b::startedOn);
      Codecs.timestamp(metadata.get(), "finishedOn").ifPresent(b::finishedOn);
    }
    b.addAllByproducts(Codecs.descriptors(run, "byproducts", false));
    return Codecs.build(f, b::build);
  }

  @Override
  public JsonObject encode(SlsaProvenance p) {
    JsonObject definition =
        new Codecs.Writer()
            .put("buildType", p.buildType())
            .put("externalParameters", p.externalParameters())
            .putIfNotEmpty("internalParameters", p.internalParameters())
            .descriptors("resolvedDependencies", p.resolvedDependencies(), false)
            .build();
    JsonObject builder =
        new Codecs.Writer()
            .put("id", p.builderId())
            .stringMap("version", p.builderVersion())
            .descriptors("builderDependencies", p.builderDependencies(), false)
            .build();
    JsonObject metadata =
        new Codecs.Writer()
            .put("invocationId", p.invocationId())
            .put("startedOn", p.startedOn())
            .put("finishedOn", p.finishedOn())
            .build();
    JsonObject run =
        new Codecs.Writer()
            .put("builder", builder)
            .putIfNotEmpty("metadata", metadata)
            .descriptors("byproducts", p.byproducts(), false)
            .build();
    return new Codecs.Writer().put("buildDefinition", definition).put("runDetails", run).build();
  }
}
