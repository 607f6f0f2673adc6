package dev.ssc.attest.predicate;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CycloneDX BOM as an in-toto predicate ({@value #URI}): the whole BOM, kept as JSON, and the
 * components a policy reads from it, nested components included (depth first).
 *
 * <p>Decoding checks what the typed view uses: {@code bomFormat} is {@code CycloneDX}, {@code
 * specVersion} is a string, each component has a string {@code name}, and licenses are objects with
 * a {@code license} ({@code id} or {@code name}) or an {@code expression}. It does not validate the
 * rest against the CycloneDX schema. Encoding returns the BOM unchanged.
 *
 * <p>Immutable and thread-safe. Equal when the BOMs are equal.
 */
public final class CycloneDxBom {
  /** The predicate type URI. */
  public static final String URI = "https://cyclonedx.org/bom";

  /** The predicate type, for {@link PredicateRegistry} and {@link Predicate#as}. */
  public static final PredicateType<CycloneDxBom> PREDICATE = new CycloneDxBomType();

  private final JsonObject bom;
  private final String specVersion;
  private final List<SbomComponent> components;

  private CycloneDxBom(JsonObject bom, String specVersion, List<SbomComponent> components) {
    this.bom = bom;
    this.specVersion = specVersion;
    this.components = List.copyOf(components);
  }

  /**
   * Reads {@code bom}, which came from {@code source}.
   *
   * @throws SscFormatException naming the JSON pointer of the first problem
   */
  public static CycloneDxBom of(JsonObject bom, String source) throws SscFormatException {
    requireNonNull(bom, "bom");
    Fields f = Codecs.fields(bom, requireNonNull(source, "source"));
    String format = f.requiredString("bomFormat");
    if (!format.equals("CycloneDX")) {
      throw f.error("bomFormat", "expected 'CycloneDX', got '" + Codecs.abbreviate(format) + "'");
    }
    String specVersion = f.requiredString("specVersion");
    List<SbomComponent> components = new ArrayList<>();
    collect(f, components);
    return new CycloneDxBom(bom, specVersion, components);
  }

  private static void collect(Fields parent, List<SbomComponent> out) throws SscFormatException {
    List<JsonValue> array = Codecs.optionalArray(parent, "components");
    for (int i = 0; i < array.size(); i++) {
      Fields c = parent.element("components", array, i);
      SbomComponent.Builder b = SbomComponent.builder().name(c.requiredString("name"));
      c.optionalString("version").ifPresent(b::version);
      c.optionalString("purl").ifPresent(b::purl);
      List<JsonValue> licenses = Codecs.optionalArray(c, "licenses");
      for (int j = 0; j < licenses.size(); j++) {
        Fields l = c.element("licenses", licenses, j);
        Optional<String> expression = l.optionalString("expression");
        if (expression.isPresent()) {
          b.addLicenses(expression.get());
          continue;
        }
        Fields license = Codecs.requiredObject(l, "license");
        Optional<String> id = license.optionalString("id");
        b.addLicenses(id.isPresent() ? id.get() : license.requiredString("name"));
      }
      out.add(Codecs.build(c, b::build));
      collect(c, out);
    }
  }

  /** The whole BOM, exactly as decoded. */
  public JsonObject bom() {
    return bom;
  }

  /** {@code specVersion}, such as {@code 1.6}. */
  public String specVersion() {
    return specVersion;
  }

  /** Every component, nested ones included, depth first. */
  public List<SbomComponent> components() {
    return components;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CycloneDxBom && bom.equals(((CycloneDxBom) other).bom);
  }

  @Override
  public int hashCode() {
    return bom.hashCode();
  }

  /** The spec version and number of components. */
  @Override
  public String toString() {
    return "CycloneDxBom[" + specVersion + ", " + components.size() + " components]";
  }
}
