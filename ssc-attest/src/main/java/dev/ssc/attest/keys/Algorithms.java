package dev.ssc.attest.keys;

import dev.ssc.api.signing.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

/**
 * JCA signature engines per {@link SignatureAlgorithm}, on the provider {@link Providers} picks.
 */
final class Algorithms {
  private Algorithms() {}

  /** PSS as ssc and securesystemslib sign it: SHA-256, MGF1-SHA-256, 32-byte salt. */
  static final PSSParameterSpec PSS_SHA256 =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

  static boolean isRsa(SignatureAlgorithm algorithm) {
    return algorithm == SignatureAlgorithm.RSA_PSS_SHA256
        || algorithm == SignatureAlgorithm.RSA_PKCS1_SHA256;
  }

  static boolean isEcdsa(SignatureAlgorithm algorithm) {
    return algorithm == SignatureAlgorithm.ECDSA_P256_SHA256
        || algorithm == SignatureAlgorithm.ECDSA_P384_SHA384;
  }

  /** A new engine that signs and verifies {@code algorithm} (DER for ECDSA). */
  static Signature signature(SignatureAlgorithm algorithm) throws GeneralSecurityException {
    switch (algorithm) {
      case ED25519:
        return Signature.getInstance("Ed25519", Providers.bouncyCastle());
      case ECDSA_P256_SHA256:
        return Signature.getInstance("SHA256withECDSA", Providers.bouncyCastle());
      case ECDSA_P384_SHA384:
        return Signature.getInstance("SHA384withECDSA", Providers.bouncyCastle());
      case RSA_PSS_SHA256:
        Signature pss = Signature.getInstance("RSASSA-PSS", Providers.sunRsaSign());
        pss.setParameter(PSS_SHA256);
        return pss;
      case RSA_PKCS1_SHA256:
        return Signature.getInstance("SHA256withRSA", Providers.sunRsaSign());
    }
    throw new IllegalArgumentException("unknown algorithm " + algorithm);
  }

  /**
   * A new engine that verifies {@code algorithm} (DER for ECDSA): Conscrypt's where it has the
   * algorithm and loads, else {@link #signature}'s. See {@link Providers}.
   */
  static Signature verifier(SignatureAlgorithm algorithm) throws GeneralSecurityException {
    Optional<Provider> conscrypt = Providers.conscrypt();
    if (conscrypt.isPresent()) {
      switch (algorithm) {
        case ED25519:
          return Signature.getInstance("Ed25519", conscrypt.get());
        case ECDSA_P256_SHA256:
          return Signature.getInstance("SHA256withECDSA", conscrypt.get());
        case RSA_PSS_SHA256:
          Signature pss = Signature.getInstance("SHA256withRSA/PSS", conscrypt.get());
          pss.setParameter(PSS_SHA256);
          return pss;
        case RSA_PKCS1_SHA256:
          return Signature.getInstance("SHA256withRSA", conscrypt.get());
        case ECDSA_P384_SHA384:
          break; // Bouncy Castle verifies P-384 faster here.
      }
    }
    return signature(algorithm);
  }

  /**
   * {@code key} as an object of the provider {@link #verifier} uses, so that provider does not
   * import a foreign key on every verification (Conscrypt re-parses one each time); {@code key}
   * itself where the provider is the key's own or the import fails.
   */
  static PublicKey verifyingKey(SignatureAlgorithm algorithm, PublicKey key) {
    Optional<Provider> conscrypt = Providers.conscrypt();
    if (conscrypt.isEmpty() || algorithm == SignatureAlgorithm.ECDSA_P384_SHA384) {
      return key;
    }
    String type =
        algorithm == SignatureAlgorithm.ED25519 ? "Ed25519" : isRsa(algorithm) ? "RSA" : "EC";
    try {
      return KeyFactory.getInstance(type, conscrypt.get())
          .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException | RuntimeException e) {
      return key;
    }
  }

  /** A new ECDSA engine for IEEE P1363 ({@code r||s}) signatures. */
  static Signature p1363(SignatureAlgorithm algorithm) throws GeneralSecurityException {
    String name =
        algorithm == SignatureAlgorithm.ECDSA_P256_SHA256
            ? "SHA256withPLAIN-ECDSA"
            : "SHA384withPLAIN-ECDSA";
    return Signature.getInstance(name, Providers.bouncyCastle());
  }

  /** The byte length of one P1363 signature of {@code algorithm}, or 0 if not ECDSA. */
  static int p1363Length(SignatureAlgorithm algorithm) {
    switch (algorithm) {
      case ECDSA_P256_SHA256:
        return 64;
      case ECDSA_P384_SHA384:
        return 96;
      default:
        return 0;
    }
  }
}
