package dev.ssc.attest.keys;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.json.CanonicalJson;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * securesystemslib's key dictionaries, as securesystemslib 0.26 and python in-toto 1.3.1 write them
 * ({@code keys.format_keyval_to_metadata}, {@code interface._generate_and_write_*_keypair}).
 */
final class SslibJson {
  private SslibJson() {}

  /** securesystemslib's {@code settings.HASH_ALGORITHMS}. */
  static final List<String> HASH_ALGORITHMS = List.of("sha256", "sha512");

  static String keytype(SignatureAlgorithm algorithm) {
    switch (algorithm) {
      case ED25519:
        return "ed25519";
      case ECDSA_P256_SHA256:
      case ECDSA_P384_SHA384:
        return "ecdsa";
      default:
        return "rsa";
    }
  }

  static String scheme(SignatureAlgorithm algorithm) {
    switch (algorithm) {
      case ED25519:
        return "ed25519";
      case ECDSA_P256_SHA256:
        return "ecdsa-sha2-nistp256";
      case ECDSA_P384_SHA384:
        return "ecdsa-sha2-nistp384";
      case RSA_PSS_SHA256:
        return "rsassa-pss-sha256";
      case RSA_PKCS1_SHA256:
        return "rsa-pkcs1v15-sha256";
    }
    throw new IllegalArgumentException("unknown algorithm " + algorithm);
  }

  /** The algorithm of a (keytype, scheme) pair, or an error naming the pointer. */
  static SignatureAlgorithm algorithm(String keytype, String scheme, String where)
      throws SscFormatException {
    boolean ecdsaType =
        keytype.equals("ecdsa")
            || keytype.equals("ecdsa-sha2-nistp256")
            || keytype.equals("ecdsa-sha2-nistp384");
    if (keytype.equals("ed25519") && scheme.equals("ed25519")) {
      return SignatureAlgorithm.ED25519;
    }
    if (ecdsaType && scheme.equals("ecdsa-sha2-nistp256")) {
      return SignatureAlgorithm.ECDSA_P256_SHA256;
    }
    if (ecdsaType && scheme.equals("ecdsa-sha2-nistp384")) {
      return SignatureAlgorithm.ECDSA_P384_SHA384;
    }
    if (keytype.equals("rsa") && scheme.equals("rsassa-pss-sha256")) {
      return SignatureAlgorithm.RSA_PSS_SHA256;
    }
    if (keytype.equals("rsa") && scheme.equals("rsa-pkcs1v15-sha256")) {
      return SignatureAlgorithm.RSA_PKCS1_SHA256;
    }
    throw new SscFormatException(
        where
            + ": unsupported keytype/scheme '"
            + keytype
            + "'/'"
            + scheme
            + "', expected ed25519/ed25519, ecdsa/ecdsa-sha2-nistp256 or -nistp384,"
            + " rsa/rsassa-pss-sha256 or rsa/rsa-pkcs1v15-sha256");
  }

  /** The public key dictionary, members in securesystemslib's order. */
  static JsonObject publicDict(
      String keytype, String scheme, String publicValue, boolean withHashAlgorithms) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("keytype", new JsonString(keytype));
    m.put("scheme", new JsonString(scheme));
    if (withHashAlgorithms) {
      m.put("keyid_hash_algorithms", hashAlgorithms());
    }
    m.put("keyval", new JsonObject(Map.of("public", new JsonString(publicValue))));
    return new JsonObject(m);
  }

  static JsonArray hashAlgorithms() {
    return new JsonArray(HASH_ALGORITHMS.stream().<JsonValue>map(JsonString::new).toList());
  }

  /** The securesystemslib key id: hex digest of the canonical JSON of the public dict. */
  static String keyId(
      String keytype,
      String scheme,
      String publicValue,
      boolean withHashAlgorithms,
      String hashAlgorithm) {
    try {
      Bytes canonical =
          CanonicalJson.encode(publicDict(keytype, scheme, publicValue, withHashAlgorithms));
      String jca = hashAlgorithm.equals("sha512") ? "SHA-512" : "SHA-256";
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance(jca).digest(canonical.toByteArray()));
    } catch (SscFormatException | GeneralSecurityException e) {
      throw new IllegalStateException("a key dictionary of strings is canonical JSON", e);
    }
  }
}
