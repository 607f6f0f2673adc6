package dev.ssc.attest.predicate;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;

/** The codec of {@link CycloneDxBom}. */
final class CycloneDxBomType implements PredicateType<CycloneDxBom> {
  @Override
  public String uri() {
    return CycloneDxBom.URI;
  }

  @Override
  public Class<CycloneDxBom> valueType() {
    return CycloneDxBom.class;
  }

  @Override
  public CycloneDxBom decode(JsonObject predicate, String source) throws SscFormatException {
    return CycloneDxBom.of(predicate, source);
  }

  @Override
  public JsonObject encode(CycloneDxBom value) {
    return value.bom();
  }
}
