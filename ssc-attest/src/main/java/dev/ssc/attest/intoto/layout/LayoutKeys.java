package dev.ssc.attest.intoto.layout;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.api.signing.Signer;
import dev.ssc.attest.json.CanonicalJson;
import dev.ssc.attest.json.Fields;
import dev.ssc.attest.json.Json;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import dev.ssc.attest.keys.VerificationKey;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of in-toto layouts and links, as {@link Keys} values: public keys from layout key dicts
 * and key files, private keys for signing links, and the securesystemslib key ids in-toto names
 * keys and link files by. Every parse, signature and verification is the keys package's (its
 * providers, its formats); what this class adds is which key id a layout or link uses.
 *
 * <p>A key id names a key, it never authenticates one: signatures are checked with the key itself.
 * A layout's key may be named by the id of its dict as written or by any of the ids
 * securesystemslib and python in-toto compute for the same key ({@link
 * VerificationKey#keyIdHints()}: with or without the PEM's final newline, among others).
 */
final class LayoutKeys {
  private LayoutKeys() {}

  /** A public key with the key id of its dict as written. */
  record PublicKeyInfo(String keyId, JsonObject dict, VerificationKey verifier) {}

  /** Parses a layout key dict (keytype, scheme, keyval.public) found at {@code f}. */
  static PublicKeyInfo fromDict(Fields f) throws SscFormatException {
    VerificationKey verifier = Keys.readPublicKeySslib(f.object(), f.source(), f.pointer());
    JsonObject dict = publicDict(f);
    return new PublicKeyInfo(keyId(dict), dict, verifier);
  }

  /** Whether {@code keyId} names {@code key} in any of the conventions in use. */
  static boolean namedBy(PublicKeyInfo key, String keyId) {
    return key.keyId().equals(keyId) || key.verifier().keyIdHints().contains(keyId);
  }

  /** Reads a public key file: SPKI PEM, or a securesystemslib JSON public key. */
  static PublicKeyInfo readPublicKey(Bytes file, String source) throws SscFormatException {
    if (isJson(file)) {
      return fromDict(Fields.of(Json.parseObject(file, source), source, ""));
    }
    VerificationKey key = Keys.readPublicKeyPem(file.toUtf8String(), source);
    return new PublicKeyInfo(key.sslibKeyId(), key.sslibDict(), key);
  }

  /**
   * Reads a private key file for signing links: PEM (PKCS#8, PKCS#1 RSA, SEC1 EC) or a
   * securesystemslib JSON private key. The signer's key id is the securesystemslib id in-toto names
   * the link by: that of the JSON file's public half as written, or for PEM the id python in-toto
   * computes for the key.
   */
  static Signer readPrivateKey(Bytes file, String source) throws SscFormatException {
    String text = file.toUtf8String();
    if (isJson(file)) {
      SigningKey key = Keys.readPrivateKeySslibJson(text, source);
      String keyId = keyId(publicDict(Fields.of(Json.parseObject(file, source), source, "")));
      return new InTotoSigner(keyId, key);
    }
    SigningKey key = Keys.readPrivateKeyPem(text, source);
    return new InTotoSigner(key.verifier().sslibKeyId(), key);
  }

  /** The securesystemslib key id: hex sha256 of the canonical JSON of the public key dict. */
  static String keyId(JsonObject publicDict) {
    try {
      byte[] canonical = CanonicalJson.encode(publicDict).toByteArray();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException | SscFormatException e) {
      throw new IllegalStateException("cannot compute a key id of strings", e);
    }
  }

  /** The hex of {@code bytes}. */
  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** The public part of a key dict, as securesystemslib hashes it for the key id. */
  private static JsonObject publicDict(Fields f) throws SscFormatException {
    Map<String, JsonValue> dict = new LinkedHashMap<>();
    f.object().get("keyid_hash_algorithms").ifPresent(v -> dict.put("keyid_hash_algorithms", v));
    dict.put("keytype", new JsonString(f.requiredString("keytype")));
    String pub = f.nested("keyval", f.requiredObject("keyval")).requiredString("public");
    dict.put("keyval", new JsonObject(Map.of("public", new JsonString(pub))));
    dict.put("scheme", new JsonString(f.requiredString("scheme")));
    return new JsonObject(dict);
  }

  private static boolean isJson(Bytes file) {
    return file.toUtf8String().stripLeading().startsWith("{");
  }

  /** A signing key under the key id in-toto names it by. */
  private static final class InTotoSigner implements Signer {
    private final String keyId;
    private final SigningKey key;

    InTotoSigner(String keyId, SigningKey key) {
      this.keyId = keyId;
      this.key = key;
    }

    @Override
    public String keyId() {
      return keyId;
    }

    @Override
    public SignatureAlgorithm algorithm() {
      return key.algorithm();
    }

    @Override
    public byte[] sign(byte[] message) throws IOException {
      return key.sign(message);
    }

    @Override
    public String toString() {
      return key.algorithm() + " " + keyId;
    }
  }
}
