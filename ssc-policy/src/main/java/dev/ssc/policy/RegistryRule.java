package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.SlsaProvenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Requires that the build's image references come only from allowed registries and are pinned by
 * digest, with Docker Hub denied outright unless explicitly permitted.
 *
 * <p>The references checked are those of every trusted SLSA provenance v1 about the subject signed
 * by the {@linkplain Builder#authority authority}: the container images among its {@code
 * resolvedDependencies} (recognized as {@link BaseImageRule} does: {@code pkg:docker/} and {@code
 * pkg:oci/} package URLs, {@code docker://} and {@code oci://} URIs, image manifest media types)
 * and its statement subjects whose name is an image: an image URI, or a reference with an explicit
 * registry ({@code ghcr.io/acme/app}) or with a tag or digest ({@code acme/app:1.2}); a bare name
 * such as {@code app.jar} is a file name.
 *
 * <p>Registries are compared as {@code host[:port]}, case-insensitively, after {@link
 * ImageReference}'s normalization ({@code alpine} and {@code library/alpine} are {@code
 * docker.io/library/alpine}) and with Docker Hub's host names {@code index.docker.io}, {@code
 * registry-1.docker.io} and {@code registry.hub.docker.com} taken as {@code docker.io}. With
 * {@linkplain Builder#denyDockerHub(boolean) denyDockerHub} (the default) every Docker Hub
 * reference fails, and listing {@code docker.io} as allowed is a configuration error. A reference
 * is pinned when it carries a digest or the descriptor naming it records a sha256, sha384 or sha512
 * digest (a subject always does); {@linkplain Builder#requireDigest(boolean) requireDigest} is on
 * by default. A reference that cannot be read, names no registry, or whose digests disagree fails.
 * The result lists every offending reference and why.
 *
 * <pre>{@code
 * Rule registries = RegistryRule.builder()
 *     .authority(Authority.ofKeyIds("ci", 1, Set.of("ci-key")))
 *     .allow("ghcr.io")
 *     .allow("registry.acme.dev:5000")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RegistryRule implements Rule {
  private final ContainerImages.Cache imageCache = new ContainerImages.Cache();

  /** The rule id unless one is set. */
  public static final String DEFAULT_ID = "registries";

  private static final Pattern HOST =
      Pattern.compile(
          "(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])(?:\\.(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9]))*"
              + "(?::[0-9]{1,5})?|\\[[a-f0-9:]+\\](?::[0-9]{1,5})?");

  private final String id;
  private final Authority authority;
  private final Set<String> allowed;
  private final boolean denyDockerHub;
  private final boolean requireDigest;

  private RegistryRule(Builder b, Authority authority) {
    this.id = b.id;
    this.authority = authority;
    this.allowed = Collections.unmodifiableSet(new LinkedHashSet<>(b.allowed));
    this.denyDockerHub = b.denyDockerHub;
    this.requireDigest = b.requireDigest;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public RuleResult evaluate(RuleContext context) {
    EvidenceSearch<SlsaProvenance> found =
        context.find(SlsaProvenance.PREDICATE, authority, context.subject());
    RuleResult.Builder r = RuleResult.builder().ruleId(id).addAllEvidence(found.ids());
    if (found.isEmpty()) {
      return r.outcome(RuleResult.Outcome.FAIL)
          .message(found.describeMissing(context.subject().toString()))
          .remedy(
              "provide SLSA provenance v1 about this exact digest, signed by "
                  + authority.threshold()
                  + " of the keys of authority '"
                  + authority.name()
                  + "'")
          .build();
    }
    Map<String, ContainerImages.Image> images = new LinkedHashMap<>();
    for (Evidence<SlsaProvenance> e : found.trusted()) {
      for (ResourceDescriptor d : e.predicate().resolvedDependencies()) {
        imageCache.of(d).ifPresent(i -> images.putIfAbsent(key(i), i));
      }
      for (ResourceDescriptor s : e.attestation().statement().subjects()) {
        imageCache.ofSubject(s).ifPresent(i -> images.putIfAbsent(key(i), i));
      }
    }
    if (images.isEmpty()) {
      return r.outcome(RuleResult.Outcome.PASS)
          .message(
              "the trusted provenance names no image reference, neither among its"
                  + " resolvedDependencies nor as a subject")
          .build();
    }
    List<String> bad = new ArrayList<>();
    Set<String> seenRegistries = new LinkedHashSet<>();
    for (ContainerImages.Image image : images.values()) {
      List<String> why = offences(image);
      if (why.isEmpty()) {
        image.registry().ifPresent(seenRegistries::add);
      } else {
        bad.add(image + " (" + String.join("; ", why) + ")");
      }
    }
    if (bad.isEmpty()) {
      return r.outcome(RuleResult.Outcome.PASS)
          .message(
              "all "
                  + images.size()
                  + " image references come from allowed registries "
                  + seenRegistries
                  + (requireDigest ? " and are pinned by digest" : ""))
          .build();
    }
    return r.outcome(RuleResult.Outcome.FAIL)
        .message(
            bad.size()
                + " of "
                + images.size()
                + " image references are not allowed: "
                + String.join("; ", bad))
        .remedy(
            "use images only from "
                + allowed
                + (requireDigest ? ", pinned by digest (image@sha256:...)" : "")
                + (denyDockerHub ? "; mirror Docker Hub images into an allowed registry" : ""))
        .build();
  }

  private static String key(ContainerImages.Image i) {
    return i.shown() + " " + i.digests();
  }

  private List<String> offences(ContainerImages.Image image) {
    List<String> why = new ArrayList<>(2);
    Optional<String> registry = image.registry();
    if (registry.isEmpty()) {
      why.add(image.problem().orElse("names no registry"));
      return why;
    }
    image.problem().ifPresent(why::add);
    String host = registry.get();
    if (denyDockerHub && ContainerImages.isDockerHub(host)) {
      why.add("registry docker.io is Docker Hub, which is denied");
    } else if (!allowed.contains(host)) {
      why.add("registry " + host + " is not allowed; allowed: " + allowed);
    }
    if (requireDigest && !image.isPinned() && image.problem().isEmpty()) {
      why.add("not pinned by digest");
    }
    return why;
  }

  @Override
  public String toString() {
    return "RegistryRule[" + id + ", " + authority.name() + ", allowed " + allowed + "]";
  }

  /**
   * Builds a {@link RegistryRule}; the authority and at least one allowed registry are required.
   */
  public static final class Builder {
    private String id = DEFAULT_ID;
    private @Nullable Authority authority;
    private final Set<String> allowed = new LinkedHashSet<>();
    private boolean denyDockerHub = true;
    private boolean requireDigest = true;

    Builder() {}

    /** Sets the rule id; {@value RegistryRule#DEFAULT_ID} unless set. */
    @CanIgnoreReturnValue
    public Builder id(String id) {
      Rules.checkId(id);
      this.id = id;
      return this;
    }

    /** Sets the authority whose keys sign the provenance that names the images. */
    @CanIgnoreReturnValue
    public Builder authority(Authority authority) {
      this.authority = requireNonNull(authority, "authority");
      return this;
    }

    /**
     * Allows the registry {@code host[:port]}, such as {@code ghcr.io} or {@code
     * registry.acme.dev:5000} (case-insensitive; Docker Hub's host names mean {@code docker.io}).
     *
     * @throws IllegalArgumentException if it is not a host with optional port (no scheme, no path)
     */
    @CanIgnoreReturnValue
    public Builder allow(String registry) {
      requireNonNull(registry, "registry");
      String host = registry.strip().toLowerCase(Locale.ROOT);
      if (!HOST.matcher(host).matches()) {
        throw new IllegalArgumentException(
            "an allowed registry is host[:port] without scheme or path, such as ghcr.io; got '"
                + registry
                + "'");
      }
      allowed.add(ContainerImages.normalizeRegistry(host));
      return this;
    }

    /**
     * Allows these registries, as {@link #allow(String)}.
     *
     * @throws IllegalArgumentException if {@code registries} is empty or one is invalid
     */
    @CanIgnoreReturnValue
    public Builder allow(Iterable<String> registries) {
      requireNonNull(registries, "registries");
      boolean any = false;
      for (String r : registries) {
        allow(r);
        any = true;
      }
      if (!any) {
        throw new IllegalArgumentException("the allowed registries must not be empty");
      }
      return this;
    }

    /**
     * Sets whether every Docker Hub reference fails; {@code true} unless set. With {@code false},
     * Docker Hub is allowed only if {@code docker.io} is allowed.
     */
    @CanIgnoreReturnValue
    public Builder denyDockerHub(boolean denyDockerHub) {
      this.denyDockerHub = denyDockerHub;
      return this;
    }

    /**
     * Sets whether every reference must be pinned by digest; {@code true} unless set. Turning it
     * off accepts references by tag alone, which name no particular image.
     */
    @CanIgnoreReturnValue
    public Builder requireDigest(boolean requireDigest) {
      this.requireDigest = requireDigest;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws IllegalStateException if the authority is missing
     * @throws IllegalArgumentException if no registry is allowed, or {@code docker.io} is allowed
     *     while Docker Hub is denied
     */
    public RegistryRule build() {
      Authority a = authority;
      if (a == null) {
        throw new IllegalStateException("rule '" + id + "' needs an authority");
      }
      if (allowed.isEmpty()) {
        throw new IllegalArgumentException("rule '" + id + "' needs at least one allowed registry");
      }
      if (denyDockerHub && allowed.contains(ImageReference.DOCKER_HUB)) {
        throw new IllegalArgumentException(
            "rule '"
                + id
                + "' allows docker.io but denies Docker Hub; set denyDockerHub to false to allow"
                + " it");
      }
      return new RegistryRule(this, a);
    }
  }
}
