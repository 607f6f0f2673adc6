package dev.ssc.attest.dsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.Finding;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.AttestationVerification;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DsseVerifierTest {
  private static final SigningKey ED = Keys.generate(SignatureAlgorithm.ED25519);
  private static final SigningKey EC = Keys.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
  private static final SigningKey OTHER = Keys.generate(SignatureAlgorithm.ED25519);
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Statement STATEMENT =
      Statement.builder()
          .addSubjects(
              ResourceDescriptor.of(
                  "app.jar",
                  DigestSet.sha256(
                      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")))
          .predicateType("https://slsa.dev/provenance/v1")
          .build();

  private static DsseVerifier verifier(int threshold, SigningKey... trusted) {
    List<dev.ssc.api.signing.Verifier> vs = new java.util.ArrayList<>();
    for (SigningKey k : trusted) {
      vs.add(k.verifier());
    }
    return DsseVerifier.builder(KeyRing.of(vs))
        .threshold(threshold)
        .clock(InstantSource.fixed(NOW))
        .build();
  }

  @Test
  void verifiesAStatementSignedByATrustedKey() throws Exception {
    Bytes envelope = DsseCodec.encode(DsseSigner.sign(STATEMENT, ED));
    AttestationVerification result = verifier(1, ED).verify(envelope);
    assertEquals(Verdict.ALLOW, result.verdict());
    var attestation = result.attestation().orElseThrow();
    assertEquals(STATEMENT, attestation.statement());
    assertEquals(List.of(ED.keyId()), List.copyOf(attestation.signerKeyIds()));
    assertEquals(Digests.sha256(envelope), attestation.evidenceId());
    assertEquals(NOW, attestation.verifiedAt());
  }

  @Test
  void rejectsEnvelopeSignedByUnknownKey() throws Exception {
    Bytes envelope = DsseCodec.encode(DsseSigner.sign(STATEMENT, OTHER));
    AttestationVerification result = verifier(1, ED).verify(envelope);
    assertEquals(Verdict.DENY, result.verdict());
    assertTrue(codes(result).contains("dsse.signature.untrusted"));
    assertTrue(codes(result).contains("dsse.threshold.unmet"));
  }

  @Test
  void keyIdHintNeverGrantsTrust() throws Exception {
    // An untrusted key's signature claiming the trusted key's id does not count.
    Envelope forged = DsseSigner.sign(STATEMENT, OTHER);
    Envelope relabeled =
        Envelope.builder()
            .payloadType(forged.payloadType())
            .payload(forged.payload())
            .addSignatures(Envelope.Signature.of(ED.keyId(), forged.signatures().get(0).sig()))
            .build();
    assertEquals(Verdict.DENY, verifier(1, ED).verify(DsseCodec.encode(relabeled)).verdict());
  }

  @Test
  void wrongKeyIdHintDoesNotHideATrustedSignature() throws Exception {
    Envelope signed = DsseSigner.sign(STATEMENT, ED);
    Envelope relabeled =
        Envelope.builder()
            .payloadType(signed.payloadType())
            .payload(signed.payload())
            .addSignatures(Envelope.Signature.of("not-a-key", signed.signatures().get(0).sig()))
            .build();
    assertEquals(Verdict.ALLOW, verifier(1, ED).verify(DsseCodec.encode(relabeled)).verdict());
  }

  @Test
  void thresholdCountsDistinctKeysOnly() throws Exception {
    Envelope once = DsseSigner.sign(STATEMENT, ED);
    Envelope twiceBySameKey =
        Envelope.builder()
            .payloadType(once.payloadType())
            .payload(once.payload())
            .addSignatures(once.signatures().get(0))
            .addSignatures(once.signatures().get(0))
            .build();
    AttestationVerification result = verifier(2, ED, EC).verify(DsseCodec.encode(twiceBySameKey));
    assertEquals(Verdict.DENY, result.verdict());
    assertTrue(codes(result).contains("dsse.signature.duplicate-key"));

    Envelope byBoth =
        DsseSigner.sign(Envelope.IN_TOTO_PAYLOAD_TYPE, once.payload(), List.of(ED, EC));
    assertEquals(Verdict.ALLOW, verifier(2, ED, EC).verify(DsseCodec.encode(byBoth)).verdict());
  }

  @Test
  void rejectsMalformedEnvelopeWithAFindingNotAnException() {
    AttestationVerification result = verifier(1, ED).verify(Bytes.utf8("{\"payload\": 1"));
    assertEquals(Verdict.DENY, result.verdict());
    assertEquals(List.of("dsse.malformed"), codes(result));
  }

  @Test
  void rejectsAPayloadThatIsNotAStatement() throws Exception {
    Envelope env =
        DsseSigner.sign(
            Envelope.IN_TOTO_PAYLOAD_TYPE, Bytes.utf8("{\"_type\":\"x\"}"), List.of(ED));
    AttestationVerification result = verifier(1, ED).verify(DsseCodec.encode(env));
    assertEquals(Verdict.DENY, result.verdict());
    assertTrue(codes(result).contains("intoto.statement.malformed"));
  }

  @Test
  void acceptsUrlSafeBase64() throws Exception {
    Envelope env = DsseSigner.sign(STATEMENT, EC);
    String json = DsseCodec.encode(env).toUtf8String();
    String urlSafe = json.replace('+', '-').replace('/', '_').replace("=", "");
    // The payload type contains '/', so restore that member after the blanket replacement.
    urlSafe = urlSafe.replace("application_vnd.in-toto-json", "application/vnd.in-toto+json");
    assertEquals(Verdict.ALLOW, verifier(1, EC).verify(Bytes.utf8(urlSafe)).verdict());
  }

  @Property(tries = 100)
  void signVerifyRoundTripsForAnyPayloadAndType(
      @ForAll("payloads") byte[] payload, @ForAll("types") String type) throws Exception {
    Envelope env = DsseSigner.sign(type, Bytes.of(payload), List.of(ED, EC));
    Envelope decoded = DsseCodec.decode(DsseCodec.encode(env), "test");
    assertEquals(env, decoded);
    assertTrue(verifier(2, ED, EC).verifySignatures(decoded).thresholdMet());
  }

  @Property(tries = 100)
  void anyBitFlipInPayloadOrSignatureFails(
      @ForAll("payloads") byte[] payload, @ForAll int position, @ForAll boolean inSignature)
      throws Exception {
    Envelope env = DsseSigner.sign("text/plain", Bytes.of(payload), List.of(ED));
    byte[] target =
        inSignature || payload.length == 0
            ? env.signatures().get(0).sig().toByteArray()
            : payload.clone();
    int bit = Math.floorMod(position, target.length * 8);
    target[bit / 8] ^= (byte) (1 << (bit % 8));
    Envelope tampered =
        inSignature || payload.length == 0
            ? Envelope.builder()
                .payloadType(env.payloadType())
                .payload(env.payload())
                .addSignatures(Envelope.Signature.of(Bytes.of(target)))
                .build()
            : Envelope.builder()
                .payloadType(env.payloadType())
                .payload(Bytes.of(target))
                .addAllSignatures(env.signatures())
                .build();
    assertFalse(verifier(1, ED).verifySignatures(tampered).thresholdMet());
  }

  @Provide
  Arbitrary<byte[]> payloads() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
  }

  @Provide
  Arbitrary<String> types() {
    return Arbitraries.strings().ofMaxLength(40);
  }

  private static List<String> codes(AttestationVerification result) {
    return result.findings().stream()
        .map(Finding::code)
        .collect(java.util.stream.Collectors.toList());
  }
}
