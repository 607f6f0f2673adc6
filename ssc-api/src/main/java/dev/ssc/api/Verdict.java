package dev.ssc.api;

/**
 * The outcome of a verification or a policy decision. Every verdict starts at {@link #DENY}; {@link
 * #ALLOW} needs positive evidence for every required check.
 */
public enum Verdict {
  /** Every required check passed. */
  ALLOW,
  /** At least one required check failed, was missing or could not be evaluated. */
  DENY;

  /** Whether this is {@link #ALLOW}. */
  public boolean isAllowed() {
    return this == ALLOW;
  }
}
