package dev.ssc.attest.predicate;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * An OpenVEX component: a {@code product} of a {@link VexStatement}, or one of a product's {@code
 * subcomponents}. It is identified by an {@code @id} (an IRI, often a package URL) and/or software
 * {@code identifiers} ({@code purl}, {@code cpe22}, {@code cpe23}), and optionally by {@code
 * hashes}.
 *
 * <p>OpenVEX hash labels are mapped to ssc digest algorithms where ssc defines them: {@code
 * sha-256} is {@link DigestAlgorithm#SHA256}, {@code sha3-256} is {@link DigestAlgorithm#SHA3_256},
 * and so on ({@link #HASH_LABELS}); {@code md5} and {@code sha1} are known but never accepted for
 * matching; the {@code blake2*} labels have no ssc algorithm and are kept under their OpenVEX names
 * as unknown algorithms, which are never accepted for matching either.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class VexComponent {
  /**
   * OpenVEX hash label (Appendix A of the specification) to ssc digest algorithm, in spec order.
   */
  public static final Map<String, DigestAlgorithm> HASH_LABELS = hashLabels();

  private static Map<String, DigestAlgorithm> hashLabels() {
    Map<String, DigestAlgorithm> m = new LinkedHashMap<>();
    m.put("md5", DigestAlgorithm.MD5);
    m.put("sha1", DigestAlgorithm.SHA1);
    m.put("sha-256", DigestAlgorithm.SHA256);
    m.put("sha-384", DigestAlgorithm.SHA384);
    m.put("sha-512", DigestAlgorithm.SHA512);
    m.put("sha3-224", DigestAlgorithm.SHA3_224);
    m.put("sha3-256", DigestAlgorithm.SHA3_256);
    m.put("sha3-384", DigestAlgorithm.SHA3_384);
    m.put("sha3-512", DigestAlgorithm.SHA3_512);
    m.put("blake2s-256", DigestAlgorithm.of("blake2s-256"));
    m.put("blake2b-256", DigestAlgorithm.of("blake2b-256"));
    m.put("blake2b-512", DigestAlgorithm.of("blake2b-512"));
    return Collections.unmodifiableMap(m);
  }

  VexComponent() {}

  /** {@code @id}: the IRI identifying the component, such as a package URL. */
  public abstract Optional<String> id();

  /** {@code identifiers.purl}: the component's package URL. */
  public abstract Optional<String> purl();

  /** {@code identifiers.cpe22}: its CPE 2.2 name. */
  public abstract Optional<String> cpe22();

  /** {@code identifiers.cpe23}: its CPE 2.3 name. */
  public abstract Optional<String> cpe23();

  /**
   * {@code hashes}, with OpenVEX labels mapped to ssc algorithms ({@link #HASH_LABELS}); empty when
   * absent.
   */
  @Value.Default
  public DigestSet hashes() {
    return DigestSet.empty();
  }

  /** {@code subcomponents} of a product; always empty for a subcomponent. */
  public abstract List<VexComponent> subcomponents();

  /**
   * Whether {@code purl} names this component: it equals {@link #purl()} or {@link #id()} exactly
   * (package URLs are IRIs, so the specification lets {@code @id} be one). No normalization: a purl
   * spelled differently (qualifier order, case of the type) does not match.
   */
  public boolean isNamedBy(@Nullable String purl) {
    if (purl == null) {
      return false;
    }
    return purl.equals(purl().orElse(null)) || purl.equals(id().orElse(null));
  }

  /**
   * Whether {@code digests} identify this component: {@link #hashes()} {@linkplain
   * DigestSet#matches matches} them on an algorithm accepted for matching.
   */
  public boolean isIdentifiedBy(DigestSet digests) {
    requireNonNull(digests, "digests");
    return hashes().matches(digests);
  }

  /** The OpenVEX hash label of {@code algorithm}, if OpenVEX defines one. */
  public static Optional<String> hashLabel(DigestAlgorithm algorithm) {
    requireNonNull(algorithm, "algorithm");
    for (Map.Entry<String, DigestAlgorithm> e : HASH_LABELS.entrySet()) {
      if (e.getValue().equals(algorithm)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableVexComponent.builder();
  }

  /** Builds a {@link VexComponent}; an {@code @id} or an identifier is required. */
  public interface Builder {
    /** Sets the {@code @id}. */
    @CanIgnoreReturnValue
    Builder id(String id);

    /** Sets the package URL identifier. */
    @CanIgnoreReturnValue
    Builder purl(String purl);

    /** Sets the CPE 2.2 identifier. */
    @CanIgnoreReturnValue
    Builder cpe22(String cpe22);

    /** Sets the CPE 2.3 identifier. */
    @CanIgnoreReturnValue
    Builder cpe23(String cpe23);

    /** Sets the hashes; their algorithms must have OpenVEX labels ({@link #HASH_LABELS}). */
    @CanIgnoreReturnValue
    Builder hashes(DigestSet hashes);

    /** Adds a subcomponent. */
    @CanIgnoreReturnValue
    Builder addSubcomponents(VexComponent subcomponent);

    /** Adds subcomponents. */
    @CanIgnoreReturnValue
    Builder addAllSubcomponents(Iterable<? extends VexComponent> subcomponents);

    /**
     * Builds the component.
     *
     * @throws IllegalArgumentException if it has neither {@code @id} nor identifier, a value is
     *     empty, the purl does not start with {@code pkg:}, a hash algorithm has no OpenVEX label,
     *     a subcomponent repeats or has subcomponents of its own
     */
    VexComponent build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (id().isEmpty() && purl().isEmpty() && cpe22().isEmpty() && cpe23().isEmpty()) {
      problems.add("a component needs an @id or identifiers (purl, cpe22 or cpe23)");
    }
    nonEmpty(problems, "@id", id().orElse(null));
    nonEmpty(problems, "identifiers.cpe22", cpe22().orElse(null));
    nonEmpty(problems, "identifiers.cpe23", cpe23().orElse(null));
    if (purl().isPresent() && !purl().get().startsWith("pkg:")) {
      problems.add(
          "identifiers.purl must be a package URL starting with 'pkg:', got '"
              + Codecs.abbreviate(purl().get())
              + "'");
    }
    for (Digest d : hashes().digests()) {
      if (hashLabel(d.algorithm()).isEmpty()) {
        problems.add(
            "hashes: algorithm " + d.algorithm() + " has no OpenVEX label " + HASH_LABELS.keySet());
      }
    }
    for (int i = 0; i < subcomponents().size(); i++) {
      if (!subcomponents().get(i).subcomponents().isEmpty()) {
        problems.add("subcomponents[" + i + "] must not have subcomponents of its own");
      }
    }
    if (new HashSet<>(subcomponents()).size() != subcomponents().size()) {
      problems.add("subcomponents must be unique");
    }
    Checks.throwIfAny("VexComponent", problems);
  }

  static void nonEmpty(List<String> problems, String name, @Nullable String value) {
    if (value != null && value.isEmpty()) {
      problems.add(name + " must not be empty");
    }
  }
}
