package dev.ssc.attest.keys;

import dev.ssc.api.signing.SignatureAlgorithm;
import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA providers ssc uses, chosen per algorithm by measurement (SignatureProviderBenchmark,
 * BUILD-NOTES.md): Bouncy Castle for Ed25519 and ECDSA, whose verification is about ten times
 * faster here than the JDK's; the JDK's SunRsaSign for RSA. Providers are passed as instances to
 * {@code getInstance(name, provider)} and never registered with {@code Security.addProvider}.
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
