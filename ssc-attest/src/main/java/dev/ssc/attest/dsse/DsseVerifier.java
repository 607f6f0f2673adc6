package dev.ssc.attest.dsse;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.Finding;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.attestation.AttestationVerification;
import dev.ssc.api.attestation.AttestationVerifier;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.internal.VerifierOnly;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.Verifier;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.intoto.StatementCodec;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Verifies DSSE envelopes of in-toto statements against a {@link KeyRing}, requiring signatures by
 * at least {@code threshold} distinct trusted keys.
 *
 * <p>Each signature is tried against the key its {@code keyid} hints at first, then against every
 * other key: the hint never grants or withholds trust. Two signatures by one key count once; a
 * signature no trusted key verifies never counts. Every signature that does not count is reported
 * as a finding. The payload must be an in-toto statement of payload type {@value
 * Envelope#IN_TOTO_PAYLOAD_TYPE}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * AttestationVerifier verifier = DsseVerifier.builder(KeyRing.of(ciKey)).threshold(1).build();
 * AttestationVerification result = verifier.verify(envelopeBytes);
 * }</pre>
 */
public final class DsseVerifier implements AttestationVerifier {
  private final KeyRing keys;
  private final int threshold;
  private final InstantSource clock;

  private DsseVerifier(Builder b) {
    this.keys = b.keys;
    this.threshold = b.threshold;
    this.clock = b.clock;
  }

  /** A builder trusting the keys of {@code keys}. */
  public static Builder builder(KeyRing keys) {
    return new Builder(requireNonNull(keys, "keys"));
  }

  @Override
  public AttestationVerification verify(Bytes envelopeBytes) {
    requireNonNull(envelopeBytes, "envelopeBytes");
    Digest evidenceId = Digests.sha256(envelopeBytes);
    String source = "envelope " + evidenceId;
    Envelope envelope;
    try {
      envelope = DsseCodec.decode(envelopeBytes, source);
    } catch (SscFormatException e) {
      return fail(evidenceId, Finding.of("dsse.malformed", String.valueOf(e.getMessage())));
    }
    return verify(envelope, evidenceId);
  }

  /**
   * Checks only the signatures of {@code envelope}, whatever its payload: which trusted keys
   * signed, and whether they meet the threshold.
   */
  public SignatureCheck verifySignatures(Envelope envelope) {
    return verifySignatures(envelope, null);
  }

  private SignatureCheck verifySignatures(Envelope envelope, @Nullable Digest evidenceId) {
    requireNonNull(envelope, "envelope");
    List<Finding> findings = new ArrayList<>();
    byte[] pae = Pae.encode(envelope.payloadType(), envelope.payload().toByteArray());
    Set<String> verifiedKeys = new LinkedHashSet<>();
    List<Envelope.Signature> signatures = envelope.signatures();
    for (int i = 0; i < signatures.size(); i++) {
      Envelope.Signature s = signatures.get(i);
      byte[] sig = s.sig().toByteArray();
      Verifier match = null;
      for (Verifier candidate : keys.candidates(s.keyId().orElse(null))) {
        if (candidate.verify(pae, sig)) {
          match = candidate;
          break;
        }
      }
      String where = "/signatures/" + i;
      if (match == null) {
        findings.add(
            finding(
                "dsse.signature.untrusted",
                "no trusted key verifies this signature"
                    + s.keyId().map(k -> " (keyid hint '" + k + "')").orElse(""),
                where,
                evidenceId,
                Finding.Level.WARNING));
      } else if (!verifiedKeys.add(match.keyId())) {
        findings.add(
            finding(
                "dsse.signature.duplicate-key",
                "key " + match.keyId() + " already signed; it counts once",
                where,
                evidenceId,
                Finding.Level.WARNING));
      }
    }
    boolean met = verifiedKeys.size() >= threshold;
    if (!met) {
      findings.add(
          finding(
              "dsse.threshold.unmet",
              "need signatures by "
                  + threshold
                  + " distinct trusted key(s), found "
                  + verifiedKeys.size()
                  + " among "
                  + signatures.size()
                  + " signature(s)",
              "/signatures",
              evidenceId,
              Finding.Level.FAILURE));
    }
    return new SignatureCheck(met, verifiedKeys, findings);
  }

