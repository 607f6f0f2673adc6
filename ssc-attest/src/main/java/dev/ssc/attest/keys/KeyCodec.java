package dev.ssc.attest.keys;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.signing.SignatureAlgorithm;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;

/**
 * DER key structures: SubjectPublicKeyInfo, PKCS#8, PKCS#1 RSA and SEC1 EC private keys. The key
 * type comes from the algorithm OID and the curve OID inside the key, never from a file name.
 * Messages about private keys never carry key material or a cause that might.
 */
final class KeyCodec {
  private KeyCodec() {}

  /** The smallest RSA modulus read or generated. */
  static final int MIN_RSA_BITS = 2048;

  /** The largest RSA modulus read. */
  static final int MAX_RSA_BITS = 16384;

  /** Ed25519, RFC 8410 (Bouncy Castle keeps its constant in an internal package). */
  static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

  static final ASN1ObjectIdentifier P256 = SECObjectIdentifiers.secp256r1;
  static final ASN1ObjectIdentifier P384 = SECObjectIdentifiers.secp384r1;

  /** A parsed public key and the algorithm it is used with. */
  record Public(SignatureAlgorithm algorithm, PublicKey key) {}

  /** A parsed private key, its public key and the algorithm. */
  record Private(SignatureAlgorithm algorithm, PrivateKey key, PublicKey publicKey) {}

  static void checkRsaScheme(SignatureAlgorithm rsaScheme) {
    if (!Algorithms.isRsa(rsaScheme)) {
      throw new IllegalArgumentException(
          "rsaScheme must be RSA_PSS_SHA256 or RSA_PKCS1_SHA256, got " + rsaScheme);
    }
  }

