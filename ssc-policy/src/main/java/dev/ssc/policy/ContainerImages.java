package dev.ssc.policy;

import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes container images among resource descriptors, as SLSA provenance lists them.
 *
 * <p>A descriptor is a container image when
 *
 * <ul>
 *   <li>its {@code uri} is a package URL of type {@code docker} ({@code
 *       pkg:docker/[namespace/]name@version}, as BuildKit writes base images, e.g. {@code
 *       pkg:docker/alpine@3.19?platform=linux%2Famd64}; a registry in the namespace is kept, a
 *       {@code repository_url} qualifier is prepended; the version is a tag, or a digest if it has
 *       the form {@code sha256:hex}) or of type {@code oci} ({@code
 *       pkg:oci/name@sha256%3Ahex?repository_url=ghcr.io/acme/name&tag=1}; the {@code
 *       repository_url} qualifier names registry and repository, with {@code /name} appended unless
 *       it already ends in it; without it the registry is unknown), or
 *   <li>its {@code uri} has the scheme {@code docker://} or {@code oci://} followed by an image
 *       reference, or
 *   <li>its {@code mediaType} is an OCI or Docker image manifest or index, in which case the
 *       reference is read from the {@code uri} or else the {@code name}.
 * </ul>
 *
 * <p>Image references are parsed and normalized by {@link ImageReference} ({@code alpine} is {@code
 * docker.io/library/alpine}). An image's digests are the {@code sha256}, {@code sha384} and {@code
 * sha512} members of the descriptor's digest set plus the digest in the reference; if the two
 * disagree, the image is in {@linkplain Image#problem() conflict}.
 */
final class ContainerImages {
  private ContainerImages() {}

  /** Media types that make a descriptor a container image. */
  static final Set<String> IMAGE_MEDIA_TYPES =
      Set.of(
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.docker.distribution.manifest.list.v2+json");

  private static final Set<String> DOCKER_HUB_ALIASES =
      Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

  private static final List<DigestAlgorithm> IMAGE_ALGORITHMS =
      List.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA384, DigestAlgorithm.SHA512);

  /** A container image found in a descriptor. */
  static final class Image {
    private final String shown;
    private final @Nullable ImageReference reference;
    private final DigestSet digests;
    private final @Nullable String problem;

    Image(
        String shown,
        @Nullable ImageReference reference,
        DigestSet digests,
        @Nullable String problem) {
      this.shown = shown;
      this.reference = reference;
      this.digests = digests;
      this.problem = problem;
    }

    /** The image as the descriptor writes it, for messages. */
    String shown() {
      return shown;
    }

    /** The parsed reference; empty if it could not be read or names no registry. */
    Optional<ImageReference> reference() {
      return Optional.ofNullable(reference);
    }

    /** The image digests (sha256, sha384, sha512) known from descriptor and reference. */
    DigestSet digests() {
      return digests;
    }

    /** Whether the image is identified by a digest. */
    boolean isPinned() {
      return !digests.isEmpty();
    }

    /** Why the image cannot be judged (unreadable reference, conflicting digests), if so. */
    Optional<String> problem() {
      return Optional.ofNullable(problem);
    }

    /** The normalized registry host, lowercase, with Docker Hub's aliases as {@code docker.io}. */
    Optional<String> registry() {
      return reference().map(r -> normalizeRegistry(r.registry()));
    }

    @Override
    public String toString() {
      return shown;
    }
  }

  /** The registry host {@code host} lowercased, with Docker Hub's aliases as {@code docker.io}. */
  static String normalizeRegistry(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return DOCKER_HUB_ALIASES.contains(h) ? ImageReference.DOCKER_HUB : h;
  }

  /** Whether the normalized registry is Docker Hub. */
  static boolean isDockerHub(String registry) {
    return normalizeRegistry(registry).equals(ImageReference.DOCKER_HUB);
  }

  /**
   * A per-rule memo of {@link #of} and {@link #ofSubject}, keyed by descriptor identity: decoded
   * predicates are cached, so the same descriptor objects recur, and hashing a descriptor deeply
   * would cost about as much as reading it.
   */
  static final class Cache {
    private final Memo<Memo.Identity, Optional<Image>> of = new Memo<>(4096);
    private final Memo<Memo.Identity, Optional<Image>> ofSubject = new Memo<>(4096);

    Optional<Image> of(ResourceDescriptor d) {
      return of.get(new Memo.Identity(d), k -> ContainerImages.of(d));
    }

    Optional<Image> ofSubject(ResourceDescriptor subject) {
      return ofSubject.get(new Memo.Identity(subject), k -> ContainerImages.ofSubject(subject));
    }
  }

  /** The container image {@code d} describes, if it describes one; remembered (pure). */
  static Optional<Image> of(ResourceDescriptor d) {
    return read(d);
  }

  private static Optional<Image> read(ResourceDescriptor d) {
    Optional<String> uri = d.uri();
    if (uri.isPresent() && isImageUri(uri.get())) {
      return Optional.of(parse(uri.get(), d.digest()));
    }
    if (d.mediaType().isPresent()
        && IMAGE_MEDIA_TYPES.contains(d.mediaType().get().toLowerCase(Locale.ROOT))) {
      Optional<String> text = uri.isPresent() ? uri : d.name();
      if (text.isEmpty()) {
        return Optional.of(
            new Image(
                "(image without uri or name, digest " + d.digest() + ")",
                null,
                imageDigests(d.digest()),
                "it has neither uri nor name to read its reference from"));
      }
      return Optional.of(parse(text.get(), d.digest()));
    }
    return Optional.empty();
  }

  /**
   * The container image a statement subject names: as {@link #of}, or else the subject's {@code
   * name} if it is an image URI or parses as an image reference that names its registry explicitly
   * ({@code ghcr.io/acme/app}, {@code localhost:5000/app}) or carries a tag or digest ({@code
   * acme/app:1.2}). A bare name such as {@code app.jar} or {@code acme/app} is taken for a file
   * name, not an image.
   */
  static Optional<Image> ofSubject(ResourceDescriptor subject) {
    return readSubject(subject);
  }

  private static Optional<Image> readSubject(ResourceDescriptor subject) {
    Optional<Image> image = of(subject);
    if (image.isPresent() || subject.name().isEmpty()) {
      return image;
    }
    String name = subject.name().get();
    if (isImageUri(name)) {
      return Optional.of(parse(name, subject.digest()));
    }
    ImageReference ref;
    try {
      ref = ImageReference.parse(name);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean explicitRegistry =
        slash > 0
            && (first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost"));
    if (!explicitRegistry && ref.tag().isEmpty() && ref.digest().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(withDigests(name, ref, subject.digest()));
  }

  private static boolean isImageUri(String uri) {
    String lower = uri.toLowerCase(Locale.ROOT);
    return lower.startsWith("pkg:docker/")
        || lower.startsWith("pkg:oci/")
        || lower.startsWith("docker://")
        || lower.startsWith("oci://");
  }

  private static Image parse(String text, DigestSet recorded) {
    String lower = text.toLowerCase(Locale.ROOT);
    String reference;
    try {
      if (lower.startsWith("pkg:docker/")) {
        reference = dockerPurl(text.substring("pkg:docker/".length()));
      } else if (lower.startsWith("pkg:oci/")) {
        Optional<String> r = ociPurl(text.substring("pkg:oci/".length()));
        if (r.isEmpty()) {
          return new Image(
              text,
              null,
              imageDigests(recorded),
              "a pkg:oci package URL without repository_url names no registry");
        }
        reference = r.get();
      } else if (lower.startsWith("docker://")) {
        reference = text.substring("docker://".length());
      } else if (lower.startsWith("oci://")) {
        reference = text.substring("oci://".length());
      } else {
        reference = text;
      }
    } catch (IllegalArgumentException e) {
      return new Image(text, null, imageDigests(recorded), "unreadable image: " + e.getMessage());
    }
    ImageReference ref;
    try {
      ref = ImageReference.parse(reference);
    } catch (IllegalArgumentException e) {
      return new Image(text, null, imageDigests(recorded), String.valueOf(e.getMessage()));
    }
    return withDigests(text, ref, recorded);
  }

  private static Image withDigests(String shown, ImageReference ref, DigestSet recorded) {
    Map<DigestAlgorithm, Digest> digests = new LinkedHashMap<>();
    for (Digest d : imageDigests(recorded).digests()) {
      digests.put(d.algorithm(), d);
    }
    if (ref.digest().isPresent()) {
      Digest inRef = ref.digest().get();
      Digest other = digests.get(inRef.algorithm());
      if (other != null && !other.equals(inRef)) {
        return new Image(
            shown,
            ref,
            DigestSet.empty(),
            "the reference's digest " + inRef + " disagrees with the recorded digest " + other);
      }
      digests.putIfAbsent(inRef.algorithm(), inRef);
    }
    return new Image(shown, ref, DigestSet.of(new ArrayList<>(digests.values())), null);
  }

  private static DigestSet imageDigests(DigestSet recorded) {
    List<Digest> out = new ArrayList<>(1);
    for (DigestAlgorithm a : IMAGE_ALGORITHMS) {
      recorded.get(a).ifPresent(out::add);
    }
    return DigestSet.of(out);
  }

  /** {@code [namespace/]name@version?qualifiers#subpath} of a pkg:docker purl as a reference. */
  private static String dockerPurl(String rest) {
    Purl p = Purl.split(rest);
    String path = p.path;
    Optional<String> repositoryUrl = p.qualifier("repository_url");
    if (repositoryUrl.isPresent()) {
      path = stripScheme(repositoryUrl.get()) + "/" + path;
    }
    return path + p.versionSuffix();
  }

  /** {@code name@version?repository_url=...&tag=...} of a pkg:oci purl as a reference. */
  private static Optional<String> ociPurl(String rest) {
    Purl p = Purl.split(rest);
    Optional<String> repositoryUrl = p.qualifier("repository_url");
    if (repositoryUrl.isEmpty()) {
      return Optional.empty();
    }
    String base = stripScheme(repositoryUrl.get());
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String name = p.path;
    String full = base.equals(name) || base.endsWith("/" + name) ? base : base + "/" + name;
    Optional<String> tag = p.qualifier("tag");
    String version = p.versionSuffix();
    if (version.startsWith("@") && tag.isPresent()) {
      return Optional.of(full + ":" + tag.get() + version);
    }
    if (version.isEmpty() && tag.isPresent()) {
      return Optional.of(full + ":" + tag.get());
    }
    return Optional.of(full + version);
  }

  private static String stripScheme(String url) {
    int i = url.indexOf("://");
    return i < 0 ? url : url.substring(i + 3);
  }

  /** The parts of a purl after {@code pkg:type/}. */
  private static final class Purl {
    final String path;
    final @Nullable String version;
    final Map<String, String> qualifiers;

    private Purl(String path, @Nullable String version, Map<String, String> qualifiers) {
      this.path = path;
      this.version = version;
      this.qualifiers = qualifiers;
    }

    static Purl split(String rest) {
      int hash = rest.indexOf('#');
      String s = hash < 0 ? rest : rest.substring(0, hash);
      Map<String, String> qualifiers = new LinkedHashMap<>();
      int q = s.indexOf('?');
      if (q >= 0) {
        for (String pair : s.substring(q + 1).split("&", -1)) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            qualifiers.put(
                pair.substring(0, eq).toLowerCase(Locale.ROOT), decode(pair.substring(eq + 1)));
          }
        }
        s = s.substring(0, q);
      }
      int at = s.lastIndexOf('@');
      String version = at < 0 ? null : decode(s.substring(at + 1));
      String path = decode(at < 0 ? s : s.substring(0, at));
      if (path.isEmpty()) {
        throw new IllegalArgumentException("the package URL has no name");
      }
      return new Purl(path, version, qualifiers);
    }

    Optional<String> qualifier(String name) {
      return Optional.ofNullable(qualifiers.get(name));
    }

    /** {@code @digest} if the version is a digest, {@code :tag} if a tag, else empty. */
    String versionSuffix() {
      String v = version;
      if (v == null || v.isEmpty()) {
        return "";
      }
      return v.indexOf(':') >= 0 ? "@" + v : ":" + v;
    }
  }

  /** Percent-decodes {@code s} (UTF-8); {@code +} stays {@code +}. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      int pct = s.indexOf('%', i);
      int end = pct < 0 ? s.length() : pct;
      byte[] plain = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
      out.write(plain, 0, plain.length);
      if (pct < 0) {
        break;
      }
      if (pct + 2 >= s.length()) {
        throw new IllegalArgumentException("bad percent-encoding in '" + s + "'");
      }
      int hi = Character.digit(s.charAt(pct + 1), 16);
      int lo = Character.digit(s.charAt(pct + 2), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("bad percent-encoding in '" + s + "'");
      }
      out.write(hi * 16 + lo);
      i = pct + 3;
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
