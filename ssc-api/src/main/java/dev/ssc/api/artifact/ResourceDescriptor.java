package dev.ssc.api.artifact;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import dev.ssc.api.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A description of any software artifact or resource: the in-toto attestation framework's
 * ResourceDescriptor (v1).
 *
 * <p>At least one of {@code name}, {@code uri}, {@code digest} or {@code content} is set; the
 * in-toto reference validators accept a name alone, so ssc does too, but a statement's subject must
 * carry a digest ({@link dev.ssc.api.attestation.Statement}).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class ResourceDescriptor {
  ResourceDescriptor() {}

  /** A machine-readable name, such as a file name. */
  public abstract Optional<String> name();

  /** A URI that identifies the resource globally. */
  public abstract Optional<String> uri();

  /** The digests of the resource's content; empty if none is known. */
  @Value.Default
  public DigestSet digest() {
    return DigestSet.empty();
  }

  /** The content itself, for small resources. */
  public abstract Optional<Bytes> content();

  /** Where the resource can be downloaded, if different from {@link #uri()}. */
  public abstract Optional<String> downloadLocation();

  /** The media type, e.g. {@code application/vnd.oci.image.manifest.v1+json}. */
  public abstract Optional<String> mediaType();

  /** Further information for consumers, any JSON value per field. */
  public abstract Map<String, JsonValue> annotations();

  /** A descriptor of a named resource with {@code digest}. */
  public static ResourceDescriptor of(String name, DigestSet digest) {
    return builder().name(name).digest(digest).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableResourceDescriptor.builder();
  }

  /** Builds a {@link ResourceDescriptor}. */
  public interface Builder {
    /** Sets the name. */
    @CanIgnoreReturnValue
    Builder name(String name);

    /** Sets the URI. */
    @CanIgnoreReturnValue
    Builder uri(String uri);

    /** Sets the digests. */
    @CanIgnoreReturnValue
    Builder digest(DigestSet digest);

    /** Sets the content. */
    @CanIgnoreReturnValue
    Builder content(Bytes content);

    /** Sets the download location. */
    @CanIgnoreReturnValue
    Builder downloadLocation(String downloadLocation);

    /** Sets the media type. */
    @CanIgnoreReturnValue
    Builder mediaType(String mediaType);

    /** Adds one annotation. */
    @CanIgnoreReturnValue
    Builder putAnnotations(String key, JsonValue value);

    /** Adds annotations. */
    @CanIgnoreReturnValue
    Builder putAllAnnotations(Map<String, ? extends JsonValue> annotations);

    /**
     * Builds the descriptor.
     *
     * @throws IllegalArgumentException if none of name, uri, digest and content is set, or a set
     *     string is empty
     */
    ResourceDescriptor build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (name().isEmpty() && uri().isEmpty() && digest().isEmpty() && content().isEmpty()) {
      problems.add("at least one of name, uri, digest and content must be set");
    }
    nonEmpty(problems, "name", name());
    nonEmpty(problems, "uri", uri());
    nonEmpty(problems, "downloadLocation", downloadLocation());
    nonEmpty(problems, "mediaType", mediaType());
    Checks.throwIfAny("ResourceDescriptor", problems);
  }

  private static void nonEmpty(List<String> problems, String attribute, Optional<String> value) {
    if (value.isPresent() && value.get().isEmpty()) {
      problems.add(attribute + " must not be empty when set");
    }
  }
}
