package dev.ssc.attest.keys;

import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.api.signing.Signer;
import dev.ssc.attest.json.Json;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A private key held in memory that signs, and its {@linkplain #verifier() public key}. Obtain one
 * from {@link Keys#generate}, {@link Keys#readPrivateKeyPem} or {@link
 * Keys#readPrivateKeySslibJson}.
 *
 * <p>ECDSA signatures are DER; RSA-PSS uses SHA-256, MGF1-SHA-256 and a 32-byte salt. The private
 * key appears only in what the {@code export*} methods return: never in {@code toString()},
 * exceptions or logs.
 *
 * <p>Thread-safe; identity equality.
 */
public final class SigningKey implements Signer {
  private final SignatureAlgorithm algorithm;
  private final PrivateKey key;
  private final VerificationKey verifier;

  SigningKey(SignatureAlgorithm algorithm, PrivateKey key, VerificationKey verifier) {
    this.algorithm = algorithm;
    this.key = key;
    this.verifier = verifier;
  }

  /** The key id of the {@linkplain #verifier() public key}: sha256 of its SubjectPublicKeyInfo. */
  @Override
  public String keyId() {
    return verifier.keyId();
  }

  @Override
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /** The public key. */
  public VerificationKey verifier() {
    return verifier;
  }

  /** Signs {@code message}; never throws for a key this class holds. */
  @Override
  public byte[] sign(byte[] message) {
    try {
      Signature s = Algorithms.signature(algorithm);
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      // The provider's message and cause are dropped: they might describe the key.
      throw new IllegalStateException("signing with a valid " + algorithm + " key failed");
    }
  }

  /**
   * The private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), which OpenSSL
   * and python cryptography read. This string is the secret: store it with restricted permissions.
   */
  public String exportPkcs8Pem() {
    return Pem.encode("PRIVATE KEY", KeyCodec.pkcs8(algorithm, key));
  }

  /**
   * The private key file as python in-toto and securesystemslib 0.26 read it: {@code {"keytype",
   * "scheme", "keyid", "keyid_hash_algorithms", "keyval": {"public", "private"}}}. Ed25519 keys are
   * hex (the 32-byte seed), ECDSA private keys SEC1 PEM ({@code BEGIN EC PRIVATE KEY}), RSA private
   * keys PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}). python in-toto reads RSA keys only from PEM
   * files, so for RSA prefer {@link #exportPkcs8Pem()}. This string is the secret.
   */
  public String exportSslibJson() {
    String privateValue;
    switch (algorithm) {
      case ED25519:
        privateValue = HexFormat.of().formatHex(KeyCodec.ed25519Seed(key));
        break;
      case ECDSA_P256_SHA256:
      case ECDSA_P384_SHA384:
        privateValue =
            Pem.encode(
                "EC PRIVATE KEY", KeyCodec.traditional(algorithm, key, verifier.publicKey()));
        break;
      default:
        privateValue =
            Pem.encode(
                    "RSA PRIVATE KEY", KeyCodec.traditional(algorithm, key, verifier.publicKey()))
                .strip();
    }
    Map<String, JsonValue> keyval = new LinkedHashMap<>();
    keyval.put("public", new JsonString(verifier.sslibPublic()));
    keyval.put("private", new JsonString(privateValue));
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("keytype", new JsonString(SslibJson.keytype(algorithm)));
    m.put("scheme", new JsonString(SslibJson.scheme(algorithm)));
    m.put("keyid", new JsonString(verifier.sslibKeyId()));
    m.put("keyid_hash_algorithms", SslibJson.hashAlgorithms());
    m.put("keyval", new JsonObject(keyval));
    return Json.write(new JsonObject(m)).toUtf8String();
  }

  /** The algorithm and key id only, e.g. {@code SigningKey[ed25519, 3f2a...]}. */
  @Override
  public String toString() {
    return "SigningKey[" + algorithm.name().toLowerCase(Locale.ROOT) + ", " + keyId() + "]";
  }
}
