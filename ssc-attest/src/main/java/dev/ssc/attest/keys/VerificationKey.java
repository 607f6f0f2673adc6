package dev.ssc.attest.keys;

import dev.ssc.api.json.JsonObject;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.api.signing.Verifier;
import dev.ssc.attest.json.Json;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A public key that verifies signatures: Ed25519, ECDSA P-256 or P-384, or RSA with PSS or PKCS#1
 * v1.5 padding. Obtain one from {@link Keys} or {@link SigningKey#verifier()}.
 *
 * <p>{@link #verify} never throws: a wrong, truncated or malformed signature is {@code false}.
 * ECDSA accepts DER and IEEE P1363 ({@code r||s}) signatures. RSA-PSS uses SHA-256, MGF1-SHA-256
 * and a 32-byte salt, as securesystemslib and ssc sign; other salt lengths do not verify.
 *
 * <p>{@link #keyId()} is the default DSSE key id, the lowercase hex sha256 of the DER
 * SubjectPublicKeyInfo. Other tools name the same key differently, so {@link #keyIdHints()} lists
 * every id this key may appear under. A key id only selects keys to try: match a signature to a key
 * by verifying it, never by trusting an id.
 *
 * <p>Immutable and thread-safe; identity equality.
 */
public final class VerificationKey implements Verifier {
  private final SignatureAlgorithm algorithm;
  private final PublicKey key;

  /** The key as the verifying provider's own object, imported once (Algorithms.verifyingKey). */
  private final PublicKey verifyingKey;

  private final String keyId;
  private final String sslibKeyId;
  private final Set<String> keyIdHints;

  VerificationKey(
      SignatureAlgorithm algorithm, PublicKey key, Collection<String> otherPublicTexts) {
    this.algorithm = algorithm;
    this.key = key;
    this.verifyingKey = Algorithms.verifyingKey(algorithm, key);
    this.keyId = sha256Hex(key.getEncoded());
    String keytype = SslibJson.keytype(algorithm);
    String scheme = SslibJson.scheme(algorithm);
    this.sslibKeyId = SslibJson.keyId(keytype, scheme, sslibPublic(), true, "sha256");
    Set<String> texts = new LinkedHashSet<>();
    texts.add(sslibPublic());
    if (algorithm != SignatureAlgorithm.ED25519) {
      String pem = spkiPem();
      texts.add(pem);
      texts.add(pem.strip());
    }
    for (String given : otherPublicTexts) {
      // securesystemslib turns CRLF into LF and strips the PEM when importing it.
      for (String t : new String[] {given, given.replace("\r\n", "\n")}) {
        texts.add(t);
        texts.add(t.strip());
        texts.add(t.strip() + "\n");
      }
    }
    Set<String> hints = new LinkedHashSet<>();
    hints.add(keyId);
    hints.add(sslibKeyId);
    for (String text : texts) {
      for (boolean withHashAlgorithms : new boolean[] {true, false}) {
        for (String hash : SslibJson.HASH_ALGORITHMS) {
          hints.add(SslibJson.keyId(keytype, scheme, text, withHashAlgorithms, hash));
        }
      }
    }
    this.keyIdHints = Collections.unmodifiableSet(hints);
  }

  /** The default DSSE key id: lowercase hex sha256 of the DER SubjectPublicKeyInfo. */
  @Override
  public String keyId() {
    return keyId;
  }

  /**
   * The key id securesystemslib 0.26 gives this key when it reads the key files ssc writes: hex
   * sha256 of the canonical JSON of {@code {keytype, scheme, keyid_hash_algorithms:
   * ["sha256","sha512"], keyval: {public}}}, as in-toto layouts use it.
   */
  public String sslibKeyId() {
    return sslibKeyId;
  }

  /**
   * Every id this key may be named by: {@link #keyId()}, {@link #sslibKeyId()}, and the
   * securesystemslib ids of each public-key text variant (the PEM with and without its final
   * newline, the text it was read from), with and without {@code keyid_hash_algorithms}, by sha256
   * and sha512. Use it to pick candidate keys, then verify.
   */
  public Set<String> keyIdHints() {
    return keyIdHints;
  }

  @Override
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    if (message == null || signature == null) {
      return false;
    }
    try {
      if (verifyWith(Algorithms.verifier(algorithm), verifyingKey, message, signature)) {
        return true;
      }
      int p1363 = Algorithms.p1363Length(algorithm);
      return p1363 != 0
          && signature.length == p1363
          && verifyWith(Algorithms.p1363(algorithm), key, message, signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean verifyWith(
      Signature engine, PublicKey publicKey, byte[] message, byte[] signature) {
    try {
      engine.initVerify(publicKey);
      engine.update(message);
      return engine.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** The public key as SPKI PEM ({@code -----BEGIN PUBLIC KEY-----}), with a final newline. */
  public String spkiPem() {
    return Pem.encode("PUBLIC KEY", key.getEncoded());
  }

  /**
   * The public key file as python in-toto's {@code in-toto-keygen} writes it: {@code {"keytype",
   * "scheme", "keyid_hash_algorithms", "keyval": {"public"}}}. Ed25519 public keys are hex; ECDSA
   * keys are PEM with a final newline; RSA keys are PEM without one (securesystemslib strips it).
   */
  public String sslibJson() {
    return Json.write(sslibDict()).toUtf8String();
  }

  /** The public key dictionary, as embedded in in-toto layouts under its {@link #sslibKeyId()}. */
  public JsonObject sslibDict() {
    return SslibJson.publicDict(
        SslibJson.keytype(algorithm), SslibJson.scheme(algorithm), sslibPublic(), true);
  }

  /** The {@code keyval.public} value securesystemslib writes for this key. */
  String sslibPublic() {
    switch (algorithm) {
      case ED25519:
        return HexFormat.of().formatHex(KeyCodec.ed25519Raw(key));
      case ECDSA_P256_SHA256:
      case ECDSA_P384_SHA384:
        return spkiPem();
      default:
        return spkiPem().strip();
    }
  }

  PublicKey publicKey() {
    return key;
  }

  /** The algorithm and key id, e.g. {@code VerificationKey[ed25519, 3f2a...]}. */
  @Override
  public String toString() {
    return "VerificationKey[" + algorithm.name().toLowerCase(Locale.ROOT) + ", " + keyId + "]";
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
