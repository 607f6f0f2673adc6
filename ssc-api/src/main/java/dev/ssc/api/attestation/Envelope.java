package dev.ssc.api.attestation;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.internal.SscStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A DSSE envelope: a payload, its type, and signatures over the pre-authentication encoding of
 * both.
 *
 * <p>The payload is kept as the exact bytes that were signed; it is never decoded and re-encoded.
 * An envelope proves nothing by itself: an {@link AttestationVerifier} checks its signatures
 * against trusted keys.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class Envelope {
  /** The payload type of an in-toto statement. */
  public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

  Envelope() {}

  /** The payload type, which the signature covers. */
  public abstract String payloadType();

  /** The exact signed payload bytes. */
  public abstract Bytes payload();

  /** The signatures, in envelope order; may be empty for an envelope still being signed. */
  public abstract List<Signature> signatures();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableEnvelope.builder();
  }

  /** Builds an {@link Envelope}; payload type and payload are required. */
  public interface Builder {
    /** Sets the payload type. */
    @CanIgnoreReturnValue
    Builder payloadType(String payloadType);

    /** Sets the payload. */
    @CanIgnoreReturnValue
    Builder payload(Bytes payload);

    /** Adds a signature. */
    @CanIgnoreReturnValue
    Builder addSignatures(Signature signature);

    /** Adds signatures. */
    @CanIgnoreReturnValue
    Builder addAllSignatures(Iterable<? extends Signature> signatures);

    /**
     * Builds the envelope.
     *
     * @throws IllegalStateException if payload type or payload is missing
     */
    Envelope build();
  }

  /**
   * One DSSE signature.
   *
   * <p>The {@link #keyId()} is an unauthenticated hint: it selects which key to try first and never
   * grants trust (DESIGN invariant 2). Immutable and thread-safe.
   */
  @Value.Immutable
  @SscStyle
  public abstract static class Signature {
    Signature() {}

    /** The signer's key id as the envelope claims it; a hint only. */
    public abstract Optional<String> keyId();

    /** The signature bytes. */
    public abstract Bytes sig();

    /** A signature with a key id hint. */
    public static Signature of(String keyId, Bytes sig) {
      return ImmutableSignature.builder().keyId(keyId).sig(sig).build();
    }

    /** A signature without a key id hint. */
    public static Signature of(Bytes sig) {
      return ImmutableSignature.builder().sig(sig).build();
    }
  }
}
