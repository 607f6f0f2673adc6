package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.SlsaProvenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Requires that every base image the build used is pinned by digest and approved: its digest is in
 * the approved set, or it carries an approval attestation from the security authority.
 *
 * <p>The base images are the container images among the {@code resolvedDependencies} of every
 * trusted SLSA provenance v1 about the subject signed by the {@linkplain Builder#authority
 * authority}. A dependency is a container image when its {@code uri} is a {@code pkg:docker/} or
 * {@code pkg:oci/} package URL (BuildKit writes {@code pkg:docker/alpine@3.19?platform=...} with
 * the digest in {@code digest.sha256}) or starts with {@code docker://} or {@code oci://}, or when
 * its {@code mediaType} is an OCI or Docker image manifest or index. Every such image counts,
 * including BuildKit's Dockerfile frontend image ({@code pkg:docker/docker/dockerfile@1}); approve
 * it too. An image is pinned when the dependency records a {@code sha256}, {@code sha384} or {@code
 * sha512} digest or its reference carries one (when both do, they must agree).
 *
 * <p>An image is approved when one of its digests is in the {@linkplain Builder#approve approved
 * set} (names given with approved digests are for messages only: an artifact is its digest), or,
 * when an {@linkplain Builder#approvalAuthority approval authority} is set, when a verified
 * attestation of the {@linkplain Builder#approvalPredicateType approval predicate type} (by default
 * {@value #DEFAULT_APPROVAL_PREDICATE_TYPE}) whose statement subject is the image digest is signed
 * by that authority. A build without container images among its dependencies passes and says so;
 * without trusted provenance the rule fails.
 *
 * <pre>{@code
 * Rule baseImages = BaseImageRule.builder()
 *     .authority(Authority.ofKeyIds("ci", 1, Set.of("ci-key")))
 *     .approve(ImageReference.parse("cgr.dev/chainguard/static@sha256:" + hex))
 *     .approvalAuthority(Authority.ofKeyIds("security", 1, Set.of("sec-key")))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BaseImageRule implements Rule {
  private final ContainerImages.Cache imageCache = new ContainerImages.Cache();

  /** The rule id unless one is set. */
  public static final String DEFAULT_ID = "base-images";

  /** The predicate type of base image approvals unless one is set. */
  public static final String DEFAULT_APPROVAL_PREDICATE_TYPE =
      "https://ssc.dev/attestation/base-image-approval/v1";

  private final String id;
  private final Authority authority;
  private final Map<Digest, String> approved;
  private final @Nullable Authority approvalAuthority;
  private final String approvalPredicateType;

  private BaseImageRule(Builder b, Authority authority) {
    this.id = b.id;
    this.authority = authority;
    this.approved = Collections.unmodifiableMap(new LinkedHashMap<>(b.approved));
    this.approvalAuthority = b.approvalAuthority;
    this.approvalPredicateType = b.approvalPredicateType;
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
    Set<Digest> evidence = new LinkedHashSet<>(found.ids());
    RuleResult.Builder r = RuleResult.builder().ruleId(id);
    if (found.isEmpty()) {
      return r.addAllEvidence(evidence)
          .outcome(RuleResult.Outcome.FAIL)
          .message(found.describeMissing(context.subject().toString()))
          .remedy(
              "provide SLSA provenance v1 about this exact digest, signed by "
                  + authority.threshold()
                  + " of the keys of authority '"
                  + authority.name()
                  + "', that lists the base images among its resolvedDependencies")
          .build();
    }
    Map<String, ContainerImages.Image> images = new LinkedHashMap<>();
    for (Evidence<SlsaProvenance> e : found.trusted()) {
      for (ResourceDescriptor d : e.predicate().resolvedDependencies()) {
        imageCache.of(d).ifPresent(i -> images.putIfAbsent(i.shown() + " " + i.digests(), i));
      }
    }
    if (images.isEmpty()) {
      return r.addAllEvidence(evidence)
          .outcome(RuleResult.Outcome.PASS)
          .message(
              "the build used no base image: no container image among the resolvedDependencies of"
                  + " the trusted provenance "
                  + found.trusted().get(0).id()
                  + (found.trusted().size() > 1
                      ? " and " + (found.trusted().size() - 1) + " more"
                      : ""))
          .build();
    }
    List<String> good = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (ContainerImages.Image image : images.values()) {
      Optional<String> problem = image.problem();
      if (problem.isPresent() && image.digests().isEmpty()) {
        bad.add(image + ": " + problem.get());
        continue;
      }
      if (!image.isPinned()) {
        bad.add(image + " is not pinned by digest");
        continue;
      }
      Optional<String> listed = approvedAs(image);
      if (listed.isPresent()) {
        good.add(image + " (approved: " + listed.get() + ")");
        continue;
      }
      if (approvalAuthority == null) {
        bad.add(image + " (" + image.digests() + ") is not in the approved set");
        continue;
      }
      EvidenceSearch<JsonObject> approvals =
          context.find(approvalPredicateType, approvalAuthority, image.digests());
      evidence.addAll(approvals.ids());
      if (!approvals.isEmpty()) {
        good.add(
            image
                + " (approved by authority '"
                + approvalAuthority.name()
                + "' in "
                + approvals.trusted().get(0).id()
                + ")");
      } else {
        bad.add(
            image
                + " is not in the approved set and has "
                + approvals.describeMissing(image.digests().toString()));
      }
    }
    r.addAllEvidence(evidence);
    if (bad.isEmpty()) {
      return r.outcome(RuleResult.Outcome.PASS)
          .message("every base image is pinned and approved: " + String.join("; ", good))
          .build();
    }
    return r.outcome(RuleResult.Outcome.FAIL)
        .message(
            bad.size() + " of " + images.size() + " base images fail: " + String.join("; ", bad))
        .remedy(remedy())
        .build();
  }

  private Optional<String> approvedAs(ContainerImages.Image image) {
    for (Digest d : image.digests().digests()) {
      String name = approved.get(d);
      if (name != null) {
        return Optional.of(name.isEmpty() ? d.toString() : name);
      }
    }
    return Optional.empty();
  }

  private String remedy() {
    StringBuilder sb =
        new StringBuilder("pin every base image by digest (FROM image@sha256:...) and use one")
            .append(" whose digest is approved");
    if (!approved.isEmpty()) {
      sb.append(" (").append(approved.size()).append(" approved in the policy)");
    }
    if (approvalAuthority != null) {
      sb.append(", or have authority '")
          .append(approvalAuthority.name())
          .append("' sign a ")
          .append(approvalPredicateType)
          .append(" attestation about the image digest");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "BaseImageRule["
        + id
        + ", "
        + authority.name()
        + ", "
        + approved.size()
        + " approved"
        + (approvalAuthority == null ? "" : ", approvals by " + approvalAuthority.name())
        + "]";
  }

  /** Builds a {@link BaseImageRule}; the authority and some way of approving are required. */
  public static final class Builder {
    private static final Set<DigestAlgorithm> IMAGE_ALGORITHMS =
        Set.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA384, DigestAlgorithm.SHA512);

    private String id = DEFAULT_ID;
    private @Nullable Authority authority;
    private final Map<Digest, String> approved = new LinkedHashMap<>();
    private @Nullable Authority approvalAuthority;
    private String approvalPredicateType = DEFAULT_APPROVAL_PREDICATE_TYPE;
    private boolean predicateTypeSet;

    Builder() {}

    /** Sets the rule id; {@value BaseImageRule#DEFAULT_ID} unless set. */
    @CanIgnoreReturnValue
    public Builder id(String id) {
      Rules.checkId(id);
      this.id = id;
      return this;
    }

    /** Sets the authority whose keys sign the provenance that lists the base images. */
    @CanIgnoreReturnValue
    public Builder authority(Authority authority) {
      this.authority = requireNonNull(authority, "authority");
      return this;
    }

    /**
     * Approves the image with digest {@code digest}.
     *
     * @throws IllegalArgumentException if the digest is not sha256, sha384 or sha512
     */
    @CanIgnoreReturnValue
    public Builder approve(Digest digest) {
      requireNonNull(digest, "digest");
      checkAlgorithm(digest);
      approved.putIfAbsent(digest, "");
      return this;
    }

    /**
     * Approves the image {@code pinned} names by digest; its name appears in messages, but only the
     * digest is compared.
     *
     * @throws IllegalArgumentException if the reference is not pinned by digest
     */
    @CanIgnoreReturnValue
    public Builder approve(ImageReference pinned) {
      requireNonNull(pinned, "pinned");
      Digest digest =
          pinned
              .digest()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "an approved image must be pinned by digest, got " + pinned));
      checkAlgorithm(digest);
      approved.put(digest, pinned.toString());
      return this;
    }

    private static void checkAlgorithm(Digest digest) {
      if (!IMAGE_ALGORITHMS.contains(digest.algorithm())) {
        throw new IllegalArgumentException(
            "an approved image digest must be sha256, sha384 or sha512, got " + digest);
      }
    }

    /** Sets the authority whose approval attestations about an image digest approve it. */
    @CanIgnoreReturnValue
    public Builder approvalAuthority(Authority approvalAuthority) {
      this.approvalAuthority = requireNonNull(approvalAuthority, "approvalAuthority");
      return this;
    }

    /**
     * Sets the predicate type of approval attestations; {@value
     * BaseImageRule#DEFAULT_APPROVAL_PREDICATE_TYPE} unless set.
     *
     * @throws IllegalArgumentException if it is blank
     */
    @CanIgnoreReturnValue
    public Builder approvalPredicateType(String approvalPredicateType) {
      requireNonNull(approvalPredicateType, "approvalPredicateType");
      if (approvalPredicateType.isBlank()) {
        throw new IllegalArgumentException("approvalPredicateType must not be blank");
      }
      this.approvalPredicateType = approvalPredicateType;
      this.predicateTypeSet = true;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws IllegalStateException if the authority is missing
     * @throws IllegalArgumentException if neither an approved digest nor an approval authority is
     *     given, or an approval predicate type is given without an approval authority
     */
    public BaseImageRule build() {
      Authority a = authority;
      if (a == null) {
        throw new IllegalStateException("rule '" + id + "' needs an authority");
      }
      if (approved.isEmpty() && approvalAuthority == null) {
        throw new IllegalArgumentException(
            "rule '" + id + "' needs approved image digests or an approvalAuthority, or both");
      }
      if (predicateTypeSet && approvalAuthority == null) {
        throw new IllegalArgumentException(
            "rule '" + id + "' sets approvalPredicateType but no approvalAuthority");
      }
      return new BaseImageRule(this, a);
    }
  }
}
