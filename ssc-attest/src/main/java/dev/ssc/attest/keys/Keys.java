package dev.ssc.attest.keys;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.json.Fields;
import dev.ssc.attest.json.Json;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Keys: generation, PEM and securesystemslib JSON key files, for Ed25519, ECDSA P-256 and P-384,
 * and RSA 2048 to 4096 bits with RSASSA-PSS or PKCS#1 v1.5 padding.
 *
 * <pre>{@code
 * SigningKey key = Keys.generate(SignatureAlgorithm.ED25519);
 * Files.writeString(dir.resolve("ci.key"), key.exportPkcs8Pem());  // the secret
 * Files.writeString(dir.resolve("ci.pub"), key.verifier().spkiPem());
 * VerificationKey trusted = Keys.readPublicKeyPem(Files.readString(pub), pub.toString());
 * }</pre>
 *
 * <p>The key type comes from the key itself (its algorithm and curve OIDs, or securesystemslib's
 * {@code keytype} and {@code scheme}), never from a file name. An RSA PEM key does not say which
 * padding it signs with: the methods without an {@code rsaScheme} use {@link
 * SignatureAlgorithm#RSA_PSS_SHA256}, which is what ssc generates and securesystemslib defaults to;
 * pass {@link SignatureAlgorithm#RSA_PKCS1_SHA256} for PKCS#1 v1.5 keys. RSA moduli under 2048 bits
 * are refused.
 *
 * <p>PEM reading accepts SPKI public keys ({@code BEGIN PUBLIC KEY}) and unencrypted PKCS#8 ({@code
 * BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) and SEC1 EC ({@code BEGIN EC
 * PRIVATE KEY}) private keys. Every decoding error is an {@link SscFormatException} naming the
 * source (and for JSON the JSON pointer), never the key material.
 *
 * <p>Signatures use Bouncy Castle for Ed25519 and ECDSA and the JDK's SunRsaSign for RSA, chosen by
 * measurement; providers are passed as instances, never registered globally.
 *
 * <p>Thread-safe; stateless.
 */
public final class Keys {
  private Keys() {}

  /** The RSA modulus {@link #generate} uses. */
  public static final int DEFAULT_RSA_BITS = 3072;

  /** Generates a key pair; RSA keys have {@link #DEFAULT_RSA_BITS} bits. */
  public static SigningKey generate(SignatureAlgorithm algorithm) {
    requireNonNull(algorithm, "algorithm");
    return Algorithms.isRsa(algorithm)
        ? generateRsa(algorithm, DEFAULT_RSA_BITS)
        : generateKey(algorithm, 0);
  }

  /**
   * Generates an RSA key pair.
   *
   * @throws IllegalArgumentException if {@code rsaScheme} is not an RSA algorithm or {@code bits}
   *     is not 2048, 3072 or 4096
   */
  public static SigningKey generateRsa(SignatureAlgorithm rsaScheme, int bits) {
    requireNonNull(rsaScheme, "rsaScheme");
    KeyCodec.checkRsaScheme(rsaScheme);
    if (bits != 2048 && bits != 3072 && bits != 4096) {
      throw new IllegalArgumentException("RSA key size must be 2048, 3072 or 4096, got " + bits);
    }
    return generateKey(rsaScheme, bits);
  }

  private static SigningKey generateKey(SignatureAlgorithm algorithm, int bits) {
    try {
      KeyPairGenerator g;
      switch (algorithm) {
        case ED25519:
          g = KeyPairGenerator.getInstance("Ed25519", Providers.bouncyCastle());
          break;
        case ECDSA_P256_SHA256:
        case ECDSA_P384_SHA384:
          g = KeyPairGenerator.getInstance("EC", Providers.bouncyCastle());
          g.initialize(
              new ECGenParameterSpec(
                  algorithm == SignatureAlgorithm.ECDSA_P256_SHA256 ? "secp256r1" : "secp384r1"));
          break;
        default:
          g = KeyPairGenerator.getInstance("RSA", Providers.sunRsaSign());
          g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
      }
      KeyPair pair = g.generateKeyPair();
      return new SigningKey(
          algorithm,
          pair.getPrivate(),
          new VerificationKey(algorithm, pair.getPublic(), List.of()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " key generation is unavailable", e);
    }
  }

  /**
   * Reads an SPKI PEM public key ({@code -----BEGIN PUBLIC KEY-----}); RSA keys verify RSA-PSS.
   *
   * @param source names the input in error messages, e.g. a file name
   * @throws SscFormatException if the PEM or the key is malformed or of an unsupported type
   */
  public static VerificationKey readPublicKeyPem(String pem, String source)
      throws SscFormatException {
    return readPublicKeyPem(pem, SignatureAlgorithm.RSA_PSS_SHA256, source);
  }

  /**
   * Reads an SPKI PEM public key; an RSA key verifies with {@code rsaScheme}, which is ignored for
   * other key types.
   *
   * @throws IllegalArgumentException if {@code rsaScheme} is not an RSA algorithm
   * @throws SscFormatException if the PEM or the key is malformed or of an unsupported type
   */
  public static VerificationKey readPublicKeyPem(
      String pem, SignatureAlgorithm rsaScheme, String source) throws SscFormatException {
    requireNonNull(pem, "pem");
    requireNonNull(rsaScheme, "rsaScheme");
    requireNonNull(source, "source");
    KeyCodec.checkRsaScheme(rsaScheme);
    Pem block = Pem.decode(pem, source);
    if (!block.label.equals("PUBLIC KEY")) {
      throw new SscFormatException(
          source + ": PEM block '" + block.label + "', expected 'PUBLIC KEY'");
    }
    KeyCodec.Public key = KeyCodec.publicFromSpki(block.der, rsaScheme, source);
    return new VerificationKey(key.algorithm(), key.key(), List.of(pem));
  }

  /**
   * Reads an unencrypted PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC); RSA keys sign RSA-PSS.
   *
   * @throws SscFormatException if the PEM or the key is malformed, encrypted or unsupported
   */
  public static SigningKey readPrivateKeyPem(String pem, String source) throws SscFormatException {
    return readPrivateKeyPem(pem, SignatureAlgorithm.RSA_PSS_SHA256, source);
  }

  /**
   * Reads an unencrypted PEM private key; an RSA key signs with {@code rsaScheme}, which is ignored
   * for other key types.
   *
   * @throws IllegalArgumentException if {@code rsaScheme} is not an RSA algorithm
   * @throws SscFormatException if the PEM or the key is malformed, encrypted or unsupported
   */
  public static SigningKey readPrivateKeyPem(
      String pem, SignatureAlgorithm rsaScheme, String source) throws SscFormatException {
    requireNonNull(pem, "pem");
    requireNonNull(rsaScheme, "rsaScheme");
    requireNonNull(source, "source");
    KeyCodec.checkRsaScheme(rsaScheme);
    return signingKey(privatePem(pem, rsaScheme, source));
  }

  private static KeyCodec.Private privatePem(
      String pem, SignatureAlgorithm rsaScheme, String source) throws SscFormatException {
    Pem block = Pem.decode(pem, source);
    switch (block.label) {
      case "PRIVATE KEY":
        return KeyCodec.privateFromPkcs8(block.der, rsaScheme, source);
      case "RSA PRIVATE KEY":
        return KeyCodec.privateFromPkcs1(block.der, rsaScheme, source);
      case "EC PRIVATE KEY":
        return KeyCodec.privateFromSec1(block.der, source);
      default:
        throw new SscFormatException(
            source
                + ": PEM block '"
                + block.label
                + "', expected 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY'");
    }
  }

  private static SigningKey signingKey(KeyCodec.Private key) {
    return new SigningKey(
        key.algorithm(),
        key.key(),
        new VerificationKey(key.algorithm(), key.publicKey(), List.of()));
  }

  /**
   * Reads a securesystemslib JSON public key file, as {@code in-toto-keygen} writes {@code
   * NAME.pub}.
   *
   * @throws SscFormatException if the JSON or the key is malformed or unsupported, or the file
   *     holds a private key
   */
  public static VerificationKey readPublicKeySslibJson(String json, String source)
      throws SscFormatException {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    return readPublicKeySslib(Json.parseObject(Bytes.utf8(json), source), source, "");
  }

  /**
   * Reads a securesystemslib public key dictionary found at JSON pointer {@code pointer} of {@code
   * source}, such as a key in an in-toto layout's {@code keys}. Members {@code keyid} and {@code
   * keyid_hash_algorithms} are optional and only checked for type: key ids are computed, never
   * read.
   *
   * @throws SscFormatException if the dictionary or the key is malformed, unsupported or private
   */
  public static VerificationKey readPublicKeySslib(JsonObject key, String source, String pointer)
      throws SscFormatException {
    requireNonNull(key, "key");
    requireNonNull(source, "source");
    requireNonNull(pointer, "pointer");
    Fields f = Fields.of(key, source, pointer);
    Dict d = dict(f);
    Optional<String> priv = d.keyval.optionalString("private");
    if (priv.isPresent() && !priv.get().isEmpty()) {
      throw d.keyval.error("private", "a private key where a public key was expected");
    }
    KeyCodec.Public pub = publicValue(d);
    return new VerificationKey(pub.algorithm(), pub.key(), List.of(d.publicValue));
  }

  /**
   * Reads a securesystemslib JSON private key file, as {@code in-toto-keygen -t ed25519|ecdsa}
   * writes {@code NAME}; {@code keyval.private} must hold the private key of {@code keyval.public}.
   * Encrypted key files are not supported.
   *
   * @throws SscFormatException if the JSON or the key is malformed, unsupported or inconsistent
   */
  public static SigningKey readPrivateKeySslibJson(String json, String source)
      throws SscFormatException {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    JsonValue parsed;
    try {
      parsed = Json.parse(Bytes.utf8(json), source);
    } catch (SscFormatException e) {
      // Jackson's messages may quote input around the error; this input is a secret.
      throw new SscFormatException(
          source + ": not a JSON key file (unencrypted securesystemslib JSON expected)");
    }
    if (!(parsed instanceof JsonObject)) {
      throw new SscFormatException(source + ": expected a JSON object at the top level");
    }
    Fields f = Fields.of((JsonObject) parsed, source, "");
    Dict d = dict(f);
    String priv = d.keyval.requiredString("private");
    if (priv.isEmpty()) {
      throw d.keyval.error("private", "is empty: this is a public key file");
    }
    KeyCodec.Public pub = publicValue(d);
    String where = source + ": " + d.keyval.pointer("private");
    KeyCodec.Private key;
    if (d.algorithm == SignatureAlgorithm.ED25519) {
      byte[] seed = hex(priv, 32, d.keyval, "private");
      byte[] pkcs8 =
          Arrays.copyOf(
              HexFormat.of().parseHex("302e020100300506032b657004220420"), 16 + seed.length);
      System.arraycopy(seed, 0, pkcs8, 16, seed.length);
      key = KeyCodec.privateFromPkcs8(pkcs8, d.algorithm, where);
    } else {
      SignatureAlgorithm rsaScheme =
          Algorithms.isRsa(d.algorithm) ? d.algorithm : SignatureAlgorithm.RSA_PSS_SHA256;
      key = privatePem(priv, rsaScheme, where);
    }
    if (key.algorithm() != d.algorithm) {
      throw d.keyval.error("private", "is not a " + d.algorithm + " private key");
    }
    if (!Arrays.equals(key.publicKey().getEncoded(), pub.key().getEncoded())) {
      throw d.keyval.error("private", "does not belong to keyval/public");
    }
    return new SigningKey(
        key.algorithm(),
        key.key(),
        new VerificationKey(pub.algorithm(), pub.key(), List.of(d.publicValue)));
  }

  /** The common members of a securesystemslib key dictionary. */
  private static final class Dict {
    final Fields keyval;
    final SignatureAlgorithm algorithm;
    final String publicValue;

    Dict(Fields keyval, SignatureAlgorithm algorithm, String publicValue) {
      this.keyval = keyval;
      this.algorithm = algorithm;
      this.publicValue = publicValue;
    }
  }

  private static Dict dict(Fields f) throws SscFormatException {
    String keytype = f.requiredString("keytype");
    String scheme = f.requiredString("scheme");
    var unusedKeyId = f.optionalString("keyid"); // type-checked only: ids are computed
    if (f.object().get("keyid_hash_algorithms").isPresent()) {
      List<JsonValue> algs = f.requiredArray("keyid_hash_algorithms");
      for (int i = 0; i < algs.size(); i++) {
        if (!(algs.get(i) instanceof JsonString)) {
          throw new SscFormatException(
              where(f, "keyid_hash_algorithms") + "/" + i + ": expected a string");
        }
      }
    }
    SignatureAlgorithm algorithm = SslibJson.algorithm(keytype, scheme, where(f, "scheme"));
    Fields keyval = f.nested("keyval", f.requiredObject("keyval"));
    return new Dict(keyval, algorithm, keyval.requiredString("public"));
  }

  private static KeyCodec.Public publicValue(Dict d) throws SscFormatException {
    Fields kv = d.keyval;
    if (d.algorithm == SignatureAlgorithm.ED25519) {
      byte[] raw = hex(d.publicValue, 32, kv, "public");
      try {
        return new KeyCodec.Public(d.algorithm, KeyCodec.ed25519Public(raw));
      } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
        throw kv.error("public", "not an Ed25519 public key");
      }
    }
    String where = where(kv, "public");
    Pem block = Pem.decode(d.publicValue, where);
    if (!block.label.equals("PUBLIC KEY")) {
      throw kv.error("public", "PEM block '" + block.label + "', expected 'PUBLIC KEY'");
    }
    SignatureAlgorithm rsaScheme =
        Algorithms.isRsa(d.algorithm) ? d.algorithm : SignatureAlgorithm.RSA_PSS_SHA256;
    KeyCodec.Public pub = KeyCodec.publicFromSpki(block.der, rsaScheme, where);
    if (pub.algorithm() != d.algorithm) {
      throw kv.error(
          "public", "holds a " + pub.algorithm() + " key, but the scheme says " + d.algorithm);
    }
    return pub;
  }

  /** "source: pointer" of member {@code name}, as a source for nested decoders. */
  private static String where(Fields f, String name) {
    String message = f.error(name, "").getMessage();
    return message == null ? name : message.substring(0, message.length() - 2);
  }

  private static byte[] hex(String value, int length, Fields f, String name)
      throws SscFormatException {
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(value);
    } catch (IllegalArgumentException e) {
      throw f.error(name, "expected " + (2 * length) + " hex digits");
    }
    if (bytes.length != length) {
      throw f.error(name, "expected " + length + " bytes, got " + bytes.length);
    }
    return bytes;
  }
}
