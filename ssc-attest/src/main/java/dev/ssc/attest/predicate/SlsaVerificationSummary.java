package dev.ssc.attest.predicate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * SLSA Verification Summary Attestation v1 ({@value #URI}): a verifier's conclusion that an
 * artifact met a policy, and at which SLSA levels.
 *
 * <p>{@code verifier.id} and {@code verifier.version} are flattened into {@link #verifierId()} and
 * {@link #verifierVersion()}. Levels are kept as the strings the VSA carries ({@code
 * SLSA_BUILD_LEVEL_2}, or a custom level such as {@code BCID_L1}).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class SlsaVerificationSummary {
  /** The predicate type URI. */
  public static final String URI = "https://slsa.dev/verification_summary/v1";

  /** The predicate type, for {@link PredicateRegistry} and {@link Predicate#as}. */
  public static final PredicateType<SlsaVerificationSummary> PREDICATE =
      new SlsaVerificationSummaryType();

  /** {@code verificationResult}. */
  public enum Result {
    /** The artifact met the policy. */
    PASSED,
    /** The artifact did not meet the policy. */
    FAILED
  }

  SlsaVerificationSummary() {}

  /** {@code verifier.id}: the URI of the verifier. */
  public abstract String verifierId();

  /** {@code verifier.version}: component name to version. */
  public abstract Map<String, String> verifierVersion();

  /** {@code timeVerified}. */
  public abstract Instant timeVerified();

  /** {@code resourceUri}: the URI of the artifact verified. */
  public abstract String resourceUri();

  /** {@code policy}: the policy verified against. */
  public abstract ResourceDescriptor policy();

  /** {@code inputAttestations}: the attestations the verifier used. */
  public abstract List<ResourceDescriptor> inputAttestations();

  /** {@code verificationResult}. */
  public abstract Result verificationResult();

  /** {@code verifiedLevels}. */
  public abstract List<String> verifiedLevels();

  /** {@code dependencyLevels}: level to the number of dependencies verified at it. */
  public abstract Map<String, Integer> dependencyLevels();

  /** {@code slsaVersion}, such as {@code 1.0}. */
  public abstract Optional<String> slsaVersion();

  /** Whether the result is {@link Result#PASSED}. */
  public boolean passed() {
    return verificationResult() == Result.PASSED;
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableSlsaVerificationSummary.builder();
  }

  /** Builds an {@link SlsaVerificationSummary}. */
  public interface Builder {
    /** Sets the verifier id. */
    @CanIgnoreReturnValue
    Builder verifierId(String verifierId);

    /** Adds a verifier component version. */
    @CanIgnoreReturnValue
    Builder putVerifierVersion(String component, String version);

    /** Adds verifier component versions. */
    @CanIgnoreReturnValue
    Builder putAllVerifierVersion(Map<String, ? extends String> versions);

    /** Sets the verification time. */
    @CanIgnoreReturnValue
    Builder timeVerified(Instant timeVerified);

    /** Sets the resource URI. */
    @CanIgnoreReturnValue
    Builder resourceUri(String resourceUri);

    /** Sets the policy. */
    @CanIgnoreReturnValue
    Builder policy(ResourceDescriptor policy);

    /** Adds an input attestation. */
    @CanIgnoreReturnValue
    Builder addInputAttestations(ResourceDescriptor attestation);

    /** Adds input attestations. */
    @CanIgnoreReturnValue
    Builder addAllInputAttestations(Iterable<? extends ResourceDescriptor> attestations);

    /** Sets the result. */
    @CanIgnoreReturnValue
    Builder verificationResult(Result result);

    /** Adds a verified level. */
    @CanIgnoreReturnValue
    Builder addVerifiedLevels(String level);

    /** Adds verified levels. */
    @CanIgnoreReturnValue
    Builder addAllVerifiedLevels(Iterable<String> levels);

    /** Adds a dependency level count. */
    @CanIgnoreReturnValue
    Builder putDependencyLevels(String level, int count);

    /** Sets the SLSA version. */
    @CanIgnoreReturnValue
    Builder slsaVersion(String slsaVersion);

    /**
     * Builds the summary.
     *
     * @throws IllegalStateException if a required attribute is missing
     * @throws IllegalArgumentException if the verifier id or resource URI is empty, a level is
     *     empty, or a dependency count is negative
     */
    SlsaVerificationSummary build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (verifierId().isEmpty()) {
      problems.add("verifierId must not be empty");
    }
    if (resourceUri().isEmpty()) {
      problems.add("resourceUri must not be empty");
    }
    if (verifiedLevels().stream().anyMatch(String::isEmpty)) {
      problems.add("verifiedLevels must not contain an empty level");
    }
    dependencyLevels()
        .forEach(
            (level, count) -> {
              if (count < 0) {
                problems.add("dependencyLevels[" + level + "] must not be negative");
              }
            });
    Checks.throwIfAny("SlsaVerificationSummary", problems);
  }
}
