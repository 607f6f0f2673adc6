package dev.ssc.attest.keys;

import dev.ssc.api.signing.SignatureAlgorithm;
import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.conscrypt.Conscrypt;
import org.jspecify.annotations.Nullable;

/**
 * The JCA providers ssc uses, chosen per algorithm by measurement (SignatureProviderBenchmark,
 * DsseVerifyBenchmark, docs/performance.md):
 *
 * <ul>
 *   <li>verification of Ed25519, ECDSA P-256 and RSA: Conscrypt (BoringSSL), 1.3 to 1.6 times as
 *       fast as the next best here, where its native library loads on this platform;
 *   <li>verification of ECDSA P-384, and everywhere Conscrypt does not load: Bouncy Castle for
 *       Ed25519 and ECDSA (about ten times the JDK's rate), the JDK's SunRsaSign for RSA;
 *   <li>keys, generation and signing: Bouncy Castle and SunRsaSign as above (Conscrypt cannot read
 *       every key encoding those produce, and signing is not on a hot path).
 * </ul>
 *
 * Providers are passed as instances to {@code getInstance(name, provider)} and never registered
 * with {@code Security.addProvider}.
 */
final class Providers {
  private Providers() {}

  /** Lazily created once: building the Bouncy Castle provider takes tens of milliseconds. */
  private static final class Bc {
    static final Provider INSTANCE = new BouncyCastleProvider();
  }

  static Provider bouncyCastle() {
    return Bc.INSTANCE;
  }

  /** Loaded once, on first use: Conscrypt, or null where its native library does not load. */
  private static final class Native {
    static final @Nullable Provider INSTANCE = load();

    private static @Nullable Provider load() {
      try {
        return Conscrypt.isAvailable() ? Conscrypt.newProvider() : null;
      } catch (LinkageError | RuntimeException e) {
        return null;
      }
    }
  }

  /** Conscrypt, where it loads on this platform. */
  static Optional<Provider> conscrypt() {
    return Optional.ofNullable(Native.INSTANCE);
  }

  static Provider sunRsaSign() {
    Provider p = Security.getProvider("SunRsaSign");
    if (p == null) {
      throw new IllegalStateException("the JDK provider SunRsaSign is missing");
    }
    return p;
  }

  /** The provider for keys, generation and signatures of {@code algorithm}. */
  static Provider forAlgorithm(SignatureAlgorithm algorithm) {
    switch (algorithm) {
      case RSA_PSS_SHA256:
      case RSA_PKCS1_SHA256:
        return sunRsaSign();
      default:
        return bouncyCastle();
    }
  }
}
