package dev.ssc.attest.predicate;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.json.JsonObject;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps predicate type URIs to {@link PredicateType}s, to read a statement's predicate as a typed
 * value.
 *
 * <p>A predicate of an unregistered type decodes to an untyped {@link Predicate} that keeps the
 * JSON untouched, and {@link #encode(Predicate)} gives that JSON back exactly. Decoding a
 * registered type is strict: a predicate that does not match its type's schema is an {@link
 * SscFormatException}, not an untyped predicate.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * PredicateRegistry registry = PredicateRegistry.defaults();
 * Predicate p = registry.decode(verifiedAttestation);
 * Optional<SlsaProvenance> provenance = p.as(SlsaProvenance.PREDICATE);
 * }</pre>
 */
public final class PredicateRegistry {
  private final Map<String, PredicateType<?>> types;

  private PredicateRegistry(Map<String, PredicateType<?>> types) {
    this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
  }

  /** The built-in predicate types of ssc, and nothing else. */
  public static List<PredicateType<?>> builtIns() {
    return List.of(
        SlsaProvenance.PREDICATE,
        SlsaVerificationSummary.PREDICATE,
        TestResult.PREDICATE,
        VulnerabilityScan.PREDICATE,
        Link.PREDICATE,
        CodeReview.PREDICATE,
        SpdxDocument.PREDICATE,
        SpdxDocument.PREDICATE_V2_3,
        CycloneDxBom.PREDICATE,
        OpenVex.PREDICATE);
  }

  /** A registry of the {@linkplain #builtIns() built-in types}. */
  public static PredicateRegistry defaults() {
    return builder().addBuiltIns().build();
  }

  /** A builder of an empty registry. */
  public static Builder builder() {
    return new Builder();
  }

  /** The registered type for {@code uri}, if any. */
  public Optional<PredicateType<?>> find(String uri) {
    return Optional.ofNullable(types.get(requireNonNull(uri, "uri")));
  }

  /** The registered types, in registration order. */
  public Collection<PredicateType<?>> types() {
    return types.values();
  }

  /**
   * Decodes the predicate of a verified attestation; errors name its evidence id.
   *
   * @throws SscFormatException if the type is registered and the predicate does not match it
   */
  public Predicate decode(VerifiedAttestation attestation) throws SscFormatException {
    requireNonNull(attestation, "attestation");
    return decode(attestation.statement(), "predicate of evidence " + attestation.evidenceId());
  }

  /**
   * Decodes the predicate of {@code statement}, which came from {@code source}. Use {@link
   * #decode(VerifiedAttestation)} for evidence: an unverified statement must not reach a decision.
   *
   * @throws SscFormatException if the type is registered and the predicate does not match it
   */
  public Predicate decode(Statement statement, String source) throws SscFormatException {
    requireNonNull(statement, "statement");
    requireNonNull(source, "source");
    PredicateType<?> type = types.get(statement.predicateType());
    if (type == null) {
      return Predicate.untyped(statement.predicateType(), statement.predicate());
    }
    return decodeTyped(type, statement.predicate(), source);
  }

  private static <T> Predicate decodeTyped(PredicateType<T> type, JsonObject json, String source)
      throws SscFormatException {
    return Predicate.typed(type, json, type.decode(json, source));
  }

  /**
   * The JSON of {@code predicate}: exactly the original JSON when it is untyped, the typed value
   * encoded by its type otherwise.
   */
  public JsonObject encode(Predicate predicate) {
    requireNonNull(predicate, "predicate");
    Optional<PredicateType<?>> type = predicate.type();
    if (type.isEmpty()) {
      return predicate.json();
    }
    return encodeTyped(type.get(), predicate);
  }

  private static <T> JsonObject encodeTyped(PredicateType<T> type, Predicate predicate) {
    return type.encode(predicate.as(type).orElseThrow());
  }

  /**
   * Builds a {@link PredicateRegistry}. Confined to one thread.
   *
   * <p>Registering two types with one URI is an error, whichever they are.
   */
  public static final class Builder {
    private final Map<String, PredicateType<?>> types = new LinkedHashMap<>();

    Builder() {}

    /**
     * Registers the {@linkplain #builtIns() built-in types}.
     *
     * @throws IllegalArgumentException if one of their URIs is already registered
     */
    @CanIgnoreReturnValue
    public Builder addBuiltIns() {
      builtIns().forEach(this::add);
      return this;
    }

    /**
     * Registers {@code type}.
     *
     * @throws IllegalArgumentException if its URI is empty or already registered
     */
    @CanIgnoreReturnValue
    public Builder add(PredicateType<?> type) {
      requireNonNull(type, "type");
      String uri = requireNonNull(type.uri(), "type.uri()");
      if (uri.isEmpty()) {
        throw new IllegalArgumentException("predicate type URI must not be empty");
      }
      PredicateType<?> previous = types.putIfAbsent(uri, type);
      if (previous != null) {
        throw new IllegalArgumentException(
            "predicate type "
                + uri
                + " is already registered (as "
                + previous.valueType().getName()
                + "), cannot register "
                + type.valueType().getName());
      }
      return this;
    }

    /** Builds the registry. */
    public PredicateRegistry build() {
      return new PredicateRegistry(types);
    }
  }
}
