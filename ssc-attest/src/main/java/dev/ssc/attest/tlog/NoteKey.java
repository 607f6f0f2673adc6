package dev.ssc.attest.tlog;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.signing.Verifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A C2SP signed-note verifier key, read from its text form {@code name+keyid+base64(type||key)}
 * exactly as the Go {@code note} package writes it.
 *
 * <p>Types: {@code 0x01} Ed25519 note signatures, {@code 0x02} ECDSA P-256 (the key is a DER
 * SubjectPublicKeyInfo; the key id hashes the key alone, not the name), and {@code 0x04} Ed25519
 * cosignatures (C2SP {@code tlog-cosignature}, signature {@code timestamp||sig}). The key id is
 * checked against the key when parsing: a key whose id does not match it is rejected.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoteKey {
  /** Ed25519 note signatures. */
  public static final int ED25519 = 0x01;

  /** ECDSA P-256 with SHA-256 note signatures. */
  public static final int ECDSA_P256 = 0x02;

  /** Ed25519 cosignatures, C2SP {@code tlog-cosignature} v1. */
  public static final int COSIGNATURE_V1 = 0x04;

  private final String name;
  private final int keyId;
  private final int type;
  private final Verifier verifier;
  private final String text;

  private NoteKey(String name, int keyId, int type, Verifier verifier, String text) {
    this.name = name;
    this.keyId = keyId;
    this.type = type;
    this.verifier = verifier;
    this.text = text;
  }

  /**
   * Reads a verifier key.
   *
   * @throws SscFormatException if it is malformed, of an unknown type, or its key id does not match
   *     its key
   */
  public static NoteKey parse(String vkey) throws SscFormatException {
    requireNonNull(vkey, "vkey");
    int plus1 = vkey.indexOf('+');
    int plus2 = plus1 < 0 ? -1 : vkey.indexOf('+', plus1 + 1);
    if (plus2 < 0) {
      throw new SscFormatException("verifier key must be NAME+KEYID+KEY: " + abbreviate(vkey));
    }
    String name = vkey.substring(0, plus1);
    String id = vkey.substring(plus1 + 1, plus2);
    if (!SignedNote.isValidName(name)) {
      throw new SscFormatException("verifier key has an invalid name: " + abbreviate(vkey));
    }
    byte[] material = decode(vkey.substring(plus2 + 1), vkey);
    int keyId = parseKeyId(id, vkey);
    if (material.length == 0) {
      throw new SscFormatException("verifier key has no key material: " + abbreviate(vkey));
    }
    int type = material[0] & 0xff;
    byte[] key = Arrays.copyOfRange(material, 1, material.length);
    Verifier verifier;
    switch (type) {
      case ED25519, COSIGNATURE_V1 -> {
        if (key.length != 32) {
          throw new SscFormatException(
              "Ed25519 verifier key must hold 32 bytes, got "
                  + key.length
                  + ": "
                  + abbreviate(vkey));
        }
        verifier = NoteCrypto.ed25519(key);
      }
      case ECDSA_P256 -> {
        Verifier ecdsa = NoteCrypto.ecdsaP256(key);
        if (ecdsa == null) {
          throw new SscFormatException("not an ECDSA P-256 verifier key: " + abbreviate(vkey));
        }
        verifier = ecdsa;
      }
      default ->
          throw new SscFormatException(
              "unknown verifier key type 0x" + Integer.toHexString(type) + ": " + abbreviate(vkey));
    }
    int expected = keyId(name, type, material);
    if (expected != keyId) {
      throw new SscFormatException(
          "verifier key id "
              + id
              + " does not match its key (expected "
              + String.format(Locale.ROOT, "%08x", expected)
              + "): "
              + abbreviate(vkey));
    }
    return new NoteKey(name, keyId, type, verifier, vkey);
  }

  /** An Ed25519 verifier key of {@code type} for a raw 32-byte key. */
  static NoteKey ed25519(String name, int type, byte[] key) {
    byte[] material = new byte[key.length + 1];
    material[0] = (byte) type;
    System.arraycopy(key, 0, material, 1, key.length);
    int id = keyId(name, type, material);
    String text =
        name
            + "+"
            + String.format(Locale.ROOT, "%08x", id)
            + "+"
            + Base64.getEncoder().encodeToString(material);
    return new NoteKey(name, id, type, NoteCrypto.ed25519(key), text);
  }

  /** The key's name, as it appears on signature lines. */
  public String name() {
    return name;
  }

  /** The 4-byte key id, as it leads each signature. */
  public int keyId() {
    return keyId;
  }

  /** The key type: {@link #ED25519}, {@link #ECDSA_P256} or {@link #COSIGNATURE_V1}. */
  public int type() {
    return type;
  }

  /** The key in its text form, {@code name+keyid+base64(type||key)}. */
  public String verifierKey() {
    return text;
  }

  /** Whether {@code signature} (after the key id) is this key's over {@code message}. */
  boolean verify(byte[] message, byte[] signature) {
    return verifier.verify(message, signature);
  }

  /** The verifier key's text. */
  @Override
  public String toString() {
    return text;
  }

  /** Equal when the text forms are. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof NoteKey k && k.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  static int keyId(String name, int type, byte[] typeAndKey) {
    MessageDigest md = sha256();
    if (type == ECDSA_P256) {
      md.update(typeAndKey, 1, typeAndKey.length - 1);
    } else {
      md.update(name.getBytes(StandardCharsets.UTF_8));
      md.update((byte) '\n');
      md.update(typeAndKey);
    }
    byte[] h = md.digest();
    return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
  }

  static int parseKeyId(String hex, String whole) throws SscFormatException {
    if (hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new SscFormatException("key id must be 8 hex digits: " + abbreviate(whole));
    }
    try {
      return (int) Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new SscFormatException("key id must be 8 hex digits: " + abbreviate(whole));
    }
  }

  static byte[] decode(String base64, String whole) throws SscFormatException {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new SscFormatException("key material is not base64: " + abbreviate(whole));
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  static String hex(int keyId) {
    return HexFormat.of().toHexDigits(keyId);
  }
}
