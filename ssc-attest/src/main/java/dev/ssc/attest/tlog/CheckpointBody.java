package dev.ssc.attest.tlog;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import java.util.Base64;
import java.util.List;

/**
 * The text of a C2SP {@code tlog-checkpoint}: origin line, decimal tree size, base64 root hash, and
 * optional extension lines. Parsing follows transparency-dev/formats {@code log.Checkpoint}; the
 * root hash may have any length here, and {@link Checkpoints#open} requires 32 bytes.
 *
 * @param origin the log's origin
 * @param size the tree size
 * @param rootHash the root hash
 * @param extensions the lines after the root hash, without their newlines
 */
public record CheckpointBody(String origin, long size, Bytes rootHash, List<String> extensions) {
  /** Copies the extensions and checks the values. */
  public CheckpointBody {
    requireNonNull(origin, "origin");
    requireNonNull(rootHash, "rootHash");
    extensions = List.copyOf(extensions);
    if (origin.isEmpty() || origin.contains("\n") || size < 0) {
      throw new IllegalArgumentException("origin must be one non-empty line and size >= 0");
    }
  }

  /**
   * Reads a checkpoint's text.
   *
   * @throws SscFormatException if a line is missing, the origin empty, the size not an unsigned
   *     decimal that fits a long, or the root hash not base64
   */
  public static CheckpointBody parse(String text) throws SscFormatException {
    requireNonNull(text, "text");
    String[] lines = text.split("\n", 4);
    if (lines.length < 4) {
      throw new SscFormatException(
          "checkpoint needs origin, size and root hash lines, each ending in a newline");
    }
    if (lines[0].isEmpty()) {
      throw new SscFormatException("checkpoint origin is empty");
    }
    String size = lines[1];
    if (size.isEmpty() || size.length() > 19 || !size.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new SscFormatException(
          "checkpoint size is not an unsigned decimal: " + NoteKey.abbreviate(size));
    }
    long n;
    try {
      n = Long.parseLong(size);
    } catch (NumberFormatException e) {
      throw new SscFormatException("checkpoint size is too large: " + size);
    }
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new SscFormatException("checkpoint root hash is not base64");
    }
    String rest = lines[3];
    List<String> extensions =
        rest.isEmpty()
            ? List.of()
            : List.of(
                rest.substring(0, rest.length() - (rest.endsWith("\n") ? 1 : 0)).split("\n", -1));
    return new CheckpointBody(lines[0], n, Bytes.of(root), extensions);
  }

  /** The checkpoint's text, as it is signed. */
  public String text() {
    StringBuilder b =
        new StringBuilder(origin)
            .append('\n')
            .append(size)
            .append('\n')
            .append(rootHash.toBase64())
            .append('\n');
    extensions.forEach(e -> b.append(e).append('\n'));
    return b.toString();
  }
}
