package dev.ssc.attest.dsse;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.signing.Signer;
import dev.ssc.attest.intoto.StatementCodec;
import java.io.IOException;
import java.util.List;

/**
 * Signs payloads into DSSE envelopes, one signature per signer, each with its key id as the hint.
 *
 * <p>Thread-safe.
 */
public final class DsseSigner {
  private DsseSigner() {}

  /**
   * Signs {@code payload} of {@code payloadType} with every signer.
   *
   * @throws IOException if a remote signer cannot be reached
   * @throws IllegalArgumentException if {@code signers} is empty
   */
  public static Envelope sign(String payloadType, Bytes payload, List<? extends Signer> signers)
      throws IOException {
    requireNonNull(payloadType, "payloadType");
    requireNonNull(payload, "payload");
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("at least one signer is required");
    }
    byte[] pae = Pae.encode(payloadType, payload.toByteArray());
    Envelope.Builder b = Envelope.builder().payloadType(payloadType).payload(payload);
    for (Signer signer : signers) {
      b.addSignatures(Envelope.Signature.of(signer.keyId(), Bytes.of(signer.sign(pae))));
    }
    return b.build();
  }

  /**
   * Signs an in-toto statement.
   *
   * @throws IOException if a remote signer cannot be reached
   */
  public static Envelope sign(Statement statement, Signer... signers) throws IOException {
    return sign(Envelope.IN_TOTO_PAYLOAD_TYPE, StatementCodec.encode(statement), List.of(signers));
  }
}