  /**
   * Verifies an already decoded envelope, identified as evidence by {@code evidenceId} (the sha256
   * of the bytes it was decoded from).
   */
  @VerifierOnly
  public AttestationVerification verify(Envelope envelope, Digest evidenceId) {
    requireNonNull(evidenceId, "evidenceId");
    SignatureCheck check = verifySignatures(envelope, evidenceId);
    List<Finding> findings = new ArrayList<>(check.findings());
    if (!check.thresholdMet()) {
      return AttestationVerification.failed(findings);
    }
    Set<String> verifiedKeys = check.signerKeyIds();
    if (!envelope.payloadType().equals(Envelope.IN_TOTO_PAYLOAD_TYPE)) {
      findings.add(
          finding(
              "dsse.payload-type.unexpected",
              "expected payload type '"
                  + Envelope.IN_TOTO_PAYLOAD_TYPE
                  + "', got '"
                  + envelope.payloadType()
                  + "'",
              "/payloadType",
              evidenceId,
              Finding.Level.FAILURE));
      return AttestationVerification.failed(findings);
    }
    Statement statement;
    try {
      statement = StatementCodec.decode(envelope.payload(), "payload of envelope " + evidenceId);
    } catch (SscFormatException e) {
      findings.add(
          finding(
              "intoto.statement.malformed",
              String.valueOf(e.getMessage()),
              "/payload",
              evidenceId,
              Finding.Level.FAILURE));
      return AttestationVerification.failed(findings);
    }
    VerifiedAttestation attestation =
        VerifiedAttestation.builder()
            .statement(statement)
            .evidenceId(evidenceId)
            .addAllSignerKeyIds(verifiedKeys)
            .verifiedAt(clock.instant())
            .build();
    return AttestationVerification.verified(attestation, findings);
  }

  private static AttestationVerification fail(Digest evidenceId, Finding finding) {
    return AttestationVerification.failed(
        List.of(
            Finding.builder()
                .code(finding.code())
                .message(finding.message())
                .evidence(evidenceId)
                .build()));
  }

  private static Finding finding(
      String code,
      String message,
      String location,
      @Nullable Digest evidence,
      Finding.Level level) {
    Finding.Builder b =
        Finding.builder().code(code).message(message).location(location).level(level);
    if (evidence != null) {
      b.evidence(evidence);
    }
    return b.build();
  }

  /**
   * The outcome of checking an envelope's signatures: which distinct trusted keys signed, whether
   * they meet the threshold, and a finding for every signature that did not count.
   *
   * <p>Immutable and thread-safe.
   */
  public static final class SignatureCheck {
    private final boolean thresholdMet;
    private final Set<String> signerKeyIds;
    private final List<Finding> findings;

    SignatureCheck(boolean thresholdMet, Set<String> signerKeyIds, List<Finding> findings) {
      this.thresholdMet = thresholdMet;
      this.signerKeyIds = Collections.unmodifiableSet(new LinkedHashSet<>(signerKeyIds));
      this.findings = List.copyOf(findings);
    }

    /** {@link Verdict#ALLOW} when the threshold of distinct trusted keys is met. */
    public Verdict verdict() {
      return thresholdMet ? Verdict.ALLOW : Verdict.DENY;
    }

    /** Whether the threshold of distinct trusted keys is met. */
    public boolean thresholdMet() {
      return thresholdMet;
    }

    /** The ids of the distinct trusted keys whose signatures verified. */
    public Set<String> signerKeyIds() {
      return signerKeyIds;
    }

    /** A finding per signature that did not count, and the threshold failure if any. */
    public List<Finding> findings() {
      return findings;
    }
  }

  /** Builds a {@link DsseVerifier}. Not thread-safe. */
  public static final class Builder {
    private final KeyRing keys;
    private int threshold = 1;
    private InstantSource clock = InstantSource.system();

    Builder(KeyRing keys) {
      this.keys = keys;
    }

    /**
     * Requires signatures by {@code threshold} distinct trusted keys; 1 unless set.
     *
     * @throws IllegalArgumentException unless {@code 1 <= threshold <= ring size}
     */
    @CanIgnoreReturnValue
    public Builder threshold(int threshold) {
      if (threshold < 1 || threshold > keys.size()) {
        throw new IllegalArgumentException(
            "threshold must be between 1 and the "
                + keys.size()
                + " keys of the ring, got "
                + threshold);
      }
      this.threshold = threshold;
      return this;
    }

    /** The clock that stamps verification times; the system clock unless set. */
    @CanIgnoreReturnValue
    public Builder clock(InstantSource clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the verifier. */
    public DsseVerifier build() {
      return new DsseVerifier(this);
    }
  }
}
