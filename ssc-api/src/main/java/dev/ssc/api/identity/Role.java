package dev.ssc.api.identity;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A role that grants actions, such as {@code maintainer} or {@code release-manager}.
 *
 * <p>Immutable and thread-safe. Equal when the names are equal.
 */
public final class Role {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private final String name;

  private Role(String name) {
    this.name = name;
  }

  /**
   * The role named {@code name}.
   *
   * @throws IllegalArgumentException unless the name is 1 to 63 lowercase letters, digits and
   *     dashes, starting with a letter
   */
  public static Role of(String name) {
    requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "role name must be lowercase letters, digits and dashes starting with a letter, got '"
              + name
              + "'");
    }
    return new Role(name);
  }

  /** The name. */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Role && name.equals(((Role) other).name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** The name. */
  @Override
  public String toString() {
    return name;
  }
}
