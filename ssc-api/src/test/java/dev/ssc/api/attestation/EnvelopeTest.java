package dev.ssc.api.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
  private static final Bytes SIG = Bytes.of(new byte[] {1, 2, 3});

  @Test
  void signatureKeyIdIsOptional() {
    Envelope.Signature withHint = Envelope.Signature.of("key-1", SIG);
    Envelope.Signature withoutHint = Envelope.Signature.of(SIG);

    assertEquals(Optional.of("key-1"), withHint.keyId());
    assertEquals(Optional.empty(), withoutHint.keyId());
    assertEquals(SIG, withoutHint.sig());
  }

  @Test
  void signaturesWithDifferentHintsDiffer() {
    assertFalse(Envelope.Signature.of("a", SIG).equals(Envelope.Signature.of("b", SIG)));
    assertEquals(Envelope.Signature.of("a", SIG), Envelope.Signature.of("a", SIG));
  }

  @Test
  void keepsThePayloadBytesExactly() {
    byte[] raw = {(byte) 0xff, (byte) 0xfe, 0, '{', '}', (byte) 0xc3};

    Envelope envelope =
        Envelope.builder()
            .payloadType(Envelope.IN_TOTO_PAYLOAD_TYPE)
            .payload(Bytes.of(raw))
            .build();
    raw[0] = 0;

    assertArrayEquals(
        new byte[] {(byte) 0xff, (byte) 0xfe, 0, '{', '}', (byte) 0xc3},
        envelope.payload().toByteArray());
    assertEquals("application/vnd.in-toto+json", envelope.payloadType());
  }

  @Test
  void keepsSignaturesInEnvelopeOrder() {
    Envelope.Signature first = Envelope.Signature.of("b", SIG);
    Envelope.Signature second = Envelope.Signature.of("a", Bytes.utf8("x"));
    Envelope.Signature third = Envelope.Signature.of(Bytes.utf8("y"));

    Envelope envelope =
        Envelope.builder()
            .payloadType("text/plain")
            .payload(Bytes.utf8("hello"))
            .addSignatures(first)
            .addAllSignatures(List.of(second, third))
            .build();

    assertEquals(List.of(first, second, third), envelope.signatures());
  }

  @Test
  void mayHaveNoSignaturesWhileBeingSigned() {
    Envelope envelope =
        Envelope.builder().payloadType("text/plain").payload(Bytes.utf8("hello")).build();

    assertTrue(envelope.signatures().isEmpty());
  }

  @Test
  void requiresPayloadTypeAndPayload() {
    assertThrows(
        IllegalStateException.class, () -> Envelope.builder().payload(Bytes.utf8("x")).build());
    assertThrows(
        IllegalStateException.class, () -> Envelope.builder().payloadType("text/plain").build());
  }

  @Test
  void toStringDoesNotShowThePayload() {
    Envelope envelope =
        Envelope.builder().payloadType("text/plain").payload(Bytes.utf8("top-secret")).build();

    assertFalse(envelope.toString().contains("top-secret"), envelope.toString());
  }

  @Property
  void payloadRoundTripsAnyBytes(@ForAll @Size(max = 512) byte[] raw) {
    Envelope envelope =
        Envelope.builder().payloadType("application/octet-stream").payload(Bytes.of(raw)).build();

    assertArrayEquals(raw, envelope.payload().toByteArray());
  }
}
