package dev.ssc.attest.dsse;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * The DSSE v1 pre-authentication encoding, the bytes that are actually signed: {@code "DSSEv1" SP
 * LEN(type) SP type SP LEN(body) SP body}, where LEN is the ASCII decimal length in <em>bytes</em>
 * (of the UTF-8 type and of the raw body), never a character count.
 *
 * <p>Thread-safe.
 */
public final class Pae {
  private static final byte[] PREFIX = "DSSEv1 ".getBytes(StandardCharsets.US_ASCII);

  private Pae() {}

  /** The PAE of {@code payloadType} and {@code payload}. */
  public static byte[] encode(String payloadType, byte[] payload) {
    requireNonNull(payloadType, "payloadType");
    requireNonNull(payload, "payload");
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    byte[] typeLen = Integer.toString(type.length).getBytes(StandardCharsets.US_ASCII);
    byte[] bodyLen = Integer.toString(payload.length).getBytes(StandardCharsets.US_ASCII);
    byte[] out =
        new byte
            [PREFIX.length
                + typeLen.length
                + 1
                + type.length
                + 1
                + bodyLen.length
                + 1
                + payload.length];
    int i = 0;
    System.arraycopy(PREFIX, 0, out, i, PREFIX.length);
    i += PREFIX.length;
    System.arraycopy(typeLen, 0, out, i, typeLen.length);
    i += typeLen.length;
    out[i++] = ' ';
    System.arraycopy(type, 0, out, i, type.length);
    i += type.length;
    out[i++] = ' ';
    System.arraycopy(bodyLen, 0, out, i, bodyLen.length);
    i += bodyLen.length;
    out[i++] = ' ';
    System.arraycopy(payload, 0, out, i, payload.length);
    return out;
  }
}
