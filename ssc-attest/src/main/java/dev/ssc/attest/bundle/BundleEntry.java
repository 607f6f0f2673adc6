package dev.ssc.attest.bundle;

import dev.ssc.api.Bytes;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.digest.Digest;

/**
 * One envelope of a bundle: its line number, the line's exact bytes (without the line terminator),
 * its evidence id (the sha256 of those bytes) and the decoded, not yet verified, envelope.
 *
 * <p>Verify {@link #bytes()}, not a re-encoding of {@link #envelope()}. Immutable and thread-safe.
 */
public final class BundleEntry {
  private final int lineNumber;
  private final Bytes bytes;
  private final Digest evidenceId;
  private final Envelope envelope;

  BundleEntry(int lineNumber, Bytes bytes, Digest evidenceId, Envelope envelope) {
    this.lineNumber = lineNumber;
    this.bytes = bytes;
    this.evidenceId = evidenceId;
    this.envelope = envelope;
  }

  /** The line number, counting from 1. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The line's exact bytes, without its {@code \n} or {@code \r\n} terminator. */
  public Bytes bytes() {
    return bytes;
  }

  /** The sha256 of {@link #bytes()}: the evidence id of this envelope. */
  public Digest evidenceId() {
    return evidenceId;
  }

  /** The decoded envelope; its signatures are not verified. */
  public Envelope envelope() {
    return envelope;
  }

  /** The line number and evidence id. */
  @Override
  public String toString() {
    return "BundleEntry[line " + lineNumber + ", " + evidenceId + "]";
  }
}
