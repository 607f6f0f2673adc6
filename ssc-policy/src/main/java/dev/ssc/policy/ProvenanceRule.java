package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.attest.predicate.SlsaProvenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Requires trusted SLSA provenance v1 ({@value SlsaProvenance#URI}) about the subject, signed by an
 * authority, from an allowed builder, build type and source repository.
 *
 * <p>Each allowlist is optional; with none configured the rule just requires trusted provenance. A
 * configured allowlist may not be empty. The rule passes when at least one trusted provenance
 * satisfies every configured allowlist:
 *
 * <ul>
 *   <li>{@linkplain Builder#builderIds builder ids}: exact match on {@code runDetails.builder.id};
 *   <li>{@linkplain Builder#buildTypes build types}: exact match on {@code
 *       buildDefinition.buildType};
 *   <li>{@linkplain Builder#sourceRepositories source repositories}: the repository of the
 *       provenance's source, its first {@code resolvedDependencies} entry that is a git source
 *       ({@code uri} starting with {@code git+}, a repository ending in {@code .git}, or a {@code
 *       gitCommit} digest). The repository is the {@code uri} up to the {@code @} (or {@code #})
 *       that starts the git reference, so {@code git+https://github.com/acme/app@refs/heads/main}
 *       is {@code https://github.com/acme/app}. Both sides are normalized before an exact
 *       comparison: scheme and host lowercase, {@code git+https://} equal to {@code https://}, user
 *       info dropped, trailing {@code /} and {@code .git} ignored, path case kept. A provenance
 *       without a git source does not satisfy this allowlist.
 * </ul>
 *
 * <pre>{@code
 * Rule provenance = ProvenanceRule.builder()
 *     .authority(Authority.ofKeyIds("ci", 1, Set.of("ci-key")))
 *     .builderId("https://github.com/actions/runner/github-hosted")
 *     .sourceRepository("https://github.com/acme/app")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ProvenanceRule implements Rule {
  /** The normalized source repository of each decoded provenance (a pure function). */
  private final Memo<Memo.Identity, Optional<String>> repositories = new Memo<>(4096);

  /** The rule id unless one is set. */
  public static final String DEFAULT_ID = "provenance";

  private final String id;
  private final Authority authority;
  private final @Nullable Set<String> builderIds;
  private final @Nullable Set<String> buildTypes;
  private final @Nullable Set<String> sourceRepositories;

  private ProvenanceRule(Builder b, Authority authority) {
    this.id = b.id;
    this.authority = authority;
    this.builderIds = copy(b.builderIds);
    this.buildTypes = copy(b.buildTypes);
    this.sourceRepositories = copy(b.sourceRepositories);
  }

  private static @Nullable Set<String> copy(@Nullable Set<String> s) {
    return s == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(s));
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
          .remedy(remedy())
          .build();
    }
    List<String> failures = new ArrayList<>();
    for (Evidence<SlsaProvenance> e : found.trusted()) {
      List<String> mismatches = mismatches(e.predicate());
      if (mismatches.isEmpty()) {
        return r.outcome(RuleResult.Outcome.PASS)
            .message(
                "provenance "
                    + e.id()
                    + " signed by authority '"
                    + authority.name()
                    + "' "
                    + authority.signersOf(e.attestation())
                    + " shows "
                    + describe(e.predicate()))
            .build();
      }
      failures.add("provenance " + e.id() + ": " + String.join("; ", mismatches));
    }
    String message =
        "no trusted provenance signed by authority '"
            + authority.name()
            + "' about "
            + context.subject()
            + " satisfies the allowlists: "
            + String.join(" | ", failures);
    if (!found.rejected().isEmpty()) {
      StringBuilder sb = new StringBuilder(message).append("; rejected: ");
      for (int i = 0; i < found.rejected().size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(found.rejected().get(i));
      }
      message = sb.toString();
    }
    return r.outcome(RuleResult.Outcome.FAIL).message(message).remedy(remedy()).build();
  }

  private List<String> mismatches(SlsaProvenance p) {
    List<String> out = new ArrayList<>(3);
    if (builderIds != null && !builderIds.contains(p.builderId())) {
      out.add("builder id " + p.builderId() + " is not allowed; allowed: " + builderIds);
    }
    if (buildTypes != null && !buildTypes.contains(p.buildType())) {
      out.add("build type " + p.buildType() + " is not allowed; allowed: " + buildTypes);
    }
    if (sourceRepositories != null) {
      Optional<ResourceDescriptor> source = Provenances.source(p);
      Optional<String> repository =
          repositories.get(new Memo.Identity(p), k -> Provenances.sourceRepository(p));
      if (source.isEmpty()) {
        out.add(
            "records no git source among its resolvedDependencies; allowed source repositories: "
                + sourceRepositories);
      } else if (repository.isEmpty()) {
        out.add(
            "its git source "
                + source.get().uri().orElse("(without uri)")
                + " names no repository; allowed: "
                + sourceRepositories);
      } else if (!sourceRepositories.contains(repository.get())) {
        out.add(
            "source repository "
                + repository.get()
                + " is not allowed; allowed: "
                + sourceRepositories);
      }
    }
    return out;
  }

  private String describe(SlsaProvenance p) {
    StringBuilder sb = new StringBuilder();
    sb.append("builder id ").append(p.builderId());
    sb.append(", build type ").append(p.buildType());
    Optional<String> repository =
        repositories.get(new Memo.Identity(p), k -> Provenances.sourceRepository(p));
    if (repository.isPresent()) {
      sb.append(", source ").append(repository.get());
      Optional<Digest> commit = Provenances.sourceCommit(p);
      commit.ifPresent(c -> sb.append(" at ").append(c));
    }
    if (builderIds == null && buildTypes == null && sourceRepositories == null) {
      sb.append(" (no allowlist configured)");
    } else {
      sb.append(" (allowed)");
    }
    return sb.toString();
  }

  private String remedy() {
    StringBuilder sb =
        new StringBuilder(
                "build with a builder whose SLSA provenance v1 about this exact digest is")
            .append(" signed by ")
            .append(authority.threshold())
            .append(" of the keys of authority '")
            .append(authority.name())
            .append("'");
    if (builderIds != null) {
      sb.append(", with builder id one of ").append(builderIds);
    }
    if (buildTypes != null) {
      sb.append(", build type one of ").append(buildTypes);
    }
    if (sourceRepositories != null) {
      sb.append(", from source repository one of ").append(sourceRepositories);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "ProvenanceRule[" + id + ", " + authority.name() + "]";
  }

  /** Builds a {@link ProvenanceRule}; the authority is required. */
  public static final class Builder {
    private String id = DEFAULT_ID;
    private @Nullable Authority authority;
    private @Nullable Set<String> builderIds;
    private @Nullable Set<String> buildTypes;
    private @Nullable Set<String> sourceRepositories;

    Builder() {}

    /** Sets the rule id; {@value ProvenanceRule#DEFAULT_ID} unless set. */
    @CanIgnoreReturnValue
    public Builder id(String id) {
      Rules.checkId(id);
      this.id = id;
      return this;
    }

    /** Sets the authority whose keys sign the provenance (the build system). */
    @CanIgnoreReturnValue
    public Builder authority(Authority authority) {
      this.authority = requireNonNull(authority, "authority");
      return this;
    }

    /**
     * Allows the builder id {@code builderId} ({@code runDetails.builder.id}, exact match).
     *
     * @throws IllegalArgumentException if it is blank
     */
    @CanIgnoreReturnValue
    public Builder builderId(String builderId) {
      builderIds = add(builderIds, "builderId", builderId);
      return this;
    }

    /**
     * Allows these builder ids, in addition to any allowed before.
     *
     * @throws IllegalArgumentException if {@code builderIds} is empty or one is blank
     */
    @CanIgnoreReturnValue
    public Builder builderIds(Iterable<String> builderIds) {
      this.builderIds = addAll(this.builderIds, "builderIds", builderIds);
      return this;
    }

    /**
     * Allows the build type {@code buildType} ({@code buildDefinition.buildType}, exact match).
     *
     * @throws IllegalArgumentException if it is blank
     */
    @CanIgnoreReturnValue
    public Builder buildType(String buildType) {
      buildTypes = add(buildTypes, "buildType", buildType);
      return this;
    }

    /**
     * Allows these build types, in addition to any allowed before.
     *
     * @throws IllegalArgumentException if {@code buildTypes} is empty or one is blank
     */
    @CanIgnoreReturnValue
    public Builder buildTypes(Iterable<String> buildTypes) {
      this.buildTypes = addAll(this.buildTypes, "buildTypes", buildTypes);
      return this;
    }

    /**
     * Allows the source repository {@code repository}, such as {@code https://github.com/acme/app}
     * (compared after normalization, see the class javadoc).
     *
     * @throws IllegalArgumentException if it is not {@code scheme://host[/path]} or names a git
     *     reference ({@code @}, {@code #} or {@code ?} in its path)
     */
    @CanIgnoreReturnValue
    public Builder sourceRepository(String repository) {
      sourceRepositories = add(sourceRepositories, "sourceRepository", normalize(repository));
      return this;
    }

    /**
     * Allows these source repositories, in addition to any allowed before.
     *
     * @throws IllegalArgumentException if {@code repositories} is empty or one is invalid as for
     *     {@link #sourceRepository}
     */
    @CanIgnoreReturnValue
    public Builder sourceRepositories(Iterable<String> repositories) {
      requireNonNull(repositories, "repositories");
      List<String> normalized = new ArrayList<>();
      for (String r : repositories) {
        normalized.add(normalize(r));
      }
      this.sourceRepositories = addAll(this.sourceRepositories, "sourceRepositories", normalized);
      return this;
    }

    private static String normalize(String repository) {
      requireNonNull(repository, "repository");
      return Provenances.normalizeRepository(repository.strip())
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "source repository must be scheme://host/path without a git reference,"
                          + " such as https://github.com/acme/app; got '"
                          + repository
                          + "'"));
    }

    @CanIgnoreReturnValue
    private static Set<String> add(@Nullable Set<String> set, String what, String value) {
      requireNonNull(value, what);
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      Set<String> out = set == null ? new LinkedHashSet<>() : set;
      out.add(value);
      return out;
    }

    private static Set<String> addAll(
        @Nullable Set<String> set, String what, Iterable<String> values) {
      requireNonNull(values, what);
      Set<String> out = set == null ? new LinkedHashSet<>() : set;
      boolean any = false;
      for (String v : values) {
        add(out, what, v);
        any = true;
      }
      if (!any) {
        throw new IllegalArgumentException(
            "allowlist " + what + " must not be empty (omit it to allow any)");
      }
      return out;
    }

    /**
     * Builds the rule.
     *
     * @throws IllegalStateException if the authority is missing
     */
    public ProvenanceRule build() {
      Authority a = authority;
      if (a == null) {
        throw new IllegalStateException("rule '" + id + "' needs an authority");
      }
      return new ProvenanceRule(this, a);
    }
  }
}
