package dev.ssc.attest.bundle;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.attest.dsse.DsseCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes in-toto attestation bundles: each envelope's exact bytes on its own line, each line ending
 * with {@code \n}.
 *
 * <p>The bytes are written as given, never re-encoded, so every envelope keeps its evidence id.
 * Each must be one DSSE envelope as JSON on one line.
 *
 * <p>Thread-safe.
 */
public final class BundleWriter {
  private BundleWriter() {}

  /**
   * The bundle of {@code envelopes}, in order.
   *
   * @throws IllegalArgumentException if an envelope is empty, contains a line break, or is not a
   *     DSSE envelope
   */
  public static Bytes write(Iterable<Bytes> envelopes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(envelopes, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return Bytes.of(out.toByteArray());
  }

  /**
   * Writes the bundle of {@code envelopes} to {@code out}; does not close it. Every envelope is
   * checked before the first byte is written.
   *
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if an envelope is empty, contains a line break, or is not a
   *     DSSE envelope
   */
  public static void write(Iterable<Bytes> envelopes, OutputStream out) throws IOException {
    requireNonNull(envelopes, "envelopes");
    requireNonNull(out, "out");
    int index = 0;
    for (Bytes envelope : envelopes) {
      check(requireNonNull(envelope, "envelope"), index++);
    }
    for (Bytes envelope : envelopes) {
      envelope.writeTo(out);
      out.write('\n');
    }
  }

  private static void check(Bytes envelope, int index) {
    for (int i = 0; i < envelope.size(); i++) {
      byte b = envelope.byteAt(i);
      if (b == '\n' || b == '\r') {
        throw new IllegalArgumentException(
            "envelope " + index + " contains a line break at byte " + i);
      }
    }
    try {
      var unused = DsseCodec.decode(envelope, "envelope " + index);
    } catch (SscFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
