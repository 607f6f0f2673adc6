package dev.ssc.benchmarks.attest;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signature verification per key type with the JDK's provider against Bouncy Castle's, in the same
 * run: the measurement behind dev.ssc.attest.keys.Providers (BC for Ed25519 and ECDSA, the JDK's
 * SunRsaSign for RSA). Each provider verifies a signature it made, with a key it generated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SignatureProviderBenchmark {
  /** The key type. */
  @Param({"ED25519", "ECDSA_P256", "ECDSA_P384", "RSA3072_PSS", "RSA3072_PKCS1"})
  public String keyType = "ED25519";

  /**
   * The verifying provider: the JDK's own (SunEC, SunRsaSign), Bouncy Castle, or Conscrypt
   * (BoringSSL; keys made and signed by Bouncy Castle or SunRsaSign, as ssc does).
   */
  @Param({"JDK", "BC", "CONSCRYPT"})
  public String provider = "JDK";

  private static final byte[] MESSAGE = new byte[256];

  // Set in setUp(), before any benchmark method runs.
  @SuppressWarnings("NullAway.Init")
  Signature verifier;

  @SuppressWarnings("NullAway.Init")
  byte[] signature;

  /** Generates a key and signs the message with the provider under test. */
  @Setup
  public void setUp() throws Exception {
    boolean rsa = keyType.startsWith("RSA");
    boolean conscrypt = provider.equals("CONSCRYPT");
    Provider p =
        provider.equals("BC") || (conscrypt && !rsa)
            ? new BouncyCastleProvider()
            : Security.getProvider(rsa ? "SunRsaSign" : "SunEC");
    Provider verifying = conscrypt ? org.conscrypt.Conscrypt.newProvider() : p;
    KeyPairGenerator g;
    String name;
    switch (keyType) {
      case "ED25519":
        g = KeyPairGenerator.getInstance("Ed25519", p);
        name = "Ed25519";
        break;
      case "ECDSA_P256":
      case "ECDSA_P384":
        g = KeyPairGenerator.getInstance("EC", p);
        boolean p256 = keyType.equals("ECDSA_P256");
        g.initialize(new ECGenParameterSpec(p256 ? "secp256r1" : "secp384r1"));
        name = p256 ? "SHA256withECDSA" : "SHA384withECDSA";
        break;
      default:
        g = KeyPairGenerator.getInstance("RSA", p);
        g.initialize(new RSAKeyGenParameterSpec(3072, RSAKeyGenParameterSpec.F4));
        name = keyType.endsWith("PSS") ? "RSASSA-PSS" : "SHA256withRSA";
    }
    KeyPair pair = g.generateKeyPair();
    Signature signer = Signature.getInstance(name, p);
    verifier =
        Signature.getInstance(
            conscrypt && name.equals("RSASSA-PSS") ? "SHA256withRSA/PSS" : name, verifying);
    if (name.equals("RSASSA-PSS")) {
      PSSParameterSpec pss =
          new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
      signer.setParameter(pss);
      verifier.setParameter(pss);
    }
    signer.initSign(pair.getPrivate());
    signer.update(MESSAGE);
    signature = signer.sign();
    verifier.initVerify(pair.getPublic());
  }

  /** One verification (a verify re-arms the engine for the same key). */
  @Benchmark
  public boolean verify() throws Exception {
    verifier.update(MESSAGE);
    return verifier.verify(signature);
  }
}
