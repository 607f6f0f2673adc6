package dev.ssc.core.audit;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.zip.CRC32C;

/** Low-level file helpers of the audit log: positioned I/O, records, durable creation. */
final class LogFiles {
  /** Record header (length) plus trailer (CRC32C). */
  static final int RECORD_OVERHEAD = 8;

  private LogFiles() {}

  static byte[] read(FileChannel ch, long pos, int len) throws IOException {
    byte[] out = new byte[len];
    ByteBuffer buf = ByteBuffer.wrap(out);
    while (buf.hasRemaining()) {
      int r = ch.read(buf, pos + buf.position());
      if (r < 0) {
        throw new EOFException("unexpected end of file at " + (pos + buf.position()));
      }
    }
    return out;
  }

  static void write(FileChannel ch, long pos, byte[] bytes, int len) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes, 0, len);
    while (buf.hasRemaining()) {
      int w = ch.write(buf, pos + buf.position());
      if (w < 0) {
        throw new IOException("write returned " + w);
      }
    }
  }

  static long getLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xffL);
    }
    return v;
  }

  static int getInt(byte[] b, int off) {
    return ((b[off] & 0xff) << 24)
        | ((b[off + 1] & 0xff) << 16)
        | ((b[off + 2] & 0xff) << 8)
        | (b[off + 3] & 0xff);
  }

  static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  static void putLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  /** The CRC32C of {@code len} bytes of {@code b} from {@code off}. */
  static int crc(byte[] b, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(b, off, len);
    return (int) c.getValue();
  }

  /**
   * Reads the record at {@code pos} of a file of {@code fileSize} bytes: its payload, or null if it
   * is incomplete, too long or fails its CRC.
   */
  static byte @org.jspecify.annotations.Nullable [] readRecord(
      FileChannel ch, long pos, long fileSize, int maxLength) throws IOException {
    if (pos < 0 || pos + RECORD_OVERHEAD > fileSize) {
      return null;
    }
    int len = getInt(read(ch, pos, 4), 0);
    if (len < 0 || len > maxLength || pos + RECORD_OVERHEAD + len > fileSize) {
      return null;
    }
    byte[] rec = read(ch, pos, len + RECORD_OVERHEAD);
    if (crc(rec, 0, 4 + len) != getInt(rec, 4 + len)) {
      return null;
    }
    byte[] payload = new byte[len];
    System.arraycopy(rec, 4, payload, 0, len);
    return payload;
  }

  /** Where the record at {@code pos} claims to end, or -1 if its header is incomplete. */
  static long claimedEnd(FileChannel ch, long pos, long fileSize) throws IOException {
    if (pos < 0 || pos + 4 > fileSize) {
      return -1;
    }
    return pos + RECORD_OVERHEAD + (getInt(read(ch, pos, 4), 0) & 0xffffffffL);
  }

  /** Writes the record of {@code payload} into {@code out} at {@code at}; returns its end. */
  @CanIgnoreReturnValue
  static int frame(byte[] payload, byte[] out, int at) {
    putInt(out, at, payload.length);
    System.arraycopy(payload, 0, out, at + 4, payload.length);
    putInt(out, at + 4 + payload.length, crc(out, at, 4 + payload.length));
    return at + RECORD_OVERHEAD + payload.length;
  }

  static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  /**
   * Creates {@code target} with {@code content} durably: temp file, force, atomic move, fsync of
   * the directory. Fails if {@code target} exists.
   */
  static void createDurably(Path target, byte[] content, boolean secret) throws IOException {
    Path dir = requireNonNull(target.toAbsolutePath().getParent(), "parent");
    if (Files.exists(target)) {
      throw new IOException(target + " already exists");
    }
    Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try (FileChannel ch =
        FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      if (secret) {
        try {
          Files.setPosixFilePermissions(
              tmp, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system; the directory's permissions protect the key
        }
      }
      write(ch, 0, content, content.length);
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.delete(tmp);
      throw e;
    }
    fsyncDirectory(dir);
  }
}
