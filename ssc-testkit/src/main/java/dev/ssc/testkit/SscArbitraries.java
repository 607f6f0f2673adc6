package dev.ssc.testkit;

import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Arbitraries for ssc values, for jqwik properties.
 *
 * <p>Every generated value is valid: it passes the type's checks. Thread-safe.
 *
 * <pre>{@code
 * @Property
 * void policyNeverAllowsUnpinnedImages(@ForAll("images") ImageReference image) { ... }
 *
 * @Provide
 * Arbitrary<ImageReference> images() {
 *   return SscArbitraries.imageReferences();
 * }
 * }</pre>
 */
public final class SscArbitraries {
  private static final List<DigestAlgorithm> STRONG =
      List.of(
          DigestAlgorithm.SHA256,
          DigestAlgorithm.SHA384,
          DigestAlgorithm.SHA512,
          DigestAlgorithm.SHA3_256,
          DigestAlgorithm.GIT_COMMIT);

  private SscArbitraries() {}

  /** Lowercase hex of exactly {@code length} characters. */
  public static Arbitrary<String> hex(int length) {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(length);
  }

  /** sha256 digests. */
  public static Arbitrary<Digest> sha256Digests() {
    return hex(64).map(Digest::sha256);
  }

  /** Digests of collision-resistant algorithms (sha256, sha384, sha512, sha3_256, gitCommit). */
  public static Arbitrary<Digest> digests() {
    return Arbitraries.of(STRONG)
        .flatMap(
            a -> {
              int length = a.equals(DigestAlgorithm.GIT_COMMIT) ? 40 : hexLength(a);
              return hex(length).map(h -> Digest.of(a, h));
            });
  }

  private static int hexLength(DigestAlgorithm a) {
    if (a.equals(DigestAlgorithm.SHA384)) {
      return 96;
    }
    return a.equals(DigestAlgorithm.SHA512) ? 128 : 64;
  }

  /** Digest sets with one to three strong digests, always including sha256. */
  public static Arbitrary<DigestSet> digestSets() {
    return Combinators.combine(sha256Digests(), digests().list().ofMaxSize(2))
        .as(
            (sha256, more) -> {
              List<Digest> all = new ArrayList<>();
              all.add(sha256);
              more.stream()
                  .filter(d -> all.stream().noneMatch(x -> x.algorithm().equals(d.algorithm())))
                  .forEach(all::add);
              return DigestSet.of(all);
            });
  }

  /** Image references, pinned or not, from Docker Hub and other registries. */
  public static Arbitrary<ImageReference> imageReferences() {
    Arbitrary<String> registry =
        Arbitraries.of("docker.io", "ghcr.io", "registry.acme.dev", "localhost:5000", "quay.io");
    Arbitrary<String> component =
        Combinators.combine(
                Arbitraries.strings()
                    .withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                    .ofMinLength(1)
                    .ofMaxLength(8),
                Arbitraries.of("", "-", ".", "_", "__"),
                Arbitraries.strings()
                    .withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                    .ofMinLength(1)
                    .ofMaxLength(8))
            .as((a, sep, b) -> sep.isEmpty() ? a : a + sep + b);
    Arbitrary<String> path =
        component.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
    Arbitrary<String> tag =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
            .ofMinLength(0)
            .ofMaxLength(20)
            .map(t -> t.isEmpty() ? "" : "v" + t);
    Arbitrary<String> digest =
        Arbitraries.oneOf(Arbitraries.just(""), hex(64).map(h -> "sha256:" + h));
    return Combinators.combine(registry, path, tag, digest)
        .as(
            (r, p, t, d) -> {
              String repo = r.equals("docker.io") && !p.contains("/") ? "library/" + p : p;
              return ImageReference.parse(
                  r + "/" + repo + (t.isEmpty() ? "" : ":" + t) + (d.isEmpty() ? "" : "@" + d));
            });
  }

  /** Image references pinned by digest. */
  public static Arbitrary<ImageReference> pinnedImageReferences() {
    return Combinators.combine(imageReferences(), sha256Digests()).as(ImageReference::withDigest);
  }

  /** Artifacts with a name and a strong digest set. */
  public static Arbitrary<Artifact> artifacts() {
    Arbitrary<String> name =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyz-.0123456789")
            .ofMinLength(1)
            .ofMaxLength(20)
            .filter(s -> !s.isBlank());
    return Combinators.combine(name, digestSets()).as(Artifact::of);
  }
}
