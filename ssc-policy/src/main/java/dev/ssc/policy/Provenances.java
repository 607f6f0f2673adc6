package dev.ssc.policy;

import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.attest.predicate.SlsaProvenance;
import java.util.Locale;
import java.util.Optional;

/**
 * What SLSA provenance says about the source of a build, read by SLSA's conventions.
 *
 * <p>The <em>source</em> of a provenance is its first {@code resolvedDependencies} entry that is a
 * git source: an entry whose {@code uri} starts with {@code git+} (as in {@code
 * git+https://github.com/acme/app@refs/heads/main}, the SLSA GitHub build types), or whose
 * repository part ends in {@code .git} (as in BuildKit's {@code
 * https://github.com/acme/app.git#refs/heads/main}), or whose digest has a {@code gitCommit}
 * member. SLSA builders list the source first; later git entries (submodules, other checkouts) are
 * not the source.
 *
 * <p>Thread-safe (stateless).
 */
final class Provenances {

  private Provenances() {}

  /** The source entry of {@code provenance}, as defined in the class javadoc, if it has one. */
  static Optional<ResourceDescriptor> source(SlsaProvenance provenance) {
    for (ResourceDescriptor d : provenance.resolvedDependencies()) {
      if (isGitSource(d)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /**
   * The commit the provenance says was built: the {@code gitCommit} digest of its {@linkplain
   * #source source} entry or, failing that, its {@code sha1} digest (as SLSA's GitHub builders and
   * BuildKit record it), always returned as a {@code gitCommit} digest so that it compares equal to
   * a review's {@code reviewedCommit}. Empty when the provenance has no source entry or the source
   * entry records neither digest.
   */
  static Optional<Digest> sourceCommit(SlsaProvenance provenance) {
    Optional<ResourceDescriptor> source = source(provenance);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Optional<Digest> git = source.get().digest().get(DigestAlgorithm.GIT_COMMIT);
    if (git.isPresent()) {
      return git;
    }
    Optional<Digest> sha1 = source.get().digest().get(DigestAlgorithm.SHA1);
    if (sha1.isPresent()) {
      return Optional.of(Digest.of(DigestAlgorithm.GIT_COMMIT, sha1.get().value()));
    }
    return Optional.empty();
  }

  /**
   * The repository of the source entry's {@code uri}, {@linkplain #normalizeRepository normalized};
   * empty when there is no source entry, it has no {@code uri}, or the URI is not of the form
   * {@code scheme://host/path}.
   */
  static Optional<String> sourceRepository(SlsaProvenance provenance) {
    return source(provenance).flatMap(ResourceDescriptor::uri).flatMap(Provenances::repositoryOf);
  }

  static boolean isGitSource(ResourceDescriptor d) {
    if (d.digest().get(DigestAlgorithm.GIT_COMMIT).isPresent()) {
      return true;
    }
    if (d.uri().isEmpty()) {
      return false;
    }
    String uri = d.uri().get();
    if (uri.regionMatches(true, 0, "git+", 0, 4)) {
      return true;
    }
    Optional<String> raw = stripReference(uri);
    return raw.isPresent() && raw.get().toLowerCase(Locale.ROOT).endsWith(".git");
  }

  /**
   * The repository a git URI names, normalized: the URI up to the {@code @} or {@code #} that
   * starts the git reference in its path, normalized by {@link #normalizeRepository}.
   */
  static Optional<String> repositoryOf(String uri) {
    return stripReference(uri).flatMap(Provenances::normalizeRepository);
  }

  /** {@code uri} without the {@code @ref} or {@code #ref} that follows the repository path. */
  private static Optional<String> stripReference(String uri) {
    int scheme = uri.indexOf("://");
    if (scheme <= 0) {
      return Optional.empty();
    }
    int pathStart = uri.indexOf('/', scheme + 3);
    if (pathStart < 0) {
      return Optional.of(uri);
    }
    int end = uri.length();
    for (int i = pathStart; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '@' || c == '#' || c == '?') {
        end = i;
        break;
      }
    }
    return Optional.of(uri.substring(0, end));
  }

  /**
   * A repository URI in the form rules compare: scheme and host lowercased; a {@code git+} prefix
   * dropped (so {@code git+https://} and {@code https://} are equal); user info ({@code git@}) kept
   * out; trailing {@code /} and then one trailing {@code .git} removed; the path's case kept. Empty
   * if {@code repository} is not {@code scheme://host[:port][/path]} or has a reference part
   * ({@code @}, {@code #} or {@code ?} in the path).
   */
  static Optional<String> normalizeRepository(String repository) {
    int sep = repository.indexOf("://");
    if (sep <= 0) {
      return Optional.empty();
    }
    String scheme = repository.substring(0, sep).toLowerCase(Locale.ROOT);
    if (scheme.startsWith("git+")) {
      scheme = scheme.substring(4);
    }
    if (scheme.isEmpty()
        || !scheme
            .chars()
            .allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
      return Optional.empty();
    }
    String rest = repository.substring(sep + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    int at = authority.lastIndexOf('@');
    String host = (at < 0 ? authority : authority.substring(at + 1)).toLowerCase(Locale.ROOT);
    if (host.isEmpty()
        || path.indexOf('@') >= 0
        || path.indexOf('#') >= 0
        || path.indexOf('?') >= 0
        || host.chars().anyMatch(c -> Character.isWhitespace(c))
        || path.chars().anyMatch(c -> Character.isWhitespace(c))) {
      return Optional.empty();
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.toLowerCase(Locale.ROOT).endsWith(".git")) {
      path = path.substring(0, path.length() - 4);
    }
    return Optional.of(scheme + "://" + host + path);
  }
}
