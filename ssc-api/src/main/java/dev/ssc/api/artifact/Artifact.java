package dev.ssc.api.artifact;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An artifact that a stage produced or consumes, pinned by digest: a jar, an image, a report.
 *
 * <p>An artifact is its digest (DESIGN invariant 1): the {@link #name()} is a hint for humans, and
 * {@link #digest()} must hold at least one digest {@linkplain
 * dev.ssc.api.digest.DigestAlgorithm#isAcceptedForMatching() accepted for matching}. Every
 * decision, attestation, promotion and audit entry is about that digest.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Artifact {
  Artifact() {}

  /** A name for humans, such as a file name or an image name. */
  public abstract String name();

  /** The digests that identify the artifact. */
  public abstract DigestSet digest();

  /** Where it lives, e.g. an image reference or a repository URL. */
  public abstract Optional<String> uri();

  /** Its media type. */
  public abstract Optional<String> mediaType();

  /** An artifact named {@code name} with {@code digest}. */
  public static Artifact of(String name, DigestSet digest) {
    return builder().name(name).digest(digest).build();
  }

  /** This artifact as an in-toto resource descriptor, for a statement's subject. */
  public ResourceDescriptor toResourceDescriptor() {
    ResourceDescriptor.Builder b = ResourceDescriptor.builder().name(name()).digest(digest());
    uri().ifPresent(b::uri);
    mediaType().ifPresent(b::mediaType);
    return b.build();
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableArtifact.builder();
  }

  /** Builds an {@link Artifact}; name and digest are required. */
  public interface Builder {
    /** Sets the name. */
    @CanIgnoreReturnValue
    Builder name(String name);

    /** Sets the digests. */
    @CanIgnoreReturnValue
    Builder digest(DigestSet digest);

    /** Sets the location. */
    @CanIgnoreReturnValue
    Builder uri(String uri);

    /** Sets the media type. */
    @CanIgnoreReturnValue
    Builder mediaType(String mediaType);

    /**
     * Builds the artifact.
     *
     * @throws IllegalStateException if name or digest is missing
     * @throws IllegalArgumentException if the name is blank or the digest set has no digest
     *     accepted for matching
     */
    Artifact build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (name().isBlank()) {
      problems.add("name must not be blank");
    }
    if (!digest().hasAcceptedDigest()) {
      problems.add(
          "digest must hold at least one collision-resistant digest such as sha256, got "
              + digest());
    }
    Checks.throwIfAny("Artifact", problems);
  }
}
