package dev.ssc.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes: signatures, payloads, hashes.
 *
 * <p>Copies in and copies out, so no caller can change the bytes another caller signed or hashed.
 * {@link #equals} runs in constant time ({@link MessageDigest#isEqual}). {@link #toString} shows
 * only the length, never the content.
 *
 * <p>Immutable and thread-safe.
 */
public final class Bytes {
  private static final Bytes EMPTY = new Bytes(new byte[0]);
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The empty byte sequence. */
  public static Bytes empty() {
    return EMPTY;
  }

  /** A copy of {@code bytes}. */
  public static Bytes of(byte[] bytes) {
    return copyOf(bytes, 0, requireNonNull(bytes, "bytes").length);
  }

  /**
   * A copy of {@code length} bytes of {@code bytes} starting at {@code offset}.
   *
   * @throws IndexOutOfBoundsException if the range is outside the array
   */
  public static Bytes copyOf(byte[] bytes, int offset, int length) {
    requireNonNull(bytes, "bytes");
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /** The UTF-8 encoding of {@code text}. */
  public static Bytes utf8(String text) {
    return new Bytes(requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes hexadecimal text, upper or lower case.
   *
   * @throws IllegalArgumentException if {@code hex} has an odd length or a non-hex character
   */
  public static Bytes fromHex(String hex) {
    requireNonNull(hex, "hex");
    try {
      return new Bytes(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not hexadecimal: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes standard (RFC 4648 section 4) base64 with padding, in its canonical form only.
   *
   * <p>Unpadded input and input whose unused trailing bits are not zero (RFC 4648 section 3.5) are
   * rejected, so one byte sequence has exactly one accepted encoding.
   *
   * @throws IllegalArgumentException if {@code base64} is not canonical standard base64
   */
  public static Bytes fromBase64(String base64) {
    requireNonNull(base64, "base64");
    byte[] decoded = Base64.getDecoder().decode(base64);
    if (!Base64.getEncoder().encodeToString(decoded).equals(base64)) {
      throw new IllegalArgumentException(
          "not canonical padded base64 (missing padding or non-zero trailing bits)");
    }
    return new Bytes(decoded);
  }

  /** The number of bytes. */
  public int size() {
    return bytes.length;
  }

  /** Whether there are no bytes. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /**
   * The byte at {@code index}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, size())}
   */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** A fresh copy of the bytes; changing it changes nothing here. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** A read-only view of the bytes, without copying. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** Writes the bytes to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  /** Lowercase hexadecimal. */
  public String toHex() {
    return HEX.formatHex(bytes);
  }

  /** Standard base64 with padding. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Decodes the bytes as UTF-8, replacing malformed input. Use only for bytes known to be text;
   * never decode and re-encode bytes that are hashed or signed.
   */
  public String toUtf8String() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Equal when both hold the same bytes; compares in constant time for equal lengths. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Bytes && MessageDigest.isEqual(bytes, ((Bytes) other).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The length only, e.g. {@code Bytes[32]}; the content is never shown. */
  @Override
  public String toString() {
    return "Bytes[" + bytes.length + "]";
  }
}
