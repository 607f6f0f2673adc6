package dev.ssc.attest.predicate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import dev.ssc.api.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * in-toto Link v0.3 ({@value #URI}): one step of a supply chain, the attestation form of a classic
 * in-toto link. The step's products are the statement's subjects.
 *
 * <p>Every material has a unique name and a digest, as the specification requires.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Link {
  /** The predicate type URI. */
  public static final String URI = "https://in-toto.io/attestation/link/v0.3";

  /** The predicate type, for {@link PredicateRegistry} and {@link Predicate#as}. */
  public static final PredicateType<Link> PREDICATE = new LinkType();

  Link() {}

  /** {@code name}: the step's name, which a layout refers to. */
  public abstract String name();

  /** {@code command}: the command and its arguments. */
  public abstract List<String> command();

  /** {@code materials}: the step's inputs, each with a name and digest. */
  public abstract List<ResourceDescriptor> materials();

  /** {@code byproducts}: opaque information about the step. */
  @Value.Default
  public JsonObject byproducts() {
    return JsonObject.empty();
  }

  /** {@code environment}: opaque information about where the step ran. */
  @Value.Default
  public JsonObject environment() {
    return JsonObject.empty();
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableLink.builder();
  }

  /** Builds a {@link Link}; the name is required. */
  public interface Builder {
    /** Sets the step name. */
    @CanIgnoreReturnValue
    Builder name(String name);

    /** Adds command words. */
    @CanIgnoreReturnValue
    Builder addAllCommand(Iterable<String> command);

    /** Adds a material. */
    @CanIgnoreReturnValue
    Builder addMaterials(ResourceDescriptor material);

    /** Adds materials. */
    @CanIgnoreReturnValue
    Builder addAllMaterials(Iterable<? extends ResourceDescriptor> materials);

    /** Sets the byproducts. */
    @CanIgnoreReturnValue
    Builder byproducts(JsonObject byproducts);

    /** Sets the environment. */
    @CanIgnoreReturnValue
    Builder environment(JsonObject environment);

    /**
     * Builds the link.
     *
     * @throws IllegalStateException if the name is missing
     * @throws IllegalArgumentException if the name is empty, or a material lacks a name or digest,
     *     or two materials share a name
     */
    Link build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (name().isEmpty()) {
      problems.add("name must not be empty");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < materials().size(); i++) {
      ResourceDescriptor m = materials().get(i);
      if (m.name().isEmpty() || m.digest().isEmpty()) {
        problems.add("materials[" + i + "] must have a name and a digest");
      } else if (!names.add(m.name().get())) {
        problems.add("materials[" + i + "] repeats the name '" + m.name().get() + "'");
      }
    }
    Checks.throwIfAny("Link", problems);
  }
}
