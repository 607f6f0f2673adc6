package dev.ssc.attest.bundle;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.Finding;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.digest.Digest;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads in-toto attestation bundles: JSON Lines files ({@code .intoto.jsonl}) of DSSE envelopes.
 *
 * <p>Lines end with {@code \n} or {@code \r\n}; the last line may lack one. Blank lines (empty or
 * only spaces and tabs) are skipped. A line that is not a DSSE envelope (malformed JSON, or JSON
 * that is not an envelope) is ignored with a finding, as the bundle specification requires, unless
 * {@link Builder#rejectUnrecognizedLines()} was set. Exceeding a limit (bytes per line, number of
 * lines, total bytes) is always an {@link SscFormatException} naming the line.
 *
 * <p>Each entry keeps the line's exact bytes, so the evidence id of an envelope is the sha256 of
 * its line, and verification checks those bytes.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Bundle bundle = BundleReader.builder().build().read(in, "app.jar.intoto.jsonl");
 * for (BundleEntry e : bundle.entries()) { verifier.verify(e.bytes()); }
 * }</pre>
 */
public final class BundleReader {
  /** The default limit of bytes per line: 16 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;

  /** The default limit of lines: 10,000. */
  public static final int DEFAULT_MAX_LINES = 10_000;

  /** The default limit of bytes in all: 256 MiB. */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 256L << 20;

  private final int maxLineBytes;
  private final int maxLines;
  private final long maxTotalBytes;
  private final boolean rejectUnrecognized;

  private BundleReader(Builder b) {
    this.maxLineBytes = b.maxLineBytes;
    this.maxLines = b.maxLines;
    this.maxTotalBytes = b.maxTotalBytes;
    this.rejectUnrecognized = b.rejectUnrecognized;
  }

  /** A builder with the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a bundle held in memory.
   *
   * @throws SscFormatException if a limit is exceeded, or a line is unrecognized and such lines are
   *     rejected
   */
  public Bundle read(Bytes bundle, String source) throws SscFormatException {
    requireNonNull(bundle, "bundle");
    try {
      return read(new ByteArrayInputStream(bundle.toByteArray()), source);
    } catch (IOException e) {
      throw new UncheckedIOException("reading memory cannot fail", e);
    }
  }

  /**
   * Reads a bundle from {@code in}, which came from {@code source} (named in errors); does not
   * close {@code in}.
   *
   * @throws IOException if reading fails
   * @throws SscFormatException if a limit is exceeded, or a line is unrecognized and such lines are
   *     rejected
   */
  public Bundle read(InputStream in, String source) throws IOException, SscFormatException {
    requireNonNull(in, "in");
    requireNonNull(source, "source");
    List<BundleEntry> entries = new ArrayList<>();
    List<Finding> ignored = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    int lineNumber = 1;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > maxTotalBytes) {
        throw new SscFormatException(
            source
                + ": line "
                + lineNumber
                + ": bundle is larger than the limit of "
                + maxTotalBytes
                + " bytes");
      }
      for (int i = 0; i < n; i++) {
        byte b = buffer[i];
        if (b == '\n') {
          accept(line.toByteArray(), lineNumber, source, entries, ignored);
          line.reset();
          lineNumber++;
        } else {
          if (line.size() >= maxLineBytes) {
            throw new SscFormatException(
                source
                    + ": line "
                    + lineNumber
                    + ": longer than the limit of "
                    + maxLineBytes
                    + " bytes");
          }
          line.write(b);
        }
      }
    }
    if (line.size() > 0) {
      accept(line.toByteArray(), lineNumber, source, entries, ignored);
    }
    return new Bundle(entries, ignored);
  }

  private void accept(
      byte[] raw, int lineNumber, String source, List<BundleEntry> entries, List<Finding> ignored)
      throws SscFormatException {
    int length = raw.length;
    if (length > 0 && raw[length - 1] == '\r') {
      length--;
    }
    if (lineNumber > maxLines) {
      throw new SscFormatException(
          source + ": line " + lineNumber + ": more than the limit of " + maxLines + " lines");
    }
    if (isBlank(raw, length)) {
      return;
    }
    Bytes bytes = Bytes.copyOf(raw, 0, length);
    Digest evidenceId = Digests.sha256(bytes);
    String where = source + ": line " + lineNumber;
    Envelope envelope;
    try {
      envelope = DsseCodec.decode(bytes, where);
    } catch (SscFormatException e) {
      if (rejectUnrecognized) {
        throw e;
      }
      ignored.add(
          Finding.builder()
              .code("bundle.line.ignored")
              .message("not a DSSE envelope: " + e.getMessage())
              .location("line " + lineNumber)
              .evidence(evidenceId)
              .level(Finding.Level.WARNING)
              .build());
      return;
    }
    entries.add(new BundleEntry(lineNumber, bytes, evidenceId, envelope));
  }

  private static boolean isBlank(byte[] raw, int length) {
    for (int i = 0; i < length; i++) {
      if (raw[i] != ' ' && raw[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Builds a {@link BundleReader}. Confined to one thread. */
  public static final class Builder {
    private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
    private int maxLines = DEFAULT_MAX_LINES;
    private long maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES;
    private boolean rejectUnrecognized;

    Builder() {}

    /**
     * Sets the most bytes a line may have, terminator excluded; at most {@link
     * Json#MAX_DOCUMENT_BYTES}.
     *
     * @throws IllegalArgumentException if not in {@code [1, Json.MAX_DOCUMENT_BYTES]}
     */
    @CanIgnoreReturnValue
    public Builder maxLineBytes(int maxLineBytes) {
      if (maxLineBytes < 1 || maxLineBytes > Json.MAX_DOCUMENT_BYTES) {
        throw new IllegalArgumentException(
            "maxLineBytes must be 1 to " + Json.MAX_DOCUMENT_BYTES + ", got " + maxLineBytes);
      }
      this.maxLineBytes = maxLineBytes;
      return this;
    }

    /**
     * Sets the most lines a bundle may have, blank lines included.
     *
     * @throws IllegalArgumentException if not positive
     */
    @CanIgnoreReturnValue
    public Builder maxLines(int maxLines) {
      if (maxLines < 1) {
        throw new IllegalArgumentException("maxLines must be positive, got " + maxLines);
      }
      this.maxLines = maxLines;
      return this;
    }

    /**
     * Sets the most bytes a bundle may have in all.
     *
     * @throws IllegalArgumentException if not positive
     */
    @CanIgnoreReturnValue
    public Builder maxTotalBytes(long maxTotalBytes) {
      if (maxTotalBytes < 1) {
        throw new IllegalArgumentException("maxTotalBytes must be positive, got " + maxTotalBytes);
      }
      this.maxTotalBytes = maxTotalBytes;
      return this;
    }

    /** Makes a line that is not a DSSE envelope an error instead of an ignored line. */
    @CanIgnoreReturnValue
    public Builder rejectUnrecognizedLines() {
      this.rejectUnrecognized = true;
      return this;
    }

    /** Builds the reader. */
    public BundleReader build() {
      return new BundleReader(this);
    }
  }
}
