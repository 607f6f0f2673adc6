package dev.ssc.attest.bundle;

import dev.ssc.api.Finding;
import java.util.List;

/**
 * An in-toto attestation bundle as read: its envelopes in file order, and a finding for every line
 * that was ignored because it is not a DSSE envelope (the bundle specification requires consumers
 * to ignore unrecognized lines).
 *
 * <p>A bundle is not authenticated as a whole: each envelope must be verified on its own, and
 * nothing may depend on the order of the envelopes. Immutable and thread-safe.
 */
public final class Bundle {
  private final List<BundleEntry> entries;
  private final List<Finding> ignoredLines;

  Bundle(List<BundleEntry> entries, List<Finding> ignoredLines) {
    this.entries = List.copyOf(entries);
    this.ignoredLines = List.copyOf(ignoredLines);
  }

  /** The envelopes, in file order. */
  public List<BundleEntry> entries() {
    return entries;
  }

  /**
   * A finding ({@code bundle.line.ignored}, located {@code line N}) per non-blank line that was not
   * a DSSE envelope.
   */
  public List<Finding> ignoredLines() {
    return ignoredLines;
  }

  /** The number of envelopes and ignored lines. */
  @Override
  public String toString() {
    return "Bundle[" + entries.size() + " envelopes, " + ignoredLines.size() + " ignored lines]";
  }
}
