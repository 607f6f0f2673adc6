package dev.ssc.attest.keys;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.api.signing.Signer;
import dev.ssc.api.signing.Verifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keys through the JCA: generation, SPKI PEM public keys, and key ids (the lowercase hex sha256 of
 * the DER SubjectPublicKeyInfo, the default DSSE key id).
 *
 * <p>This first version covers Ed25519 and ECDSA P-256 with the JDK's providers. ECDSA signatures
 * are written in DER; verification accepts DER and IEEE P1363 ({@code r||s}), as the DSSE
 * specification's own vector uses P1363.
 *
 * <p>Thread-safe.
 */
public final class JcaKeys {
  private JcaKeys() {}

  /** A generated key pair, as a signer and its verifier. */
  public static final class GeneratedKey {
    private final Signer signer;
    private final Verifier verifier;
    private final PublicKey publicKey;

    GeneratedKey(Signer signer, Verifier verifier, PublicKey publicKey) {
      this.signer = signer;
      this.verifier = verifier;
      this.publicKey = publicKey;
    }

    /** The signer holding the private key. */
    public Signer signer() {
      return signer;
    }

    /** The verifier of the public key. */
    public Verifier verifier() {
      return verifier;
    }

    /** The public key as SPKI PEM. */
    public String publicKeyPem() {
      return toPem(publicKey);
    }

    /** The algorithm and key id only. */
    @Override
    public String toString() {
      return "GeneratedKey[" + signer.algorithm() + ", " + signer.keyId() + "]";
    }
  }

  /**
   * Generates a key pair.
   *
   * @throws IllegalArgumentException if {@code algorithm} is not supported yet
   */
  public static GeneratedKey generate(SignatureAlgorithm algorithm) {
    requireNonNull(algorithm, "algorithm");
    try {
      KeyPair pair;
      switch (algorithm) {
        case ED25519:
          pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
          break;
        case ECDSA_P256_SHA256:
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec("secp256r1"));
          pair = g.generateKeyPair();
          break;
        default:
          throw new IllegalArgumentException(
              "key generation for " + algorithm + " is not supported yet");
      }
      JcaVerifier verifier = new JcaVerifier(algorithm, pair.getPublic());
      return new GeneratedKey(
          new JcaSigner(algorithm, pair.getPrivate(), verifier.keyId()),
          verifier,
          pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is unavailable in this JDK", e);
    }
  }

  /**
   * A verifier for an SPKI PEM public key ({@code -----BEGIN PUBLIC KEY-----}).
   *
   * @throws SscFormatException if the PEM or the key is malformed or of an unsupported type
   */
  public static Verifier verifierFromPem(String pem, String source) throws SscFormatException {
    requireNonNull(pem, "pem");
    String body = pem.strip();
    String begin = "-----BEGIN PUBLIC KEY-----";
    String end = "-----END PUBLIC KEY-----";
    if (!body.startsWith(begin) || !body.endsWith(end)) {
      throw new SscFormatException(source + ": expected a PEM public key ('" + begin + "')");
    }
    byte[] der;
    try {
      der =
          Base64.getMimeDecoder()
              .decode(body.substring(begin.length(), body.length() - end.length()));
    } catch (IllegalArgumentException e) {
      throw new SscFormatException(source + ": the PEM body is not base64", e);
    }
    for (String type : new String[] {"Ed25519", "EC"}) {
      try {
        PublicKey key = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
        if (type.equals("EC")) {
          String params = ((java.security.interfaces.ECPublicKey) key).getParams().toString();
          if (!params.contains("secp256r1") && !params.contains("1.2.840.10045.3.1.7")) {
            throw new SscFormatException(source + ": only the P-256 curve is supported yet");
          }
          return new JcaVerifier(SignatureAlgorithm.ECDSA_P256_SHA256, key);
        }
        return new JcaVerifier(SignatureAlgorithm.ED25519, key);
      } catch (GeneralSecurityException | ClassCastException e) {
        // try the next key type
      }
    }
    throw new SscFormatException(source + ": not an Ed25519 or ECDSA P-256 public key");
  }

  /** The SPKI PEM of {@code key}. */
  static String toPem(PublicKey key) {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
  }

  /** The default key id: lowercase hex sha256 of the DER SubjectPublicKeyInfo. */
  static String keyId(PublicKey key) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String jcaName(SignatureAlgorithm algorithm) {
    switch (algorithm) {
      case ED25519:
        return "Ed25519";
      case ECDSA_P256_SHA256:
        return "SHA256withECDSA";
      default:
        throw new IllegalArgumentException(algorithm + " is not supported yet");
    }
  }

  private static final class JcaSigner implements Signer {
    private final SignatureAlgorithm algorithm;
    private final PrivateKey key;
    private final String keyId;

    JcaSigner(SignatureAlgorithm algorithm, PrivateKey key, String keyId) {
      this.algorithm = algorithm;
      this.key = key;
      this.keyId = keyId;
    }

    @Override
    public String keyId() {
      return keyId;
    }

    @Override
    public SignatureAlgorithm algorithm() {
      return algorithm;
    }

    @Override
    public byte[] sign(byte[] message) {
      try {
        Signature s = Signature.getInstance(jcaName(algorithm));
        s.initSign(key);
        s.update(message);
        return s.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("signing with a valid " + algorithm + " key failed", e);
      }
    }

    @Override
    public String toString() {
      return "Signer[" + algorithm.name().toLowerCase(Locale.ROOT) + ", " + keyId + "]";
    }
  }

  private static final class JcaVerifier implements Verifier {
    private final SignatureAlgorithm algorithm;
    private final PublicKey key;
    private final String keyId;

    JcaVerifier(SignatureAlgorithm algorithm, PublicKey key) {
      this.algorithm = algorithm;
      this.key = key;
      this.keyId = JcaKeys.keyId(key);
    }

    @Override
    public String keyId() {
      return keyId;
    }

    @Override
    public SignatureAlgorithm algorithm() {
      return algorithm;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
      if (verifyWith(jcaName(algorithm), message, signature)) {
        return true;
      }
      return algorithm == SignatureAlgorithm.ECDSA_P256_SHA256
          && signature.length == 64
          && verifyWith("SHA256withECDSAinP1363Format", message, signature);
    }

    private boolean verifyWith(String jcaName, byte[] message, byte[] signature) {
      try {
        Signature s = Signature.getInstance(jcaName);
        s.initVerify(key);
        s.update(message);
        return s.verify(signature);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return "Verifier[" + algorithm.name().toLowerCase(Locale.ROOT) + ", " + keyId + "]";
    }
  }
}
