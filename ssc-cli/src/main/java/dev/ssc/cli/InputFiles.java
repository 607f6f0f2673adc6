package dev.ssc.cli;

import dev.ssc.api.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading the files a command is given, bounded: a file larger than its limit is refused before it
 * is read, so no input can take unbounded memory. Errors name the option and the file.
 */
final class InputFiles {
  /** Key files: a PEM or securesystemslib JSON key is a few kilobytes. */
  static final long MAX_KEY_BYTES = 64 << 10;

  /** Envelopes, statements and predicates: the JSON parser's own document limit. */
  static final long MAX_DOCUMENT_BYTES = dev.ssc.attest.json.Json.MAX_DOCUMENT_BYTES;

  /** A payload to sign: its base64 in the envelope must stay under the document limit. */
  static final long MAX_PAYLOAD_BYTES = 32 << 20;

  private InputFiles() {}

  /**
   * The bytes of {@code file}, given as {@code what} (e.g. "--key" or "ENVELOPE").
   *
   * @throws CliException if the file is missing, not a regular file, larger than {@code maxBytes}
   *     or unreadable
   */
  static Bytes read(Path file, String what, long maxBytes) throws CliException {
    String name = what + " " + file;
    try {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
        throw new CliException("cannot read " + name + ": no such file");
      }
      if (!Files.isRegularFile(file)) {
        throw new CliException("cannot read " + name + ": not a regular file");
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new CliException(
            "cannot read " + name + ": " + size + " bytes, more than the limit of " + maxBytes);
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes((int) maxBytes + 1);
        if (bytes.length > maxBytes) {
          throw new CliException("cannot read " + name + ": it grew past " + maxBytes + " bytes");
        }
        return Bytes.of(bytes);
      }
    } catch (NoSuchFileException e) {
      throw new CliException("cannot read " + name + ": no such file");
    } catch (IOException e) {
      throw new CliException("cannot read " + name + ": " + Main.describe(e));
    }
  }
}
