package dev.ssc.api.artifact;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCI image reference, {@code registry/repository[:tag][@digest]}, normalized as Docker does:
 * {@code nginx} is {@code docker.io/library/nginx} and {@code index.docker.io} is {@code
 * docker.io}.
 *
 * <p>The grammar is that of the distribution project's {@code reference} package ({@code
 * ParseNormalizedNamed}): lowercase path components separated by {@code .}, {@code _}, {@code __}
 * or dashes; a registry host with an optional port; a tag of at most 128 word characters, dots and
 * dashes; a name of at most 255 characters. Digests must be {@code sha256}, {@code sha384} or
 * {@code sha512} in lowercase hex. No default tag is added: a reference without tag or digest has
 * neither.
 *
 * <p>A tag is a hint for humans; only a {@linkplain #isPinned() pinned} reference identifies an
 * image (DESIGN invariant 1), and policies should require one.
 *
 * <p>Immutable and thread-safe. Equal when registry, repository, tag and digest are equal.
 */
public final class ImageReference {
  /** The registry of Docker Hub after normalization. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String ALNUM = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
  private static final String DOMAIN = HOST + "(?::[0-9]+)?";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "((?:"
              + DOMAIN
              + "/)?"
              + PATH_COMPONENT
              + "(?:/"
              + PATH_COMPONENT
              + ")*)(?::("
              + TAG
              + "))?(?:@("
              + DIGEST
              + "))?");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");
  private static final int NAME_MAX = 255;

  private final String registry;
  private final String repository;
  private final Optional<String> tag;
  private final Optional<Digest> digest;

  private ImageReference(
      String registry, String repository, Optional<String> tag, Optional<Digest> digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses and normalizes a reference as {@code docker pull} would read it.
   *
   * @throws IllegalArgumentException naming the problem if {@code reference} is not a valid image
   *     reference
   */
  public static ImageReference parse(String reference) {
    requireNonNull(reference, "reference");
    if (reference.isEmpty()) {
      throw invalid(reference, "it is empty");
    }
    if (IDENTIFIER.matcher(reference).matches()) {
      throw invalid(reference, "a 64-hex-digit image id is not a repository name");
    }
    String domain;
    String remainder;
    int slash = reference.indexOf('/');
    String first = slash < 0 ? "" : reference.substring(0, slash);
    if (slash < 0
        || (first.indexOf('.') < 0
            && first.indexOf(':') < 0
            && !first.equals("localhost")
            && first.toLowerCase(Locale.ROOT).equals(first))) {
      domain = DOCKER_HUB;
      remainder = reference;
    } else {
      domain = first;
      remainder = reference.substring(slash + 1);
    }
    if (domain.equals("index.docker.io")) {
      domain = DOCKER_HUB;
    }
    if (domain.equals(DOCKER_HUB) && remainder.indexOf('/') < 0) {
      remainder = "library/" + remainder;
    }
    int tagSeparator = remainder.indexOf(':');
    String remoteName = tagSeparator < 0 ? remainder : remainder.substring(0, tagSeparator);
    if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
      throw invalid(reference, "the repository name must be lowercase");
    }
    String full = domain + "/" + remainder;
    Matcher m = REFERENCE.matcher(full);
    if (!m.matches()) {
      if (REFERENCE.matcher(full.toLowerCase(Locale.ROOT)).matches()) {
        throw invalid(reference, "the repository name must be lowercase");
      }
      throw invalid(
          reference,
          "expected [registry[:port]/]repository[:tag][@algorithm:hex] with lowercase path"
              + " components");
    }
    String name = m.group(1);
    if (name.length() > NAME_MAX) {
      throw invalid(reference, "the name is longer than " + NAME_MAX + " characters");
    }
    Optional<Digest> digest = Optional.empty();
    String digestText = m.group(3);
    if (digestText != null) {
      digest = Optional.of(parseDigest(reference, digestText));
    }
    return new ImageReference(
        domain, name.substring(domain.length() + 1), Optional.ofNullable(m.group(2)), digest);
  }

  private static Digest parseDigest(String reference, String text) {
    int colon = text.indexOf(':');
    String algorithm = text.substring(0, colon);
    String hex = text.substring(colon + 1);
    if (!algorithm.equals("sha256") && !algorithm.equals("sha384") && !algorithm.equals("sha512")) {
      throw invalid(reference, "unsupported digest algorithm '" + algorithm + "'");
    }
    if (!hex.toLowerCase(Locale.ROOT).equals(hex)) {
      throw invalid(reference, "the digest must be lowercase hex");
    }
    try {
      return Digest.of(DigestAlgorithm.of(algorithm), hex);
    } catch (IllegalArgumentException e) {
      throw invalid(reference, String.valueOf(e.getMessage()));
    }
  }

  private static IllegalArgumentException invalid(String reference, String why) {
    String shown = reference.length() <= 300 ? reference : reference.substring(0, 297) + "...";
    return new IllegalArgumentException("invalid image reference '" + shown + "': " + why);
  }

  /**
   * The registry host and optional port, e.g. {@code docker.io} or {@code registry.acme.dev:5000}.
   */
  public String registry() {
    return registry;
  }

  /** The repository path within the registry, e.g. {@code library/nginx}. */
  public String repository() {
    return repository;
  }

  /** {@code registry/repository}. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The tag, if any: a mutable hint, not an identity. */
  public Optional<String> tag() {
    return tag;
  }

  /** The digest, if the reference is pinned. */
  public Optional<Digest> digest() {
    return digest;
  }

  /** Whether the reference carries a digest and so names exactly one image. */
  public boolean isPinned() {
    return digest.isPresent();
  }

  /** Whether the image comes from Docker Hub. */
  public boolean isDockerHub() {
    return registry.equals(DOCKER_HUB);
  }

  /** This reference pinned to {@code digest}, keeping the tag as a hint. */
  public ImageReference withDigest(Digest digest) {
    requireNonNull(digest, "digest");
    return parse(name() + tag.map(t -> ":" + t).orElse("") + "@" + digest);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ImageReference)) {
      return false;
    }
    ImageReference that = (ImageReference) other;
    return registry.equals(that.registry)
        && repository.equals(that.repository)
        && tag.equals(that.tag)
        && digest.equals(that.digest);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(registry, repository, tag, digest);
  }

  /**
   * The normalized form, {@code registry/repository[:tag][@digest]}, which {@link #parse} reads
   * back.
   */
  @Override
  public String toString() {
    return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