  /** Parses an SPKI public key. */
  static Public publicFromSpki(byte[] der, SignatureAlgorithm rsaScheme, String source)
      throws SscFormatException {
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      throw new SscFormatException(source + ": not a DER SubjectPublicKeyInfo", e);
    }
    if (spki == null) {
      throw new SscFormatException(source + ": not a DER SubjectPublicKeyInfo");
    }
    SignatureAlgorithm algorithm = algorithmOf(spki.getAlgorithm(), rsaScheme, source);
    try {
      PublicKey key =
          keyFactory(algorithm).generatePublic(new X509EncodedKeySpec(spki.getEncoded("DER")));
      if (key instanceof RSAPublicKey rsa) {
        checkRsaSize(rsa.getModulus(), source);
      }
      return new Public(algorithm, key);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new SscFormatException(source + ": malformed " + algorithm + " public key", e);
    }
  }

  /** Parses a PKCS#8 private key. */
  static Private privateFromPkcs8(byte[] der, SignatureAlgorithm rsaScheme, String source)
      throws SscFormatException {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      throw new SscFormatException(source + ": not a DER PKCS#8 PrivateKeyInfo");
    }
    if (info == null) {
      throw new SscFormatException(source + ": not a DER PKCS#8 PrivateKeyInfo");
    }
    return privateFromInfo(info, rsaScheme, source);
  }

  /** Parses a PKCS#1 RSAPrivateKey ("BEGIN RSA PRIVATE KEY"). */
  static Private privateFromPkcs1(byte[] der, SignatureAlgorithm rsaScheme, String source)
      throws SscFormatException {
    try {
      org.bouncycastle.asn1.pkcs.RSAPrivateKey rsa =
          org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
      PrivateKeyInfo info =
          new PrivateKeyInfo(
              new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa);
      return privateFromInfo(info, rsaScheme, source);
    } catch (IOException | RuntimeException e) {
      throw new SscFormatException(source + ": not a DER PKCS#1 RSA private key");
    }
  }

  /** Parses a SEC1 ECPrivateKey ("BEGIN EC PRIVATE KEY") that names its curve. */
  static Private privateFromSec1(byte[] der, String source) throws SscFormatException {
    ECPrivateKey ec;
    try {
      ec = ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      throw new SscFormatException(source + ": not a DER SEC1 EC private key");
    }
    if (ec == null || !(ec.getParametersObject() instanceof ASN1ObjectIdentifier curve)) {
      throw new SscFormatException(source + ": the SEC1 EC private key does not name its curve");
    }
    try {
      PrivateKeyInfo info =
          new PrivateKeyInfo(
              new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec);
      return privateFromInfo(info, SignatureAlgorithm.RSA_PSS_SHA256, source);
    } catch (IOException e) {
      throw new SscFormatException(source + ": not a DER SEC1 EC private key");
    }
  }

  private static Private privateFromInfo(
      PrivateKeyInfo info, SignatureAlgorithm rsaScheme, String source) throws SscFormatException {
    SignatureAlgorithm algorithm = algorithmOf(info.getPrivateKeyAlgorithm(), rsaScheme, source);
    try {
      KeyFactory factory = keyFactory(algorithm);
      PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded("DER")));
      PublicKey publicKey = derivePublic(algorithm, key, factory, source);
      if (publicKey instanceof RSAPublicKey rsa) {
        checkRsaSize(rsa.getModulus(), source);
      }
      return new Private(algorithm, key, publicKey);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      // No cause: a provider's message about a private key might quote it.
      throw new SscFormatException(source + ": malformed " + algorithm + " private key");
    }
  }

  private static PublicKey derivePublic(
      SignatureAlgorithm algorithm, PrivateKey key, KeyFactory factory, String source)
      throws GeneralSecurityException, SscFormatException {
    if (key instanceof EdDSAPrivateKey ed) {
      return ed.getPublicKey();
    }
    if (key instanceof org.bouncycastle.jce.interfaces.ECPrivateKey ec) {
      ECParameterSpec params = ec.getParameters();
      return factory.generatePublic(
          new ECPublicKeySpec(params.getG().multiply(ec.getD()).normalize(), params));
    }
    if (key instanceof RSAPrivateCrtKey rsa) {
      return factory.generatePublic(
          new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }
    throw new SscFormatException(
        source + ": cannot derive the public key of this " + algorithm + " private key");
  }

  private static void checkRsaSize(BigInteger modulus, String source) throws SscFormatException {
    int bits = modulus.bitLength();
    if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
      throw new SscFormatException(
          source
              + ": RSA modulus of "
              + bits
              + " bits, expected "
              + MIN_RSA_BITS
              + " to "
              + MAX_RSA_BITS);
    }
  }

  private static SignatureAlgorithm algorithmOf(
      AlgorithmIdentifier id, SignatureAlgorithm rsaScheme, String source)
      throws SscFormatException {
    ASN1ObjectIdentifier oid = id.getAlgorithm();
    if (oid.equals(ID_ED25519)) {
      return SignatureAlgorithm.ED25519;
    }
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      return rsaScheme;
    }
    if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      if (P256.equals(id.getParameters())) {
        return SignatureAlgorithm.ECDSA_P256_SHA256;
      }
      if (P384.equals(id.getParameters())) {
        return SignatureAlgorithm.ECDSA_P384_SHA384;
      }
      throw new SscFormatException(
          source
              + ": unsupported EC curve "
              + id.getParameters()
              + ", expected P-256 (1.2.840.10045.3.1.7) or P-384 (1.3.132.0.34)");
    }
    throw new SscFormatException(
        source
            + ": unsupported key algorithm "
            + oid.getId()
            + ", expected Ed25519, EC (P-256, P-384) or RSA");
  }

  static KeyFactory keyFactory(SignatureAlgorithm algorithm) throws GeneralSecurityException {
    String name =
        algorithm == SignatureAlgorithm.ED25519
            ? "Ed25519"
            : Algorithms.isRsa(algorithm) ? "RSA" : "EC";
    return KeyFactory.getInstance(name, Providers.forAlgorithm(algorithm));
  }

  /** PKCS#8 DER of {@code key}; Ed25519 as a version-1 seed-only key, as OpenSSL writes it. */
  static byte[] pkcs8(SignatureAlgorithm algorithm, PrivateKey key) {
    if (algorithm == SignatureAlgorithm.ED25519) {
      try {
        return new PrivateKeyInfo(
                new AlgorithmIdentifier(ID_ED25519), new DEROctetString(ed25519Seed(key)))
            .getEncoded("DER");
      } catch (IOException e) {
        throw new IllegalStateException("encoding an Ed25519 key failed", e);
      }
    }
    return key.getEncoded();
  }

  /** The 32-byte seed of an Ed25519 private key. */
  static byte[] ed25519Seed(PrivateKey key) {
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
      return ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
    } catch (IOException e) {
      throw new IllegalStateException("an Ed25519 key without a seed", e);
    }
  }

  /** The inner structure of a PKCS#8 key: PKCS#1 for RSA; SEC1 (with its curve) for EC. */
  static byte[] traditional(SignatureAlgorithm algorithm, PrivateKey key, PublicKey publicKey) {
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
      if (Algorithms.isRsa(algorithm)) {
        return info.parsePrivateKey().toASN1Primitive().getEncoded("DER");
      }
      ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
      ASN1ObjectIdentifier curve = algorithm == SignatureAlgorithm.ECDSA_P256_SHA256 ? P256 : P384;
      int bits = algorithm == SignatureAlgorithm.ECDSA_P256_SHA256 ? 256 : 384;
      SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
      return new ECPrivateKey(bits, inner.getKey(), spki.getPublicKeyData(), curve)
          .getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("encoding a " + algorithm + " key failed", e);
    }
  }

  /** The Ed25519 public key of raw 32 bytes. */
  static PublicKey ed25519Public(byte[] raw) throws GeneralSecurityException, IOException {
    byte[] spki =
        new SubjectPublicKeyInfo(new AlgorithmIdentifier(ID_ED25519), raw).getEncoded("DER");
    return keyFactory(SignatureAlgorithm.ED25519).generatePublic(new X509EncodedKeySpec(spki));
  }

  /** The raw 32 bytes of an Ed25519 public key. */
  static byte[] ed25519Raw(PublicKey key) {
    return SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
  }
}
