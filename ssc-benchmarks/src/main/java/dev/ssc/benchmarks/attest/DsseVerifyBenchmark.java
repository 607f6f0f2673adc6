package dev.ssc.benchmarks.attest;

import dev.ssc.api.Bytes;
import dev.ssc.api.Verdict;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseSigner;
import dev.ssc.attest.dsse.DsseVerifier;
import dev.ssc.attest.dsse.Pae;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
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
 * DSSE envelope verification against the raw JCA signature verification of the same PAE bytes with
 * the same key and provider ({@code rawSignature}), measured in the same run: {@code verifyDsse} is
 * the DSSE layer (JSON, base64, PAE, key ring), {@code verifyEnvelope} the whole path to a verified
 * in-toto attestation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DsseVerifyBenchmark {
  static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

  /** The provider ssc verifies Ed25519 and ECDSA with (dev.ssc.attest.keys.Providers). */
  static final Provider BC = new BouncyCastleProvider();

  /** The provider ssc verifies RSA with where Conscrypt does not load (dev.ssc.attest.keys). */
  static final Provider SUN_RSA = java.security.Security.getProvider("SunRsaSign");

  /**
   * The provider ssc verifies Ed25519, ECDSA P-256 and RSA with where it loads, as
   * dev.ssc.attest.keys.Providers chooses; null where it does not.
   */
  static final @org.jspecify.annotations.Nullable Provider CONSCRYPT =
      org.conscrypt.Conscrypt.isAvailable() ? org.conscrypt.Conscrypt.newProvider() : null;

  /** The key type; RSA keys are 3072 bits, as Keys.generate makes them. */
  @Param({"ED25519", "ECDSA_P256_SHA256", "ECDSA_P384_SHA384", "RSA_PSS_SHA256"})
  public String algorithm = "ED25519";

  // Set in setUp(), before any benchmark method runs.
  @SuppressWarnings("NullAway.Init")
  Bytes envelopeJson;

  @SuppressWarnings("NullAway.Init")
  DsseVerifier verifier;

  @SuppressWarnings("NullAway.Init")
  byte[] pae;

  @SuppressWarnings("NullAway.Init")
  byte[] signature;

  @SuppressWarnings("NullAway.Init")
  PublicKey publicKey;

  @SuppressWarnings("NullAway.Init")
  String jcaName;

  @SuppressWarnings("NullAway.Init")
  Provider provider;

  /** Signs one statement-sized envelope with a fresh key. */
  @Setup
  public void setUp() throws Exception {
    SignatureAlgorithm alg = SignatureAlgorithm.valueOf(algorithm);
    SigningKey key = Keys.generate(alg);
    Bytes payload = Bytes.utf8(statementJson());
    Envelope envelope = DsseSigner.sign(PAYLOAD_TYPE, payload, List.of(key));
    envelopeJson = DsseCodec.encode(envelope);
    verifier = DsseVerifier.builder(KeyRing.of(key.verifier())).build();
    pae = Pae.encode(PAYLOAD_TYPE, payload.toByteArray());
    signature = envelope.signatures().get(0).sig().toByteArray();
    publicKey = publicKey(key.verifier().spkiPem(), alg);
    // The same engine ssc verifies with (dev.ssc.attest.keys.Algorithms.verifier).
    Provider nativeOrBc = CONSCRYPT != null ? CONSCRYPT : BC;
    switch (alg) {
      case ED25519 -> {
        jcaName = "Ed25519";
        provider = nativeOrBc;
      }
      case ECDSA_P256_SHA256 -> {
        jcaName = "SHA256withECDSA";
        provider = nativeOrBc;
      }
      case ECDSA_P384_SHA384 -> {
        jcaName = "SHA384withECDSA";
        provider = BC;
      }
      default -> {
        jcaName = CONSCRYPT != null ? "SHA256withRSA/PSS" : "RSASSA-PSS";
        provider = CONSCRYPT != null ? CONSCRYPT : SUN_RSA;
      }
    }
    if (CONSCRYPT != null && provider.equals(CONSCRYPT)) {
      // As ssc does (Algorithms.verifyingKey): the key imported once into the verifying provider.
      String type =
          alg == SignatureAlgorithm.ED25519 ? "Ed25519" : jcaName.contains("RSA") ? "RSA" : "EC";
      publicKey =
          KeyFactory.getInstance(type, CONSCRYPT)
              .generatePublic(new X509EncodedKeySpec(publicKey.getEncoded()));
    }
  }

  /**
   * The DSSE layer as issue 4 defines it (JSON, base64, PAE) over the signature: decode the
   * envelope and check its signatures against the key ring.
   */
  @Benchmark
  public boolean verifyDsse() throws dev.ssc.api.SscFormatException {
    return verifier.verifySignatures(DsseCodec.decode(envelopeJson, "bench")).thresholdMet();
  }

  /**
   * The whole attestation path: the DSSE layer, then the in-toto Statement decoded from the
   * payload, the evidence id (sha256 of the envelope) and the verified attestation value.
   */
  @Benchmark
  public boolean verifyEnvelope() {
    return verifier.verify(envelopeJson).verdict() == Verdict.ALLOW;
  }

  /**
   * The baseline: the signature alone, over the same PAE bytes, with the same provider and a key
   * object of that provider's own (as ssc verifies), and a fresh engine per operation.
   */
  @Benchmark
  public boolean rawSignature() throws GeneralSecurityException {
    Signature s = Signature.getInstance(jcaName, provider);
    if (jcaName.contains("PSS")) {
      try {
        s.setParameter(
            new java.security.spec.PSSParameterSpec(
                "SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
      } catch (java.security.InvalidAlgorithmParameterException e) {
        throw new IllegalStateException(e);
      }
    }
    s.initVerify(publicKey);
    s.update(pae);
    return s.verify(signature);
  }

  static String statementJson() {
    return "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"app.jar\","
        + "\"digest\":{\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}}],"
        + "\"predicateType\":\"https://slsa.dev/provenance/v1\",\"predicate\":{\"buildDefinition\":"
        + "{\"buildType\":\"https://acme.dev/build/maven@v1\",\"externalParameters\":{\"repository\":"
        + "\"git+https://git.acme.dev/web\",\"ref\":\"refs/heads/main\"}},\"runDetails\":{\"builder\":"
        + "{\"id\":\"https://ci.acme.dev/runners/linux\"}}}}";
  }

  static PublicKey publicKey(String pem, SignatureAlgorithm alg) throws GeneralSecurityException {
    String body =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
    String type =
        switch (alg) {
          case ED25519 -> "Ed25519";
          case ECDSA_P256_SHA256, ECDSA_P384_SHA384 -> "EC";
          default -> "RSA";
        };
    return KeyFactory.getInstance(type, type.equals("RSA") ? SUN_RSA : BC)
        .generatePublic(new X509EncodedKeySpec(der));
  }
}
