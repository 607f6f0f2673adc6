package dev.ssc.attest.predicate;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;
import dev.ssc.attest.json.Fields;

/** The codec of {@link Link}. */
final class LinkType implements PredicateType<Link> {
  @Override
  public String uri() {
    return Link.URI;
  }

  @Override
  public Class<Link> valueType() {
    return Link.class;
  }

  @Override
  public Link decode(JsonObject predicate, String source) throws SscFormatException {
    Fields f = Codecs.fields(predicate, source);
    Link.Builder b = Link.builder();
    b.name(Codecs.requiredNonEmpty(f, "name"));
    b.addAllCommand(Codecs.strings(f, "command", false));
    b.addAllMaterials(Codecs.descriptors(f, "materials", false));
    f.optionalObject("byproducts").ifPresent(b::byproducts);
    f.optionalObject("environment").ifPresent(b::environment);
    return Codecs.build(f, b::build);
  }

  @Override
  public JsonObject encode(Link l) {
    return new Codecs.Writer()
        .put("name", l.name())
        .strings("command", l.command(), true)
        .descriptors("materials", l.materials(), false)
        .putIfNotEmpty("byproducts", l.byproducts())
        .putIfNotEmpty("environment", l.environment())
        .build();
  }
}
