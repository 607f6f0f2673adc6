package dev.ssc.attest.predicate;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;

/** The codec of {@link SpdxDocument}, for one of its URIs. */
final class SpdxDocumentType implements PredicateType<SpdxDocument> {
  private final String uri;

  SpdxDocumentType(String uri) {
    this.uri = uri;
  }

  @Override
  public String uri() {
    return uri;
  }

  @Override
  public Class<SpdxDocument> valueType() {
    return SpdxDocument.class;
  }

  @Override
  public SpdxDocument decode(JsonObject predicate, String source) throws SscFormatException {
    return SpdxDocument.of(predicate, source);
  }

  @Override
  public JsonObject encode(SpdxDocument value) {
    return value.document();
  }
}
