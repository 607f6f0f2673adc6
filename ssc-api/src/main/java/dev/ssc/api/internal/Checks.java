package dev.ssc.api.internal;

import java.util.List;

/** Validation helpers shared by ssc value types. No compatibility promise. */
public final class Checks {
  private Checks() {}

  /**
   * Throws one {@link IllegalArgumentException} listing every problem, or returns when there is
   * none.
   *
   * @param what the type or attribute being checked, named in the message
   * @param problems every problem found, each naming the attribute
   * @throws IllegalArgumentException if {@code problems} is not empty
   */
  public static void throwIfAny(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid " + what + ": " + String.join("; ", problems));
    }
  }
}
