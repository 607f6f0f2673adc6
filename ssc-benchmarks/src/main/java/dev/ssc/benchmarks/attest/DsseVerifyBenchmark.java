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
 * DSSE envelope verification ({@code verifyEnvelope}: parse, PAE, signature, statement) against the
 * raw JCA signature verification of the same PAE bytes with the same key ({@code rawSignature}),
 * measured in the same run: their ratio is what the DSSE layer costs.
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

  /** The key type. */
  @Param({"ED25519", "ECDSA_P256_SHA256"})
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
    jcaName = alg == SignatureAlgorithm.ED25519 ? "Ed25519" : "SHA256withECDSA";
  }

  /** Parses and verifies the whole envelope. */
  @Benchmark
  public boolean verifyEnvelope() {
    return verifier.verify(envelopeJson).verdict() == Verdict.ALLOW;
  }

  /** The baseline: the signature alone, over the same PAE bytes, with the same provider. */
  @Benchmark
  public boolean rawSignature() throws GeneralSecurityException {
    Signature s = Signature.getInstance(jcaName, BC);
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
    return KeyFactory.getInstance(alg == SignatureAlgorithm.ED25519 ? "Ed25519" : "EC", BC)
        .generatePublic(new X509EncodedKeySpec(der));
  }
}
