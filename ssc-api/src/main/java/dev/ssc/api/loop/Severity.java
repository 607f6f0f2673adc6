package dev.ssc.api.loop;

/**
 * The severity of a vulnerability, in the CVSS v3/v4 qualitative bands. Declared from most to least
 * severe, so {@link #isAtLeast} is a comparison of ordinals.
 */
public enum Severity {
  /** CVSS 9.0 to 10.0. */
  CRITICAL,
  /** CVSS 7.0 to 8.9. */
  HIGH,
  /** CVSS 4.0 to 6.9. */
  MEDIUM,
  /** CVSS 0.1 to 3.9. */
  LOW,
  /** CVSS 0.0. */
  NONE,
  /**
   * Not rated. Treated as at least as severe as anything by {@link #isAtLeast}: an unrated finding
   * must not slip under a threshold.
   */
  UNKNOWN;

  /** Whether this severity meets {@code threshold}; {@link #UNKNOWN} meets every threshold. */
  public boolean isAtLeast(Severity threshold) {
    return this == UNKNOWN || (threshold != UNKNOWN && ordinal() <= threshold.ordinal());
  }

  /**
   * The band of a CVSS base score.
   *
   * @throws IllegalArgumentException unless {@code 0.0 <= score <= 10.0}
   */
  public static Severity ofCvss(double score) {
    if (!(score >= 0.0 && score <= 10.0)) {
      throw new IllegalArgumentException("CVSS score must be within [0.0, 10.0], got " + score);
    }
    if (score >= 9.0) {
      return CRITICAL;
    }
    if (score >= 7.0) {
      return HIGH;
    }
    if (score >= 4.0) {
      return MEDIUM;
    }
    return score > 0.0 ? LOW : NONE;
  }
}
