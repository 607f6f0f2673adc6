package dev.ssc.attest.intoto.layout;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.api.signing.Signer;
import dev.ssc.api.signing.Verifier;
import dev.ssc.attest.json.CanonicalJson;
import dev.ssc.attest.json.Fields;
import dev.ssc.attest.json.Json;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;

/**
 * securesystemslib 0.26 keys with plain JCA: public keys from layout key dicts and PEM files,
 * private keys (PKCS#8 PEM, PKCS#1 {@code RSA PRIVATE KEY}, sslib JSON) for signing links, and
 * securesystemslib key ids.
 *
 * <p>RSA verification follows securesystemslib: RSASSA-PSS with SHA-256 and MGF1-SHA-256, salt
 * length recovered from the signature ({@code PSS.AUTO}); signing uses a 32-byte salt ({@code
 * PSS.DIGEST_LENGTH}). Ed25519 public values are hex; ECDSA P-256 signatures are DER.
 */
final class LayoutKeys {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] ED25519_SPKI_PREFIX = HEX.parseHex("302a300506032b6570032100");
  private static final byte[] ED25519_PKCS8_PREFIX =
      HEX.parseHex("302e020100300506032b657004220420");

  private LayoutKeys() {}

  /** A public key as securesystemslib describes it, with its key id. */
  record PublicKeyInfo(String keyId, JsonObject dict, Verifier verifier) {}

  /** Parses a layout key dict (keytype, scheme, keyval.public) found at {@code f}. */
  static PublicKeyInfo fromDict(Fields f) throws SscFormatException {
    String keytype = f.requiredString("keytype");
    String scheme = f.requiredString("scheme");
    Fields keyval = f.nested("keyval", f.requiredObject("keyval"));
    String pub = keyval.requiredString("public");
    Map<String, JsonValue> dict = new LinkedHashMap<>();
    f.object().get("keyid_hash_algorithms").ifPresent(v -> dict.put("keyid_hash_algorithms", v));
    dict.put("keytype", new JsonString(keytype));
    dict.put("keyval", new JsonObject(Map.of("public", new JsonString(pub))));
    dict.put("scheme", new JsonString(scheme));
    JsonObject pubDict = new JsonObject(dict);
    Verifier verifier;
    try {
      verifier = verifier(keytype, scheme, pub, keyId(pubDict));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw f.error("keyval", "unusable " + keytype + " public key: " + e.getMessage());
    }
    if (verifier == null) {
      throw f.error("scheme", "unsupported keytype/scheme " + keytype + "/" + scheme);
    }
    return new PublicKeyInfo(keyId(pubDict), pubDict, verifier);
  }

  /**
   * Whether {@code keyId} names {@code key}: the key id of its dict as written, or of the same dict
   * with the PEM's final newline added or removed. python in-toto hashes ECDSA PEMs with their
   * final newline while securesystemslib's PEM import strips it (BUILD-NOTES.md), and layouts of
   * both kinds exist. The key id is a name only; signatures are checked with the key itself.
   */
  static boolean namedBy(PublicKeyInfo key, String keyId) {
    if (key.keyId().equals(keyId)) {
      return true;
    }
    JsonValue keyval = key.dict().members().get("keyval");
    if (!(keyval instanceof JsonObject)) {
      return false;
    }
    String pub = ((JsonObject) keyval).getString("public").orElse("");
    String other = pub.endsWith("\n") ? pub.substring(0, pub.length() - 1) : pub + "\n";
    Map<String, JsonValue> dict = new LinkedHashMap<>(key.dict().members());
    dict.put("keyval", new JsonObject(Map.of("public", new JsonString(other))));
    return keyId(new JsonObject(dict)).equals(keyId);
  }

  /**
   * Reads a public key file: a PEM SPKI RSA key (as {@code in-toto-verify --layout-keys} takes it)
   * or a securesystemslib JSON public key (ed25519, ecdsa).
   */
  static PublicKeyInfo readPublicKey(Bytes file, String source) throws SscFormatException {
    String text = file.toUtf8String();
    if (text.stripLeading().startsWith("{")) {
      JsonObject o = Json.parseObject(file, source);
      return fromDict(Fields.of(o, source, ""));
    }
    String pem = text.strip();
    if (!pem.startsWith("-----BEGIN PUBLIC KEY-----")) {
      throw new SscFormatException(source + ": expected a PEM public key or a JSON key");
    }
    try {
      PublicKey key = KeyFactory.getInstance("RSA").generatePublic(spki(pem, source));
      if (!(key instanceof RSAPublicKey)) {
        throw new SscFormatException(source + ": only RSA PEM public keys are supported");
      }
    } catch (GeneralSecurityException e) {
      throw new SscFormatException(source + ": not an RSA public key: " + e.getMessage(), e);
    }
    return fromDict(Fields.of(rsaDict(pem), source, ""));
  }

  private static JsonObject rsaDict(String pem) {
    Map<String, JsonValue> dict = new LinkedHashMap<>();
    dict.put(
        "keyid_hash_algorithms",
        new JsonArray(List.of(new JsonString("sha256"), new JsonString("sha512"))));
    dict.put("keytype", new JsonString("rsa"));
    dict.put("keyval", new JsonObject(Map.of("public", new JsonString(pem))));
    dict.put("scheme", new JsonString("rsassa-pss-sha256"));
    return new JsonObject(dict);
  }

  /** The securesystemslib key id: hex sha256 of the canonical JSON of the public key dict. */
  static String keyId(JsonObject publicDict) {
    try {
      byte[] canonical = CanonicalJson.encode(publicDict).toByteArray();
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (GeneralSecurityException | SscFormatException e) {
      throw new IllegalStateException("cannot compute key id", e);
    }
  }

  private static @org.jspecify.annotations.Nullable Verifier verifier(
      String keytype, String scheme, String pub, String keyId) throws GeneralSecurityException {
    switch (keytype + "/" + scheme) {
      case "rsa/rsassa-pss-sha256":
        {
          RSAPublicKey key =
              (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spki(pub, keyId));
          return new PssVerifier(keyId, key);
        }
      case "ed25519/ed25519":
        {
          byte[] raw = HEX.parseHex(pub);
          if (raw.length != 32) {
            throw new GeneralSecurityException("ed25519 public key must be 32 bytes");
          }
          PublicKey key =
              KeyFactory.getInstance("Ed25519")
                  .generatePublic(new X509EncodedKeySpec(concat(ED25519_SPKI_PREFIX, raw)));
          return new JcaVerifier(keyId, SignatureAlgorithm.ED25519, "Ed25519", key);
        }
      case "ecdsa/ecdsa-sha2-nistp256":
      case "ecdsa-sha2-nistp256/ecdsa-sha2-nistp256":
        {
          PublicKey key = KeyFactory.getInstance("EC").generatePublic(spki(pub, keyId));
          return new JcaVerifier(
              keyId, SignatureAlgorithm.ECDSA_P256_SHA256, "SHA256withECDSA", key);
        }
      default:
        return null;
    }
  }

  private static X509EncodedKeySpec spki(String pem, String source)
      throws GeneralSecurityException {
    return new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY", source));
  }

  private static byte[] pemBody(String pem, String label, String source)
      throws GeneralSecurityException {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int b = pem.indexOf(begin);
    int e = pem.indexOf(end);
    if (b < 0 || e < b) {
      throw new GeneralSecurityException(source + ": no PEM block " + label);
    }
    String body = pem.substring(b + begin.length(), e).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException ex) {
      throw new GeneralSecurityException(source + ": PEM body is not base64", ex);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * Reads a private key for signing links: PKCS#8 PEM ({@code PRIVATE KEY}, RSA, Ed25519 or EC),
   * PKCS#1 PEM ({@code RSA PRIVATE KEY}), or a securesystemslib JSON key with {@code
   * keyval.private}. The signer's key id is the securesystemslib key id of the public half.
   */
  static Signer readPrivateKey(Bytes file, String source) throws SscFormatException {
    String text = file.toUtf8String();
    try {
      if (text.stripLeading().startsWith("{")) {
        return jsonPrivateKey(Json.parseObject(file, source), source);
      }
      if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
        byte[] pkcs1 = pemBody(text, "RSA PRIVATE KEY", source);
        return rsaSigner(
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(pkcs1))));
      }
      if (text.contains("-----BEGIN PRIVATE KEY-----")) {
        byte[] pkcs8 = pemBody(text, "PRIVATE KEY", source);
        for (String alg : List.of("RSA", "EC", "Ed25519")) {
          PrivateKey key;
          try {
            key = KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
          } catch (GeneralSecurityException e) {
            continue;
          }
          if (alg.equals("RSA")) {
            return rsaSigner(key);
          }
          throw new SscFormatException(
              source + ": PKCS#8 " + alg + " keys: use the securesystemslib JSON key format");
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SscFormatException(source + ": unusable private key: " + e.getMessage(), e);
    }
    throw new SscFormatException(
        source + ": expected a PEM private key (PKCS#8 or PKCS#1) or a securesystemslib JSON key");
  }

  private static Signer rsaSigner(PrivateKey key)
      throws GeneralSecurityException, SscFormatException {
    if (!(key instanceof RSAPrivateCrtKey)) {
      throw new GeneralSecurityException("RSA private key lacks its public exponent");
    }
    RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
    PublicKey pub =
        KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pub.getEncoded())
            + "\n-----END PUBLIC KEY-----";
    String keyId = keyId(rsaDict(pem));
    return new JcaSigner(keyId, SignatureAlgorithm.RSA_PSS_SHA256, key, pem);
  }

  private static Signer jsonPrivateKey(JsonObject o, String source)
      throws SscFormatException, GeneralSecurityException {
    Fields f = Fields.of(o, source, "");
    PublicKeyInfo pub = fromDict(f);
    String priv = f.nested("keyval", f.requiredObject("keyval")).requiredString("private");
    switch (pub.verifier().algorithm()) {
      case ED25519:
        {
          byte[] raw = HEX.parseHex(priv);
          if (raw.length != 32) {
            throw new GeneralSecurityException("ed25519 private key must be 32 bytes");
          }
          PrivateKey key =
              KeyFactory.getInstance("Ed25519")
                  .generatePrivate(new PKCS8EncodedKeySpec(concat(ED25519_PKCS8_PREFIX, raw)));
          return new JcaSigner(pub.keyId(), SignatureAlgorithm.ED25519, key, "");
        }
      case ECDSA_P256_SHA256:
        {
          PrivateKey key;
          if (priv.contains("-----BEGIN EC PRIVATE KEY-----")) {
            key =
                KeyFactory.getInstance("EC")
                    .generatePrivate(
                        new PKCS8EncodedKeySpec(
                            sec1ToPkcs8(pemBody(priv, "EC PRIVATE KEY", source))));
          } else {
            key =
                KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(priv, "PRIVATE KEY", source)));
          }
          return new JcaSigner(pub.keyId(), SignatureAlgorithm.ECDSA_P256_SHA256, key, "");
        }
      case RSA_PSS_SHA256:
        {
          PrivateKey key;
          if (priv.contains("RSA PRIVATE KEY")) {
            key =
                KeyFactory.getInstance("RSA")
                    .generatePrivate(
                        new PKCS8EncodedKeySpec(
                            pkcs1ToPkcs8(pemBody(priv, "RSA PRIVATE KEY", source))));
          } else {
            key =
                KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(priv, "PRIVATE KEY", source)));
          }
          return new JcaSigner(pub.keyId(), SignatureAlgorithm.RSA_PSS_SHA256, key, "");
        }
      default:
        throw new SscFormatException(source + ": unsupported private key type");
    }
  }

  // DER helpers: wrap PKCS#1 RSAPrivateKey / SEC1 ECPrivateKey into PKCS#8 PrivateKeyInfo.
  private static final byte[] RSA_ALG = HEX.parseHex("300d06092a864886f70d0101010500");
  private static final byte[] EC_P256_ALG =
      HEX.parseHex("301306072a8648ce3d020106082a8648ce3d030107");

  private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    return privateKeyInfo(RSA_ALG, pkcs1);
  }

  private static byte[] sec1ToPkcs8(byte[] sec1) {
    return privateKeyInfo(EC_P256_ALG, sec1);
  }

  private static byte[] privateKeyInfo(byte[] alg, byte[] key) {
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octets = der(0x04, key);
    byte[] body = concat(concat(version, alg), octets);
    return der(0x30, body);
  }

  private static byte[] der(int tag, byte[] content) {
    byte[] len;
    int n = content.length;
    if (n < 0x80) {
      len = new byte[] {(byte) n};
    } else {
      byte[] raw = BigInteger.valueOf(n).toByteArray();
      int start = raw[0] == 0 ? 1 : 0;
      int size = raw.length - start;
      len = new byte[size + 1];
      len[0] = (byte) (0x80 | size);
      System.arraycopy(raw, start, len, 1, size);
    }
    return concat(concat(new byte[] {(byte) tag}, len), content);
  }

  /** RSASSA-PSS verification with SHA-256/MGF1-SHA-256 and any salt length, like PSS.AUTO. */
  private static final class PssVerifier implements Verifier {
    private final String keyId;
    private final RSAPublicKey key;

    PssVerifier(String keyId, RSAPublicKey key) {
      this.keyId = keyId;
      this.key = key;
    }

    @Override
    public String keyId() {
      return keyId;
    }

    @Override
    public SignatureAlgorithm algorithm() {
      return SignatureAlgorithm.RSA_PSS_SHA256;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
      try {
        int modBits = key.getModulus().bitLength();
        int k = (modBits + 7) / 8;
        if (signature.length != k) {
          return false;
        }
        BigInteger s = new BigInteger(1, signature);
        if (s.compareTo(key.getModulus()) >= 0) {
          return false;
        }
        Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
        rsa.init(Cipher.ENCRYPT_MODE, key);
        byte[] m = rsa.doFinal(signature);
        int emBits = modBits - 1;
        int emLen = (emBits + 7) / 8;
        byte[] em = new byte[emLen];
        // m is k bytes; EM is the last emLen bytes, leading bytes must be zero.
        int off = m.length - emLen;
        for (int i = 0; i < off; i++) {
          if (m[i] != 0) {
            return false;
          }
        }
        System.arraycopy(m, off, em, 0, emLen);
        return emsaPssVerify(message, em, emBits);
      } catch (GeneralSecurityException | RuntimeException e) {
        return false;
      }
    }

    private static boolean emsaPssVerify(byte[] message, byte[] em, int emBits)
        throws GeneralSecurityException {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      int hLen = 32;
      int emLen = em.length;
      byte[] mHash = sha.digest(message);
      if (emLen < hLen + 2 || (em[emLen - 1] & 0xff) != 0xbc) {
        return false;
      }
      int dbLen = emLen - hLen - 1;
      byte[] maskedDb = Arrays.copyOfRange(em, 0, dbLen);
      byte[] h = Arrays.copyOfRange(em, dbLen, dbLen + hLen);
      int topBits = 8 * emLen - emBits;
      int topMask = 0xff >>> topBits;
      if ((maskedDb[0] & ~topMask & 0xff) != 0) {
        return false;
      }
      byte[] mask = mgf1(h, dbLen);
      byte[] db = new byte[dbLen];
      for (int i = 0; i < dbLen; i++) {
        db[i] = (byte) (maskedDb[i] ^ mask[i]);
      }
      db[0] = (byte) (db[0] & topMask);
      int i = 0;
      while (i < dbLen && db[i] == 0) {
        i++;
      }
      if (i >= dbLen || db[i] != 0x01) {
        return false;
      }
      byte[] salt = Arrays.copyOfRange(db, i + 1, dbLen);
      sha.reset();
      sha.update(new byte[8]);
      sha.update(mHash);
      sha.update(salt);
      return MessageDigest.isEqual(h, sha.digest());
    }

    private static byte[] mgf1(byte[] seed, int len) throws GeneralSecurityException {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] out = new byte[len];
      int pos = 0;
      for (int counter = 0; pos < len; counter++) {
        sha.reset();
        sha.update(seed);
        sha.update(
            new byte[] {
              (byte) (counter >>> 24),
              (byte) (counter >>> 16),
              (byte) (counter >>> 8),
              (byte) counter
            });
        byte[] d = sha.digest();
        int n = Math.min(d.length, len - pos);
        System.arraycopy(d, 0, out, pos, n);
        pos += n;
      }
      return out;
    }

    @Override
    public String toString() {
      return "rsassa-pss-sha256 " + keyId;
    }
  }

  private static final class JcaVerifier implements Verifier {
    private final String keyId;
    private final SignatureAlgorithm algorithm;
    private final String jcaName;
    private final PublicKey key;

    JcaVerifier(String keyId, SignatureAlgorithm algorithm, String jcaName, PublicKey key) {
      this.keyId = keyId;
      this.algorithm = algorithm;
      this.jcaName = jcaName;
      this.key = key;
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
      try {
        Signature s = Signature.getInstance(jcaName);
        s.initVerify(key);
        s.update(message);
        return s.verify(signature);
      } catch (GeneralSecurityException | RuntimeException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return algorithm + " " + keyId;
    }
  }

  /** A private-key signer; toString shows algorithm and key id only. */
  static final class JcaSigner implements Signer {
    private final String keyId;
    private final SignatureAlgorithm algorithm;
    private final PrivateKey key;
    private final String publicPem;

    JcaSigner(String keyId, SignatureAlgorithm algorithm, PrivateKey key, String publicPem) {
      this.keyId = keyId;
      this.algorithm = algorithm;
      this.key = key;
      this.publicPem = publicPem;
    }

    @Override
    public String keyId() {
      return keyId;
    }

    @Override
    public SignatureAlgorithm algorithm() {
      return algorithm;
    }

    /** The PEM of the public half for RSA keys, empty otherwise. */
    String publicPem() {
      return publicPem;
    }

    @Override
    public byte[] sign(byte[] message) {
      try {
        Signature s;
        switch (algorithm) {
          case RSA_PSS_SHA256:
            s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(
                new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            break;
          case ED25519:
            s = Signature.getInstance("Ed25519");
            break;
          case ECDSA_P256_SHA256:
            s = Signature.getInstance("SHA256withECDSA");
            break;
          default:
            throw new IllegalStateException("unsupported " + algorithm);
        }
        s.initSign(key);
        s.update(message);
        return s.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("signing failed with " + algorithm, e);
      }
    }

    @Override
    public String toString() {
      return algorithm + " " + keyId;
    }
  }

  /** The hex of {@code bytes}. */
  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
