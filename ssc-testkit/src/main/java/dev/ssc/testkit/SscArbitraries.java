package dev.ssc.testkit;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.identity.Role;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonBoolean;
import dev.ssc.api.json.JsonNull;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.loop.Severity;
import dev.ssc.attest.predicate.CodeReview;
import dev.ssc.attest.predicate.OpenVex;
import dev.ssc.attest.predicate.PredicateRegistry;
import dev.ssc.attest.predicate.PredicateType;
import dev.ssc.attest.predicate.ReviewApproval;
import dev.ssc.attest.predicate.SbomComponent;
import dev.ssc.attest.predicate.SlsaProvenance;
import dev.ssc.attest.predicate.SpdxDocument;
import dev.ssc.attest.predicate.TestResult;
import dev.ssc.attest.predicate.VexComponent;
import dev.ssc.attest.predicate.VexStatement;
import dev.ssc.attest.predicate.Vulnerability;
import dev.ssc.attest.predicate.VulnerabilityScan;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Arbitraries for ssc values, for jqwik properties.
 *
 * <p>Every generated value is valid: it passes the type's checks, and every typed predicate
 * round-trips through its {@link PredicateType}. The values are realistic rather than uniformly
 * random: identities, builders, registries, licenses and vulnerability ids come from small
 * vocabularies that include the cases policies get wrong (untrusted and look-alike builder ids,
 * unpinned and Docker Hub base images, reviews without maintainer approval, unrated
 * vulnerabilities, copyleft licenses), each often enough to show up in a default run of 1000 tries.
 * The same types are also injected into plain {@code @ForAll} parameters by ssc-testkit's {@code
 * ArbitraryProvider}.
 *
 * <p>Thread-safe; stateless.
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
  /**
   * The builder id that example policies trust: {@value}. {@link #provenance()} uses it for about
   * half of its values and otherwise picks untrusted or look-alike ids.
   */
  public static final String TRUSTED_BUILDER_ID = "https://ci.acme.example/builders/v1";

  /** The role {@code maintainer}. */
  public static final Role MAINTAINER = Role.of("maintainer");

  /** The role {@code developer}. */
  public static final Role DEVELOPER = Role.of("developer");

  /** The role {@code release-manager}. */
  public static final Role RELEASE_MANAGER = Role.of("release-manager");

  /** The role {@code security}. */
  public static final Role SECURITY = Role.of("security");

  /** The role {@code auditor}. */
  public static final Role AUDITOR = Role.of("auditor");

  private static final List<DigestAlgorithm> STRONG =
      List.of(
          DigestAlgorithm.SHA256,
          DigestAlgorithm.SHA384,
          DigestAlgorithm.SHA512,
          DigestAlgorithm.SHA3_256,
          DigestAlgorithm.GIT_COMMIT);

  private static final List<Role> ROLES =
      List.of(MAINTAINER, DEVELOPER, RELEASE_MANAGER, SECURITY, AUDITOR);

  private static final List<String> PEOPLE =
      List.of(
          "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "mallory", "trent");

  private static final List<String> UNTRUSTED_BUILDER_IDS =
      List.of(
          "https://github.com/actions/runner/github-hosted",
          "https://ci.evil.example/builders/v1",
          "https://ci.acme.example/builders/v1-dev",
          "https://ci.acme.example.evil.example/builders/v1",
          "http://ci.acme.example/builders/v1",
          "https://ci.acme.example/builders/v0",
          "https://laptop.acme.example/local");

  private static final List<String> BUILD_TYPES =
      List.of(
          "https://ci.acme.example/build-types/maven/v1",
          "https://ci.acme.example/build-types/container/v1",
          "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
          "https://tekton.dev/chains/v2/slsa");

  private static final List<String> REPOSITORIES =
      List.of(
          "https://github.com/acme/web",
          "https://github.com/acme/payments",
          "https://git.acme.example/platform/api",
          "https://github.com/someone-else/fork-of-web");

  private static final List<String> LICENSES =
      List.of(
          "MIT",
          "Apache-2.0",
          "BSD-3-Clause",
          "ISC",
          "MIT OR Apache-2.0",
          "GPL-3.0-only",
          "GPL-2.0-only WITH Classpath-exception-2.0",
          "LGPL-2.1-or-later",
          "AGPL-3.0-only",
          "MPL-2.0",
          "LicenseRef-acme-proprietary");

  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String LOWER_DIGITS = LOWER + "0123456789";
  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = Duration.ofDays(3 * 365).toSeconds();

  private SscArbitraries() {}

  // ---------------------------------------------------------------- digests and artifacts

  /** Lowercase hex of exactly {@code length} characters. */
  public static Arbitrary<String> hex(int length) {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(length);
  }

  /** sha256 digests. */
  public static Arbitrary<Digest> sha256Digests() {
    return hex(64).map(Digest::sha256);
  }

  /** {@code gitCommit} digests: mostly SHA-1 commit ids (40 hex), some SHA-256 ones (64 hex). */
  public static Arbitrary<Digest> gitCommits() {
    return Arbitraries.frequencyOf(Tuple.of(9, hex(40)), Tuple.of(1, hex(64)))
        .map(h -> Digest.of(DigestAlgorithm.GIT_COMMIT, h));
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
                Arbitraries.strings().withChars(LOWER_DIGITS).ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("", "-", ".", "_", "__"),
                Arbitraries.strings().withChars(LOWER_DIGITS).ofMinLength(1).ofMaxLength(8))
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

  /**
   * Base images as a build would name them: the organization's own {@code
   * registry.acme.example/base/...}, Docker Hub official images ({@code docker.io/library/alpine}),
   * and {@code ghcr.io} images of the organization and of others; with or without a tag, and pinned
   * by sha256 digest about half of the time.
   */
  public static Arbitrary<ImageReference> baseImages() {
    Arbitrary<String> name =
        Arbitraries.of(
            "registry.acme.example/base/java",
            "registry.acme.example/base/distroless",
            "registry.acme.example/base/node",
            "docker.io/library/alpine",
            "docker.io/library/eclipse-temurin",
            "docker.io/library/debian",
            "docker.io/bitnami/nginx",
            "ghcr.io/acme/base/python",
            "ghcr.io/someone-else/tools");
    Arbitrary<Optional<String>> tag =
        Arbitraries.of("3.19", "21-jre", "bookworm-slim", "latest", "1.2.3").optional(0.7);
    Arbitrary<Optional<String>> digest = hex(64).optional(0.5);
    return Combinators.combine(name, tag, digest)
        .as(
            (n, t, d) ->
                ImageReference.parse(
                    n + t.map(x -> ":" + x).orElse("") + d.map(x -> "@sha256:" + x).orElse("")));
  }

  /** Artifacts with a name and a strong digest set. */
  public static Arbitrary<Artifact> artifacts() {
    return Combinators.combine(fileNames(), digestSets()).as(Artifact::of);
  }

  private static Arbitrary<String> fileNames() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz-.0123456789")
        .ofMinLength(1)
        .ofMaxLength(20)
        .filter(s -> !s.isBlank());
  }

  // ---------------------------------------------------------------- identities

  /**
   * Roles from ssc's example vocabulary: {@code maintainer}, {@code developer}, {@code
   * release-manager}, {@code security} and {@code auditor}.
   */
  public static Arbitrary<Role> roles() {
    return Arbitraries.of(ROLES);
  }

  /**
   * Principals: mostly the well-known people of the examples ({@code alice}, {@code bob}, ... and
   * {@code mallory}), sometimes generated ids ({@code user-k3x9}) and CI identities ({@code
   * ci:build-runner}); each with zero to three roles from {@link #roles()}. Ids repeat across
   * values with different roles, as they would across organizations or over time.
   */
  public static Arbitrary<Principal> principals() {
    return Combinators.combine(principalIds(), roles().set().ofMaxSize(3))
        .as((id, roles) -> Principal.builder().id(id).addAllRoles(roles).build());
  }

  /** Principal ids: the example people, generated user ids and CI identities. */
  public static Arbitrary<String> principalIds() {
    return Arbitraries.frequencyOf(
        Tuple.of(7, Arbitraries.of(PEOPLE)),
        Tuple.of(
            2, Arbitraries.strings().withChars(LOWER_DIGITS).ofLength(4).map(s -> "user-" + s)),
        Tuple.of(1, Arbitraries.of("ci:build-runner", "ci:release-bot", "svc:deployer")));
  }

  // ---------------------------------------------------------------- statements

  /**
   * Small JSON objects of strings, integers, booleans, nulls, arrays and nested objects, at most
   * three levels deep. Strings are printable ASCII plus NUL, newline and a few non-ASCII characters
   * ({@code é}, {@code €}, {@code ✓}); numbers are integers, so every value has canonical JSON.
   */
  public static Arbitrary<JsonObject> jsonObjects() {
    return jsonObject(2);
  }

  private static Arbitrary<JsonObject> jsonObject(int depth) {
    Arbitrary<String> key =
        Arbitraries.strings().withChars(LOWER + "_").ofMinLength(1).ofMaxLength(10);
    return Arbitraries.maps(key, jsonValue(depth)).ofMaxSize(4).map(JsonObject::new);
  }

  private static Arbitrary<JsonValue> jsonValue(int depth) {
    List<Tuple.Tuple2<Integer, Arbitrary<JsonValue>>> choices = new ArrayList<>();
    choices.add(
        Tuple.of(
            3,
            Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars("\u0000\n\u00e9\u20ac\u2713")
                .ofMaxLength(12)
                .map(JsonString::new)));
    choices.add(
        Tuple.of(
            2, Arbitraries.longs().map(n -> (JsonValue) new JsonNumber(BigDecimal.valueOf(n)))));
    choices.add(Tuple.of(1, Arbitraries.of(true, false).map(JsonBoolean::new)));
    choices.add(Tuple.of(1, Arbitraries.just(JsonNull.INSTANCE)));
    if (depth > 0) {
      choices.add(
          Tuple.of(
              1,
              Arbitraries.lazy(() -> jsonValue(depth - 1))
                  .list()
                  .ofMaxSize(3)
                  .map(l -> (JsonValue) new JsonArray(l))));
      choices.add(
          Tuple.of(1, Arbitraries.lazy(() -> jsonObject(depth - 1)).map(o -> (JsonValue) o)));
    }
    return Arbitraries.frequencyOf(choices);
  }

  /**
   * in-toto statements with one to three subjects, of any predicate type: about half carry a typed
   * predicate ssc knows ({@link #provenance()}, {@link #codeReviews()}, {@link #testResults()},
   * {@link #vulnerabilityScans()}, {@link #spdxDocuments()}), the rest a custom predicate type with
   * {@linkplain #jsonObjects() arbitrary JSON}.
   */
  public static Arbitrary<Statement> statements() {
    Arbitrary<String> custom =
        Arbitraries.strings()
            .withChars(LOWER)
            .ofMinLength(1)
            .ofMaxLength(8)
            .map(s -> "https://acme.example/attestation/" + s + "/v1");
    return Arbitraries.frequencyOf(
        Tuple.of(1, statements(SlsaProvenance.URI)),
        Tuple.of(1, statements(CodeReview.URI)),
        Tuple.of(1, statements(TestResult.URI)),
        Tuple.of(1, statements(VulnerabilityScan.URI)),
        Tuple.of(1, statements(SpdxDocument.URI)),
        Tuple.of(5, custom.flatMap(SscArbitraries::statements)));
  }

  /**
   * in-toto statements of {@code predicateType} with one to three subjects. For the predicate types
   * this class generates ({@link SlsaProvenance#URI}, {@link CodeReview#URI}, {@link
   * TestResult#URI}, {@link VulnerabilityScan#URI}, {@link SpdxDocument#URI} and {@link
   * SpdxDocument#URI_V2_3}) the predicate is a valid typed value; for a type {@link
   * PredicateRegistry#defaults()} does not know, it is {@linkplain #jsonObjects() arbitrary JSON}.
   *
   * @throws IllegalArgumentException if {@code predicateType} is a built-in type this class has no
   *     generator for (use {@link #statements(PredicateType, Arbitrary)})
   */
  public static Arbitrary<Statement> statements(String predicateType) {
    requireNonNull(predicateType, "predicateType");
    switch (predicateType) {
      case SlsaProvenance.URI:
        return statements(SlsaProvenance.PREDICATE, provenance());
      case CodeReview.URI:
        return statements(CodeReview.PREDICATE, codeReviews());
      case TestResult.URI:
        return statements(TestResult.PREDICATE, testResults());
      case VulnerabilityScan.URI:
        return statements(VulnerabilityScan.PREDICATE, vulnerabilityScans());
      case SpdxDocument.URI:
        return statements(SpdxDocument.PREDICATE, spdxDocuments());
      case SpdxDocument.URI_V2_3:
        return statements(SpdxDocument.PREDICATE_V2_3, spdxDocuments());
      default:
        if (PredicateRegistry.defaults().find(predicateType).isPresent()) {
          throw new IllegalArgumentException(
              "no generator for the built-in predicate type "
                  + predicateType
                  + "; use statements(PredicateType, Arbitrary)");
        }
        return Combinators.combine(subjects(), jsonObjects())
            .as(
                (subjects, predicate) ->
                    Statement.builder()
                        .addAllSubjects(subjects)
                        .predicateType(predicateType)
                        .predicate(predicate)
                        .build());
    }
  }

  /**
   * in-toto statements of {@code type} with one to three subjects, whose predicates are {@code
   * values} encoded by {@code type}.
   */
  public static <T> Arbitrary<Statement> statements(PredicateType<T> type, Arbitrary<T> values) {
    requireNonNull(type, "type");
    requireNonNull(values, "values");
    return Combinators.combine(subjects(), values)
        .as(
            (subjects, value) ->
                Statement.builder()
                    .addAllSubjects(subjects)
                    .predicateType(type.uri())
                    .predicate(type.encode(value))
                    .build());
  }

  /** Statement subjects: one to three named artifacts, each with a strong digest set. */
  private static Arbitrary<List<ResourceDescriptor>> subjects() {
    return artifacts()
        .map(a -> ResourceDescriptor.of(a.name(), a.digest()))
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  /**
   * Verified attestations of {@link #statements()}, minted by {@link TestEvidence} without
   * signatures, each signed by one or two of the key ids {@code ci-key}, {@code release-key} and
   * {@code laptop-key}. For tests only.
   */
  public static Arbitrary<VerifiedAttestation> verifiedAttestations() {
    return verifiedAttestations(statements());
  }

  /** Verified attestations of {@code statements}, as {@link #verifiedAttestations()}. */
  public static Arbitrary<VerifiedAttestation> verifiedAttestations(
      Arbitrary<Statement> statements) {
    requireNonNull(statements, "statements");
    Arbitrary<List<String>> keys =
        Arbitraries.of("ci-key", "release-key", "laptop-key")
            .list()
            .uniqueElements()
            .ofMinSize(1)
            .ofMaxSize(2);
    return Combinators.combine(statements, instants(), keys)
        .as((s, at, k) -> TestEvidence.verified(s, at, k.toArray(new String[0])));
  }

  // ---------------------------------------------------------------- typed predicates

  /**
   * SLSA provenance v1. About half is built by {@link #TRUSTED_BUILDER_ID}, the rest by untrusted
   * builders, including look-alikes ({@code https://ci.acme.example.evil.example/builders/v1},
   * {@code http://ci.acme.example/builders/v1}, {@code .../v1-dev}). The first resolved dependency
   * is the source: {@code git+<repository>@refs/heads/<branch>} with a {@code gitCommit} digest;
   * then come zero to three {@linkplain #baseImages() base images} as {@code oci://<reference>}
   * URIs (pass the part after {@code oci://} to {@link ImageReference#parse}), carrying a sha256
   * digest exactly when the reference is pinned. External parameters name the repository and ref;
   * start and finish times are ordered.
   */
  public static Arbitrary<SlsaProvenance> provenance() {
    Arbitrary<String> builderId =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(TRUSTED_BUILDER_ID)),
            Tuple.of(1, Arbitraries.of(UNTRUSTED_BUILDER_IDS)));
    Arbitrary<String> ref = Arbitraries.of("main", "main", "release/1.x", "feature/login");
    Arbitrary<ResourceDescriptor> baseImage =
        baseImages()
            .map(
                image -> {
                  ResourceDescriptor.Builder b = ResourceDescriptor.builder().uri("oci://" + image);
                  image.digest().ifPresent(d -> b.digest(DigestSet.of(d)));
                  return b.build();
                });
    Arbitrary<Optional<String>> builderVersion = Arbitraries.of("1.4.2", "2.0.0-rc1").optional(0.5);
    return Combinators.combine(
            builderId,
            Arbitraries.of(BUILD_TYPES),
            Arbitraries.of(REPOSITORIES),
            ref,
            gitCommits(),
            baseImage.list().ofMaxSize(3),
            timeSpans(),
            builderVersion)
        .as(
            (id, buildType, repo, branch, commit, images, span, version) -> {
              SlsaProvenance.Builder b =
                  SlsaProvenance.builder()
                      .builderId(id)
                      .buildType(buildType)
                      .externalParameters(object("repository", repo, "ref", "refs/heads/" + branch))
                      .addResolvedDependencies(
                          ResourceDescriptor.builder()
                              .uri("git+" + repo + "@refs/heads/" + branch)
                              .digest(DigestSet.of(commit))
                              .build())
                      .addAllResolvedDependencies(images)
                      .invocationId(
                          "https://ci.acme.example/runs/"
                              + Math.floorMod(span.get(0).getEpochSecond(), 100_000))
                      .startedOn(span.get(0))
                      .finishedOn(span.get(1));
              version.ifPresent(v -> b.putBuilderVersion("acme-ci", v));
              return b.build();
            });
  }

  /**
   * Code reviews of a change in one of a few repositories, at a {@code gitCommit}. The author and
   * reviewers are {@linkplain #principalIds() principal ids}; approvals (zero to three distinct
   * reviewers, never the author, whom {@link CodeReview} rejects) carry the role {@code
   * maintainer}, {@code developer} or {@code security}, or none. So some reviews have no approval,
   * some only non-maintainer approvals, and some at least one maintainer's.
   *
   * <p>A self-approval cannot be expressed: {@link CodeReview}'s check rejects an approval by the
   * author, so it never reaches a policy as a typed value. To test that a policy denies one, write
   * the predicate JSON by hand and mint it with {@link TestEvidence#verified(String, JsonObject,
   * DigestSet, Instant, String...)}: decoding it fails, and the policy must deny.
   */
  public static Arbitrary<CodeReview> codeReviews() {
    Arbitrary<Optional<String>> role =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("maintainer")),
                Tuple.of(1, Arbitraries.of("developer", "security")))
            .optional(0.8);
    Arbitrary<List<ReviewApproval>> approvals =
        Combinators.combine(principalIds(), role, instants())
            .as(
                (reviewer, r, time) -> {
                  ReviewApproval.Builder b = ReviewApproval.builder().reviewer(reviewer).time(time);
                  r.ifPresent(b::role);
                  return b.build();
                })
            .list()
            .uniqueElements(ReviewApproval::reviewer)
            .ofMaxSize(3);
    return Combinators.combine(
            Arbitraries.of(REPOSITORIES),
            Arbitraries.integers().between(1, 9999),
            gitCommits(),
            principalIds(),
            approvals)
        .as(
            (repo, change, commit, author, all) -> {
              List<ReviewApproval> kept = new ArrayList<>();
              all.stream().filter(a -> !a.reviewer().equals(author)).forEach(kept::add);
              return CodeReview.builder()
                  .repository(repo)
                  .changeId(Integer.toString(change))
                  .reviewedCommit(commit)
                  .author(author)
                  .addAllApprovals(kept)
                  .build();
            });
  }

  /**
   * in-toto test results. {@code PASSED} lists passed tests and no failed ones (sometimes no tests
   * at all: a run that tested nothing), {@code WARNED} lists tests that warned, {@code FAILED} at
   * least one failed test. Test names look like {@code dev.acme.web.LoginTest#rejectsBadPassword}.
   */
  public static Arbitrary<TestResult> testResults() {
    Arbitrary<String> test =
        Combinators.combine(
                Arbitraries.of("web", "payments", "api"),
                Arbitraries.of("LoginTest", "CartTest", "PolicyTest", "CodecTest"),
                Arbitraries.strings().withChars(LOWER).ofMinLength(3).ofMaxLength(12))
            .as((pkg, cls, method) -> "dev.acme." + pkg + "." + cls + "#" + method);
    Arbitrary<List<String>> tests = test.list().uniqueElements().ofMaxSize(5);
    Arbitrary<List<String>> someTests = test.list().uniqueElements().ofMinSize(1).ofMaxSize(3);
    Arbitrary<Optional<String>> url =
        Arbitraries.integers()
            .between(1, 99_999)
            .map(n -> "https://ci.acme.example/runs/" + n)
            .optional(0.8);
    Arbitrary<List<ResourceDescriptor>> configuration =
        Combinators.combine(
                Arbitraries.of("surefire.xml", "pytest.ini", "jest.config.js"), sha256Digests())
            .as((name, d) -> ResourceDescriptor.of(name, DigestSet.of(d)))
            .list()
            .ofMaxSize(1);
    return Combinators.combine(
            Arbitraries.of(TestResult.Result.class), tests, someTests, url, configuration)
        .as(
            (result, passed, bad, u, config) -> {
              TestResult.Builder b =
                  TestResult.builder()
                      .result(result)
                      .addAllConfiguration(config)
                      .addAllPassedTests(passed);
              u.ifPresent(b::url);
              List<String> others = new ArrayList<>(bad);
              others.removeAll(passed);
              if (result == TestResult.Result.WARNED) {
                b.addAllWarnedTests(others);
              } else if (result == TestResult.Result.FAILED) {
                b.addAllFailedTests(others.isEmpty() ? List.of("dev.acme.Smoke#fails") : others);
              }
              return b.build();
            });
  }

  /**
   * Vulnerability ids: {@code CVE-YYYY-NNNN} (four to seven digits) and {@code
   * GHSA-xxxx-xxxx-xxxx}, plus the famous {@code CVE-2021-44228} now and then.
   */
  public static Arbitrary<String> vulnerabilityIds() {
    Arbitrary<String> cve =
        Combinators.combine(
                Arbitraries.integers().between(1999, 2026),
                Arbitraries.strings().withChars("0123456789").ofMinLength(4).ofMaxLength(7))
            .as((year, n) -> "CVE-" + year + "-" + n);
    Arbitrary<String> part = Arbitraries.strings().withChars("23456789cfghjmpqrvwx").ofLength(4);
    Arbitrary<String> ghsa =
        Combinators.combine(part, part, part).as((a, b, c) -> "GHSA-" + a + "-" + b + "-" + c);
    return Arbitraries.frequencyOf(
        Tuple.of(6, cve), Tuple.of(3, ghsa), Tuple.of(1, Arbitraries.just("CVE-2021-44228")));
  }

  /**
   * Vulnerabilities with an id from {@link #vulnerabilityIds()} and a severity map as scanners
   * write it: method {@code cvss_score} with a CVSS base score such as {@code 9.8}, method {@code
   * nvd} with the qualitative band of that score in lowercase ({@code critical}, {@code high},
   * {@code medium}, {@code low}, {@code none}; see {@link Severity#ofCvss}), both, or neither (an
   * unrated finding, which a policy must treat as {@link Severity#UNKNOWN}).
   */
  public static Arbitrary<Vulnerability> vulnerabilities() {
    Arbitrary<Integer> tenths =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(90, 100)),
            Tuple.of(3, Arbitraries.integers().between(70, 89)),
            Tuple.of(3, Arbitraries.integers().between(40, 69)),
            Tuple.of(2, Arbitraries.integers().between(1, 39)),
            Tuple.of(1, Arbitraries.just(0)));
    Arbitrary<Integer> form = Arbitraries.integers().between(0, 9);
    return Combinators.combine(vulnerabilityIds(), tenths, form)
        .as(
            (id, t, f) -> {
              Vulnerability.Builder b = Vulnerability.builder().id(id);
              String score = BigDecimal.valueOf(t, 1).toPlainString();
              String band = Severity.ofCvss(t / 10.0).name().toLowerCase(Locale.ROOT);
              if (f < 4) { // both
                b.putSeverity("nvd", band).putSeverity("cvss_score", score);
              } else if (f < 6) {
                b.putSeverity("cvss_score", score);
              } else if (f < 8) {
                b.putSeverity("nvd", band);
              }
              return b.build();
            });
  }

  /**
   * in-toto vulnerability scans by Trivy or Grype, with zero to five vulnerabilities of distinct
   * ids (empty: the scanner found nothing), sometimes with a vulnerability database and its last
   * update, scan start and finish ordered.
   */
  public static Arbitrary<VulnerabilityScan> vulnerabilityScans() {
    Arbitrary<String> scanner =
        Arbitraries.of(
            "pkg:github/aquasecurity/trivy@v0.50.1",
            "pkg:github/anchore/grype@v0.74.0",
            "https://scanner.acme.example/v2");
    Arbitrary<List<Vulnerability>> found =
        vulnerabilities().list().uniqueElements(Vulnerability::id).ofMaxSize(5);
    return Combinators.combine(
            scanner,
            Arbitraries.of("0.50.1", "0.74.0").optional(0.7),
            found,
            timeSpans(),
            Arbitraries.of(true, false))
        .as(
            (uri, version, vulns, span, withDb) -> {
              VulnerabilityScan.Builder b =
                  VulnerabilityScan.builder()
                      .scannerUri(uri)
                      .addAllVulnerabilities(vulns)
                      .scanStartedOn(span.get(0))
                      .scanFinishedOn(span.get(1));
              version.ifPresent(b::scannerVersion);
              if (withDb) {
                b.dbUri("pkg:github/aquasecurity/trivy-db")
                    .dbVersion("2")
                    .dbLastUpdate(span.get(0).minus(Duration.ofHours(6)));
              }
              return b.build();
            });
  }

  /**
   * SBOM components (packages) from Maven, npm, PyPI, Go and Debian, with a matching purl (absent
   * for about one in ten) and at most one license: an SPDX expression from a realistic set ({@code
   * MIT}, {@code Apache-2.0}, {@code MIT OR Apache-2.0}, {@code GPL-3.0-only}, {@code
   * AGPL-3.0-only}, {@code GPL-2.0-only WITH Classpath-exception-2.0}, {@code
   * LicenseRef-acme-proprietary}, ...), or none for about one in five: the SBOM said {@code
   * NOASSERTION} or {@code NONE}, which {@link SbomComponent#licenses()} leaves out.
   */
  public static Arbitrary<SbomComponent> sbomComponents() {
    return sbomComponents(
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of(LICENSES).map(Optional::of)),
            Tuple.of(1, Arbitraries.just(Optional.<String>empty()))));
  }

  /** SBOM components as {@link #sbomComponents()}, with licenses from {@code license}. */
  static Arbitrary<SbomComponent> sbomComponents(Arbitrary<Optional<String>> license) {
    Arbitrary<List<String>> pkg =
        Arbitraries.of(
            List.of("maven", "org.slf4j", "slf4j-api"),
            List.of("maven", "com.fasterxml.jackson.core", "jackson-databind"),
            List.of("maven", "org.apache.logging.log4j", "log4j-core"),
            List.of("npm", "", "lodash"),
            List.of("npm", "@babel", "core"),
            List.of("pypi", "", "requests"),
            List.of("golang", "github.com/google", "uuid"),
            List.of("deb", "debian", "openssl"));
    Arbitrary<String> version =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 30))
            .as((a, b, c) -> a + "." + b + "." + c);
    return Combinators.combine(pkg, version, Arbitraries.integers().between(0, 9), license)
        .as(
            (p, v, noPurl, l) -> {
              String type = p.get(0);
              String namespace = p.get(1);
              String simple = p.get(2);
              String name = namespace.isEmpty() ? simple : namespace + "/" + simple;
              String shown = type.equals("maven") ? namespace + ":" + simple : name;
              String ver = type.equals("golang") ? "v" + v : v;
              SbomComponent.Builder b = SbomComponent.builder().name(shown).version(ver);
              if (noPurl != 0) {
                String encoded =
                    namespace.startsWith("@") ? "%40" + namespace.substring(1) : namespace;
                String path = encoded.isEmpty() ? simple : encoded + "/" + simple;
                b.purl("pkg:" + type + "/" + path + "@" + ver);
              }
              l.ifPresent(b::addLicenses);
              return b.build();
            });
  }

  /**
   * SPDX 2.3 documents of zero to six {@linkplain #sbomComponents() components}; a component
   * without a license is written with {@code licenseConcluded} {@code NOASSERTION} or {@code NONE}
   * or without the member. Their {@link SpdxDocument#packages()} equal the components they were
   * made from.
   */
  public static Arbitrary<SpdxDocument> spdxDocuments() {
    Arbitrary<Integer> noLicense = Arbitraries.integers().between(0, 2);
    return Combinators.combine(
            sbomComponents().list().ofMaxSize(6),
            noLicense,
            Arbitraries.of("web", "payments", "api"))
        .as((components, how, name) -> spdx(name, components, how));
  }

  static SpdxDocument spdx(String name, List<SbomComponent> components, int noLicense) {
    List<JsonValue> packages = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      SbomComponent c = components.get(i);
      Map<String, JsonValue> p = new LinkedHashMap<>();
      p.put("SPDXID", new JsonString("SPDXRef-Package-" + i));
      p.put("name", new JsonString(c.name()));
      c.version().ifPresent(v -> p.put("versionInfo", new JsonString(v)));
      p.put("downloadLocation", new JsonString("NOASSERTION"));
      if (!c.licenses().isEmpty()) {
        p.put("licenseConcluded", new JsonString(c.licenses().get(0)));
      } else if (noLicense == 1) {
        p.put("licenseConcluded", new JsonString("NOASSERTION"));
      } else if (noLicense == 2) {
        p.put("licenseConcluded", new JsonString("NONE"));
      }
      c.purl()
          .ifPresent(
              purl ->
                  p.put(
                      "externalRefs",
                      new JsonArray(
                          List.of(
                              object(
                                  "referenceCategory", "PACKAGE-MANAGER",
                                  "referenceType", "purl",
                                  "referenceLocator", purl)))));
      packages.add(new JsonObject(p));
    }
    Map<String, JsonValue> doc = new LinkedHashMap<>();
    doc.put("spdxVersion", new JsonString("SPDX-2.3"));
    doc.put("dataLicense", new JsonString("CC0-1.0"));
    doc.put("SPDXID", new JsonString("SPDXRef-DOCUMENT"));
    doc.put("name", new JsonString(name));
    doc.put("documentNamespace", new JsonString("https://acme.example/spdx/" + name));
    doc.put("packages", new JsonArray(packages));
    try {
      return SpdxDocument.of(new JsonObject(doc), "SscArbitraries.spdxDocuments()");
    } catch (dev.ssc.api.SscFormatException e) {
      throw new IllegalStateException("generated an invalid SPDX document", e);
    }
  }

  // ---------------------------------------------------------------- VEX

  /**
   * OpenVEX documents about a random product ({@linkplain #digestSets() digest set}) and {@link
   * #vulnerabilityIds()}, as {@link #openVex(DigestSet, Arbitrary)}.
   */
  public static Arbitrary<OpenVex> openVex() {
    return digestSets().flatMap(product -> openVex(product, vulnerabilityIds()));
  }

  /**
   * OpenVEX v0.2.0 documents of one to four distinct statements about {@code vulnerabilityIds} and
   * the product {@code product}. Each statement's status is {@code not_affected} (with a
   * justification, or only an impact statement about one time in four), {@code affected} (with the
   * action statement the specification requires), {@code fixed} or {@code under_investigation};
   * sometimes with a GHSA alias. Its products are empty (in an attestation they cascade from its
   * subjects) about a third of the time, else the product identified by its digests that have
   * OpenVEX hash labels (and by a {@code pkg:oci} purl), or by that purl alone. Statements carry
   * their own timestamp about half the time, at or after the document's.
   */
  public static Arbitrary<OpenVex> openVex(DigestSet product, Arbitrary<String> vulnerabilityIds) {
    requireNonNull(product, "product");
    requireNonNull(vulnerabilityIds, "vulnerabilityIds");
    List<Digest> labelled = new ArrayList<>();
    product.digests().stream()
        .filter(d -> VexComponent.hashLabel(d.algorithm()).isPresent())
        .forEach(labelled::add);
    String purl =
        "pkg:oci/web@"
            + product.sha256().map(Object::toString).orElse("sha256:" + "0".repeat(64))
            + "?repository_url=registry.acme.example/acme";
    VexComponent.Builder byHashes = VexComponent.builder().purl(purl);
    if (!labelled.isEmpty()) {
      byHashes.hashes(DigestSet.of(labelled));
    }
    VexComponent hashed = byHashes.build();
    VexComponent named = VexComponent.builder().id(purl).build();
    Arbitrary<List<VexComponent>> products =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(List.<VexComponent>of())),
            Tuple.of(1, Arbitraries.just(List.of(hashed))),
            Tuple.of(1, Arbitraries.just(List.of(named))));
    Arbitrary<Optional<Long>> offset = Arbitraries.longs().between(0, 30 * 86400L).optional(0.5);
    Arbitrary<VexStatement.Justification> justification =
        Arbitraries.of(VexStatement.Justification.class);
    Arbitrary<Optional<String>> alias =
        Arbitraries.strings()
            .withChars("23456789cfghjmpqrvwx")
            .ofLength(4)
            .map(x -> "GHSA-" + x + "-" + x + "-" + x)
            .optional(0.2);
    Arbitrary<Function<Instant, VexStatement>> statement =
        Combinators.combine(
                vulnerabilityIds,
                Arbitraries.of(VexStatement.Status.class),
                justification,
                Arbitraries.integers().between(0, 3),
                products,
                offset,
                alias)
            .as(
                (id, status, why, form, ps, off, al) ->
                    (Instant docTime) -> {
                      VexStatement.Builder b =
                          VexStatement.builder()
                              .vulnerabilityName(id)
                              .status(status)
                              .addAllProducts(ps);
                      al.filter(a -> !a.equals(id)).ifPresent(b::addVulnerabilityAliases);
                      off.ifPresent(o -> b.timestamp(docTime.plusSeconds(o)));
                      if (status == VexStatement.Status.NOT_AFFECTED) {
                        if (form == 0) {
                          b.impactStatement("the vulnerable function is never called");
                        } else {
                          b.justification(why);
                        }
                      } else if (status == VexStatement.Status.AFFECTED) {
                        b.actionStatement("upgrade to the fixed release");
                      }
                      return b.build();
                    });
    return Combinators.combine(
            statement.list().ofMinSize(1).ofMaxSize(4),
            instants(),
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(1, 9999),
            Arbitraries.of("Acme Security", "acme-psirt@acme.example"))
        .as(
            (makers, at, version, n, author) -> {
              List<VexStatement> statements = new ArrayList<>();
              for (Function<Instant, VexStatement> m : makers) {
                VexStatement s = m.apply(at);
                if (!statements.contains(s)) {
                  statements.add(s);
                }
              }
              return OpenVex.builder()
                  .id("https://openvex.dev/docs/acme/vex-" + n)
                  .author(author)
                  .timestamp(at)
                  .version(version)
                  .addAllStatements(statements)
                  .build();
            });
  }

  // ---------------------------------------------------------------- evidence sets

  /** Unbroken evidence sets of {@link EvidenceSpec#defaults()}; see {@link EvidenceSet}. */
  public static Arbitrary<EvidenceSet> evidenceSets() {
    return evidenceSets(EvidenceSpec.defaults());
  }

  /**
   * Unbroken evidence sets of {@code spec}: for a random subject digest, the attestations {@link
   * EvidenceSet} describes, which {@link EvidenceSpec#policy()} allows. Break them with {@link
   * EvidenceSet#with(EvidenceSet.Defect)}.
   */
  public static Arbitrary<EvidenceSet> evidenceSets(EvidenceSpec spec) {
    return EvidenceSets.arbitrary(requireNonNull(spec, "spec"));
  }

  // ---------------------------------------------------------------- helpers

  /** Instants between 2024 and 2027, to the second. */
  static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, SPAN_SECONDS).map(EPOCH::plusSeconds);
  }

  /** Two ordered instants at most a few hours apart. */
  private static Arbitrary<List<Instant>> timeSpans() {
    return Combinators.combine(instants(), Arbitraries.longs().between(0, 4 * 3600))
        .as((start, seconds) -> List.of(start, start.plusSeconds(seconds)));
  }

  private static JsonObject object(String... namesAndValues) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put(namesAndValues[i], new JsonString(namesAndValues[i + 1]));
    }
    return new JsonObject(m);
  }
}
