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
 * An SPDX 2.x document as an in-toto predicate ({@value #URI}, or {@value #URI_V2_3}): the whole
 * document, kept as JSON, and the packages a policy reads from it.
 *
 * <p>Decoding checks what the typed view uses: {@code spdxVersion} starts with {@code SPDX-2.},
 * {@code SPDXID} and {@code name} are strings, and each package has a string {@code name}. It does
 * not validate the rest of the document against the SPDX schema. Encoding returns the document
 * unchanged. SPDX 3 ({@code https://spdx.dev/Document/v3}, JSON-LD) is not typed.
 *
 * <p>Immutable and thread-safe. Equal when the documents are equal.
 */
public final class SpdxDocument {
  /** The predicate type URI of SPDX documents of any 2.x version. */
  public static final String URI = "https://spdx.dev/Document";

  /** The predicate type URI of SPDX 2.3 documents. */
  public static final String URI_V2_3 = "https://spdx.dev/Document/v2.3";

  /** The predicate type for {@value #URI}. */
  public static final PredicateType<SpdxDocument> PREDICATE = new SpdxDocumentType(URI);

  /** The predicate type for {@value #URI_V2_3}. */
  public static final PredicateType<SpdxDocument> PREDICATE_V2_3 = new SpdxDocumentType(URI_V2_3);

  private final JsonObject document;
  private final String spdxVersion;
  private final String name;
  private final List<SbomComponent> packages;

  private SpdxDocument(
      JsonObject document, String spdxVersion, String name, List<SbomComponent> packages) {
    this.document = document;
    this.spdxVersion = spdxVersion;
    this.name = name;
    this.packages = List.copyOf(packages);
  }

  /**
   * Reads {@code document}, which came from {@code source}.
   *
   * @throws SscFormatException naming the JSON pointer of the first problem
   */
  public static SpdxDocument of(JsonObject document, String source) throws SscFormatException {
    requireNonNull(document, "document");
    Fields f = Codecs.fields(document, requireNonNull(source, "source"));
    String version = f.requiredString("spdxVersion");
    if (!version.startsWith("SPDX-2.")) {
      throw f.error("spdxVersion", "expected SPDX-2.x, got '" + Codecs.abbreviate(version) + "'");
    }
    var unusedId = f.requiredString("SPDXID");
    String name = f.requiredString("name");
    List<SbomComponent> packages = new ArrayList<>();
    List<JsonValue> array = Codecs.optionalArray(f, "packages");
    for (int i = 0; i < array.size(); i++) {
      Fields p = f.element("packages", array, i);
      SbomComponent.Builder b = SbomComponent.builder().name(p.requiredString("name"));
      p.optionalString("versionInfo").ifPresent(b::version);
      List<JsonValue> refs = Codecs.optionalArray(p, "externalRefs");
      for (int j = 0; j < refs.size(); j++) {
        Fields r = p.element("externalRefs", refs, j);
        if (r.optionalString("referenceType").orElse("").equals("purl")) {
          b.purl(r.requiredString("referenceLocator"));
          break;
        }
      }
      for (String field : new String[] {"licenseConcluded", "licenseDeclared"}) {
        Optional<String> license = p.optionalString(field);
        if (license.isPresent() && isAssertion(license.get())) {
          b.addLicenses(license.get());
          break;
        }
      }
      packages.add(Codecs.build(p, b::build));
    }
    return new SpdxDocument(document, version, name, packages);
  }

  private static boolean isAssertion(String license) {
    return !license.isEmpty() && !license.equals("NOASSERTION") && !license.equals("NONE");
  }

  /** The whole document, exactly as decoded. */
  public JsonObject document() {
    return document;
  }

  /** {@code spdxVersion}, such as {@code SPDX-2.3}. */
  public String spdxVersion() {
    return spdxVersion;
  }

  /** {@code name}: the document's name. */
  public String name() {
    return name;
  }

  /** {@code packages}, with name, {@code versionInfo}, purl and license. */
  public List<SbomComponent> packages() {
    return packages;
  }

  /** The packages whose purl is {@code purl}. */
  public List<SbomComponent> packagesWithPurl(String purl) {
    requireNonNull(purl, "purl");
    List<SbomComponent> out = new ArrayList<>();
    packages.forEach(p -> p.purl().filter(purl::equals).ifPresent(x -> out.add(p)));
    return out;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SpdxDocument && document.equals(((SpdxDocument) other).document);
  }

  @Override
  public int hashCode() {
    return document.hashCode();
  }

  /** The version, name and number of packages. */
  @Override
  public String toString() {
    return "SpdxDocument[" + spdxVersion + ", " + name + ", " + packages.size() + " packages]";
  }
}
