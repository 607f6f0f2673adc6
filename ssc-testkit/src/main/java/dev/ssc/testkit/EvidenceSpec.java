package dev.ssc.testkit;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.identity.Role;
import dev.ssc.policy.Authority;
import dev.ssc.policy.BaseImageRule;
import dev.ssc.policy.CodeReviewRule;
import dev.ssc.policy.LicenseRule;
import dev.ssc.policy.ProvenanceRule;
import dev.ssc.policy.RegistryRule;
import dev.ssc.policy.RulePolicy;
import dev.ssc.policy.TestRule;
import dev.ssc.policy.VulnerabilityRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@linkplain SscArbitraries#evidenceSets(EvidenceSpec) generated evidence sets} look like:
 * the organization's trusted builder and source repository, its roster of principals and roles, its
 * approved base images and allowed licenses, the evaluation time, and the test authorities that
 * sign the evidence; plus {@link #policy()}, an Acme-like policy over the same authorities and
 * roster that allows every unbroken set.
 *
 * <p>The test authorities are {@value #CI} (provenance and SBOMs), {@value #CODE_REVIEW}, {@value
 * #TEST_RUNNER}, {@value #SCANNER} and {@value #SECURITY} (VEX). Each has one key, whose id is the
 * authority name followed by {@code -key} ({@link #keyId}), threshold 1. To property-test your own
 * policy, build it over the same key ids: {@link #authority(String)} in Java, or in a policy file
 * {@code authorities: {ci: {threshold: 1, keys: [{keyId: ci-key}]}, ...}}, and list the same
 * principals.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * EvidenceSpec spec = EvidenceSpec.builder()
 *     .principal("alice", SscArbitraries.MAINTAINER)
 *     .principal("bob", SscArbitraries.MAINTAINER)
 *     .principal("dave", SscArbitraries.DEVELOPER)
 *     .build();
 * RulePolicy mine = spec.policyBuilder("acme/production")
 *     .rule(CodeReviewRule.builder()
 *         .authority(spec.authority(EvidenceSpec.CODE_REVIEW))
 *         .provenanceAuthority(spec.authority(EvidenceSpec.CI))
 *         .build())
 *     .build();
 * }</pre>
 */
public final class EvidenceSpec {
  /** The build system's authority: signs provenance and SBOMs. */
  public static final String CI = "ci";

  /** The review system's authority: signs code reviews. */
  public static final String CODE_REVIEW = "code-review";

  /** The test runner's authority: signs test results. */
  public static final String TEST_RUNNER = "test-runner";

  /** The vulnerability scanner's authority: signs vulnerability scans. */
  public static final String SCANNER = "scanner";

  /** The security team's authority: signs OpenVEX documents. */
  public static final String SECURITY = "security";

  /** A key id that no authority of the spec trusts: {@value}. */
  public static final String UNTRUSTED_KEY_ID = "mallory-key";

  /** The default evaluation time, {@code 2026-12-01T12:00:00Z}. */
  public static final Instant DEFAULT_TIME = Instant.parse("2026-12-01T12:00:00Z");

  private static final List<String> AUTHORITIES =
      List.of(CI, CODE_REVIEW, TEST_RUNNER, SCANNER, SECURITY);

  private final Instant time;
  private final String builderId;
  private final String sourceRepository;
  private final Map<String, Set<Role>> roster;
  private final List<ImageReference> baseImages;
  private final List<String> licenses;
  private final int minApprovals;

  private EvidenceSpec(Builder b) {
    this.time = b.time;
    this.builderId = b.builderId;
    this.sourceRepository = b.sourceRepository;
    Map<String, Set<Role>> r = new LinkedHashMap<>();
    b.roster.forEach((k, v) -> r.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    this.roster = Collections.unmodifiableMap(r);
    this.baseImages = List.copyOf(b.baseImages);
    this.licenses = List.copyOf(b.licenses);
    this.minApprovals = b.minApprovals;
  }

  /**
   * The default spec: builder {@link SscArbitraries#TRUSTED_BUILDER_ID}, source {@code
   * https://github.com/acme/web}, maintainers {@code alice}, {@code bob} and {@code carol},
   * developers {@code dave} and {@code erin}, base images on {@code registry.acme.example} and
   * {@code ghcr.io}, licenses MIT, Apache-2.0, BSD-3-Clause, ISC and MPL-2.0, one maintainer
   * approval, evaluated at {@link #DEFAULT_TIME}.
   */
  public static EvidenceSpec defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults of {@link #defaults()} except the roster, if set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The evaluation time; all generated evidence is older. */
  public Instant time() {
    return time;
  }

  /** The builder id of the trusted builder. */
  public String builderId() {
    return builderId;
  }

  /** The source repository, such as {@code https://github.com/acme/web}. */
  public String sourceRepository() {
    return sourceRepository;
  }

  /** The roster: principal id to roles, in insertion order. */
  public Map<String, Set<Role>> roster() {
    return roster;
  }

  /** The principals with the role {@link CodeReviewRule#DEFAULT_ROLE maintainer}. */
  public List<String> maintainers() {
    List<String> out = new ArrayList<>();
    roster.forEach(
        (id, roles) -> {
          if (roles.contains(CodeReviewRule.DEFAULT_ROLE)) {
            out.add(id);
          }
        });
    return Collections.unmodifiableList(out);
  }

  /** The approved base images, pinned by digest. */
  public List<ImageReference> baseImages() {
    return baseImages;
  }

  /** The allowed licenses (SPDX ids or expressions). */
  public List<String> licenses() {
    return licenses;
  }

  /** How many maintainers other than the author approve each unbroken review (at least). */
  public int minApprovals() {
    return minApprovals;
  }

  /**
   * The key id of the test authority {@code authority}: the name followed by {@code -key}.
   *
   * @throws IllegalArgumentException if {@code authority} is not one of the spec's authorities
   */
  public static String keyId(String authority) {
    requireNonNull(authority, "authority");
    if (!AUTHORITIES.contains(authority)) {
      throw new IllegalArgumentException(
          "unknown test authority '" + authority + "'; known: " + AUTHORITIES);
    }
    return authority + "-key";
  }

  /**
   * The test authority {@code name} ({@link #CI}, {@link #CODE_REVIEW}, ...): its one key {@link
   * #keyId}, threshold 1.
   *
   * @throws IllegalArgumentException if {@code name} is not one of the spec's authorities
   */
  public Authority authority(String name) {
    return Authority.ofKeyIds(name, 1, Set.of(keyId(name)));
  }

  /**
   * A policy builder with the spec's five authorities and its roster, but no rules yet: add your
   * rules, then build.
   */
  public RulePolicy.Builder policyBuilder(String policyId) {
    RulePolicy.Builder b = RulePolicy.builder(policyId);
    AUTHORITIES.forEach(a -> b.authority(authority(a)));
    roster.forEach(b::principal);
    return b;
  }

  /**
   * The Acme-like policy {@code testkit/acme}, which allows every unbroken evidence set of this
   * spec and denies each {@link EvidenceSet.Defect} with the rule {@link
   * EvidenceSet.Defect#ruleId()}. Its rules, with their default ids: {@code provenance} (the
   * builder id and source repository), {@code base-images} (the approved base images), {@code
   * registries} (their registries, no Docker Hub, pinned), {@code code-review} ({@link
   * #minApprovals()} maintainers, reviews by {@value #CODE_REVIEW}, provenance by {@value #CI}),
   * {@code tests} (by {@value #TEST_RUNNER}), {@code vulnerabilities} (none at or above high from
   * {@value #SCANNER}, VEX by {@value #SECURITY}) and {@code licenses} (the allowed licenses, SBOM
   * by {@value #CI}).
   */
  public RulePolicy policy() {
    Authority ci = authority(CI);
    BaseImageRule.Builder images = BaseImageRule.builder().authority(ci);
    Set<String> registries = new LinkedHashSet<>();
    for (ImageReference image : baseImages) {
      images.approve(image);
      registries.add(image.registry());
    }
    return policyBuilder("testkit/acme")
        .rule(
            ProvenanceRule.builder()
                .authority(ci)
                .builderId(builderId)
                .sourceRepository(sourceRepository)
                .build())
        .rule(images.build())
        .rule(RegistryRule.builder().authority(ci).allow(registries).build())
        .rule(
            CodeReviewRule.builder()
                .authority(authority(CODE_REVIEW))
                .provenanceAuthority(ci)
                .minApprovals(minApprovals)
                .build())
        .rule(TestRule.builder().authority(authority(TEST_RUNNER)).build())
        .rule(
            VulnerabilityRule.builder()
                .authority(authority(SCANNER))
                .denyAtOrAbove(VulnerabilityRule.Severity.HIGH)
                .vexAuthority(authority(SECURITY))
                .build())
        .rule(LicenseRule.builder().authority(ci).allow(licenses).build())
        .build();
  }

  @Override
  public String toString() {
    return "EvidenceSpec[" + builderId + ", " + sourceRepository + ", roster " + roster + "]";
  }

  /** Builds an {@link EvidenceSpec}. Not thread-safe. */
  public static final class Builder {
    private Instant time = DEFAULT_TIME;
    private String builderId = SscArbitraries.TRUSTED_BUILDER_ID;
    private String sourceRepository = "https://github.com/acme/web";
    private final Map<String, Set<Role>> roster = new LinkedHashMap<>();
    private final List<ImageReference> baseImages = new ArrayList<>();
    private final List<String> licenses = new ArrayList<>();
    private int minApprovals = 1;

    Builder() {}

    /** Sets the evaluation time; {@link #DEFAULT_TIME} unless set. */
    @CanIgnoreReturnValue
    public Builder time(Instant time) {
      this.time = requireNonNull(time, "time");
      return this;
    }

    /** Sets the trusted builder id; {@link SscArbitraries#TRUSTED_BUILDER_ID} unless set. */
    @CanIgnoreReturnValue
    public Builder builderId(String builderId) {
      this.builderId = nonBlank(builderId, "builderId");
      return this;
    }

    /** Sets the source repository ({@code scheme://host/path}); acme/web on GitHub unless set. */
    @CanIgnoreReturnValue
    public Builder sourceRepository(String sourceRepository) {
      this.sourceRepository = nonBlank(sourceRepository, "sourceRepository");
      return this;
    }

    /**
     * Adds a principal with roles to the roster; the default roster is used only if none is added.
     *
     * @throws IllegalArgumentException if the id is blank or already added
     */
    @CanIgnoreReturnValue
    public Builder principal(String id, Role... roles) {
      return principal(id, List.of(requireNonNull(roles, "roles")));
    }

    /**
     * Adds a principal with roles to the roster; the default roster is used only if none is added.
     *
     * @throws IllegalArgumentException if the id is blank or already added
     */
    @CanIgnoreReturnValue
    public Builder principal(String id, Collection<Role> roles) {
      nonBlank(id, "principal id");
      requireNonNull(roles, "roles");
      if (roster.putIfAbsent(id, new LinkedHashSet<>(roles)) != null) {
        throw new IllegalArgumentException("principal '" + id + "' was already added");
      }
      return this;
    }

    /**
     * Adds an approved base image; the defaults are used only if none is added.
     *
     * @throws IllegalArgumentException if it is not pinned by a sha256 digest or is on Docker Hub
     */
    @CanIgnoreReturnValue
    public Builder baseImage(ImageReference image) {
      requireNonNull(image, "image");
      if (image.digest().isEmpty()
          || !image.digest().get().algorithm().equals(DigestAlgorithm.SHA256)
          || image.isDockerHub()) {
        throw new IllegalArgumentException(
            "a base image must be pinned by sha256 and not on Docker Hub, got " + image);
      }
      baseImages.add(image);
      return this;
    }

    /**
     * Adds an allowed license (an SPDX id such as {@code MIT}); the defaults are used only if none
     * is added. Do not allow {@code GPL-3.0-only}: {@link EvidenceSet.Defect#GPL_COMPONENT} adds
     * it.
     *
     * @throws IllegalArgumentException if it is blank or {@code GPL-3.0-only}
     */
    @CanIgnoreReturnValue
    public Builder license(String license) {
      nonBlank(license, "license");
      if (license.equals(EvidenceSet.GPL)) {
        throw new IllegalArgumentException(EvidenceSet.GPL + " is the license of GPL_COMPONENT");
      }
      licenses.add(license);
      return this;
    }

    /**
     * Sets how many maintainers other than the author approve each unbroken review; 1 unless set.
     *
     * @throws IllegalArgumentException if less than 1
     */
    @CanIgnoreReturnValue
    public Builder minApprovals(int minApprovals) {
      if (minApprovals < 1) {
        throw new IllegalArgumentException("minApprovals must be at least 1, got " + minApprovals);
      }
      this.minApprovals = minApprovals;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @throws IllegalArgumentException if the roster has fewer than {@code minApprovals}
     *     maintainers
     */
    public EvidenceSpec build() {
      if (roster.isEmpty()) {
        principal("alice", SscArbitraries.MAINTAINER);
        principal("bob", SscArbitraries.MAINTAINER, SscArbitraries.RELEASE_MANAGER);
        principal("carol", SscArbitraries.MAINTAINER, SscArbitraries.SECURITY);
        principal("dave", SscArbitraries.DEVELOPER);
        principal("erin", SscArbitraries.DEVELOPER);
      }
      if (baseImages.isEmpty()) {
        baseImage(
            ImageReference.parse(
                "registry.acme.example/base/java:21-jre@sha256:" + "1a".repeat(32)));
        baseImage(
            ImageReference.parse(
                "registry.acme.example/base/distroless@sha256:" + "2b".repeat(32)));
        baseImage(ImageReference.parse("ghcr.io/acme/base/python:3.12@sha256:" + "3c".repeat(32)));
      }
      if (licenses.isEmpty()) {
        List.of("MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "MPL-2.0").forEach(this::license);
      }
      EvidenceSpec spec = new EvidenceSpec(this);
      if (spec.maintainers().size() < minApprovals) {
        throw new IllegalArgumentException(
            "the roster has "
                + spec.maintainers().size()
                + " maintainers, fewer than minApprovals "
                + minApprovals
                + ": "
                + roster);
      }
      return spec;
    }

    @CanIgnoreReturnValue
    private static String nonBlank(String value, String what) {
      requireNonNull(value, what);
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return value;
    }
  }
}
