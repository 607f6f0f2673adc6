package dev.ssc.api.identity;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Someone or something that acts: a person, a CI job, a service account.
 *
 * <p>The id and roles come from the embedding system's authentication (an identity provider, a CI
 * server's OIDC token), never from the evidence the principal submits.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Principal {
  Principal() {}

  /** A stable id, e.g. {@code alice@acme.dev} or {@code ci:build-runner}. */
  public abstract String id();

  /** The roles the principal holds. */
  public abstract Set<Role> roles();

  /** Whether the principal holds {@code role}. */
  public boolean hasRole(Role role) {
    return roles().contains(role);
  }

  /** A principal with {@code id} and {@code roles}. */
  public static Principal of(String id, Role... roles) {
    return builder().id(id).addRoles(roles).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutablePrincipal.builder();
  }

  /** Builds a {@link Principal}; the id is required. */
  public interface Builder {
    /** Sets the id. */
    @CanIgnoreReturnValue
    Builder id(String id);

    /** Adds a role. */
    @CanIgnoreReturnValue
    Builder addRoles(Role role);

    /** Adds roles. */
    @CanIgnoreReturnValue
    Builder addRoles(Role... roles);

    /** Adds roles. */
    @CanIgnoreReturnValue
    Builder addAllRoles(Iterable<? extends Role> roles);

    /**
     * Builds the principal.
     *
     * @throws IllegalStateException if the id is missing
     * @throws IllegalArgumentException if the id is blank or has surrounding whitespace
     */
    Principal build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (id().isBlank() || !id().strip().equals(id())) {
      problems.add("id must be non-blank without surrounding whitespace, got '" + id() + "'");
    }
    Checks.throwIfAny("Principal", problems);
  }
}
