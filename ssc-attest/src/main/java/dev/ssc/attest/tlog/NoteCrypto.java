package dev.ssc.attest.tlog;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import dev.ssc.attest.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Signed notes' keys as {@link Keys} values, so notes verify and sign with the providers the keys
 * package chose by measurement: raw Ed25519 keys and seeds are wrapped in their fixed DER prefixes
 * (RFC 8410), ECDSA keys are DER SubjectPublicKeyInfo already.
 */
final class NoteCrypto {
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");
  private static final byte[] ED25519_PKCS8_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");

  private NoteCrypto() {}

  /** The verifier of a raw 32-byte Ed25519 public key. */
  static VerificationKey ed25519(byte[] publicKey) {
    try {
      return Keys.readPublicKeyPem(
          pem("PUBLIC KEY", concat(ED25519_SPKI_PREFIX, publicKey)), "note key");
    } catch (SscFormatException e) {
      throw new IllegalStateException("a 32-byte Ed25519 key always encodes", e);
    }
  }

  /** The verifier of an ECDSA P-256 SubjectPublicKeyInfo, or null if {@code spki} is not one. */
  static @Nullable VerificationKey ecdsaP256(byte[] spki) {
    try {
      VerificationKey key = Keys.readPublicKeyPem(pem("PUBLIC KEY", spki), "note key");
      return key.algorithm() == SignatureAlgorithm.ECDSA_P256_SHA256 ? key : null;
    } catch (SscFormatException e) {
      return null;
    }
  }

  /** The signing key of a 32-byte Ed25519 seed. */
  static SigningKey ed25519Signer(byte[] seed) {
    try {
      return Keys.readPrivateKeyPem(
          pem("PRIVATE KEY", concat(ED25519_PKCS8_PREFIX, seed)), "note signer");
    } catch (SscFormatException e) {
      throw new IllegalStateException("a 32-byte Ed25519 seed always encodes");
    }
  }

  /** The raw 32-byte public key of an Ed25519 signing key. */
  static byte[] rawEd25519PublicKey(SigningKey key) {
    String pem = key.verifier().spkiPem();
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(body);
    return Arrays.copyOfRange(der, der.length - 32, der.length);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
