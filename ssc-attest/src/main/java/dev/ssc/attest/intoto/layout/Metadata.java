package dev.ssc.attest.intoto.layout;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.signing.Verifier;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.Pae;
import dev.ssc.attest.json.CanonicalJson;
import dev.ssc.attest.json.Fields;
import dev.ssc.attest.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Signed in-toto metadata, classic ({@code {"signed": ..., "signatures": [{"keyid", "sig"}]}},
 * signatures over the canonical JSON of {@code signed}, hex) or a DSSE envelope (payload type
 * {@code application/vnd.in-toto+json}, signatures over the PAE of the payload bytes, base64).
 */
record Metadata(
    boolean dsse, JsonObject signed, Bytes signedBytes, List<Sig> signatures, String source) {

  /** One signature: the claimed key id (a hint only) and the signature bytes. */
  record Sig(Optional<String> keyId, Bytes sig) {}

  Metadata {
    signatures = List.copyOf(signatures);
  }

  /** Whether any signature verifies with {@code key}; the claimed key ids are not consulted. */
  boolean signedBy(Verifier key) {
    byte[] message = signedBytes.toByteArray();
    for (Sig s : signatures) {
      if (key.verify(message, s.sig().toByteArray())) {
        return true;
      }
    }
    return false;
  }

  /** The fields of the signed body, for decoding it. */
  Fields body() {
    return Fields.of(signed, source, dsse ? "/payload" : "/signed");
  }

  /**
   * The payload with raw control characters inside strings escaped as {@code \\u00XX}:
   * securesystemslib writes DSSE payloads as canonical JSON, which leaves newlines raw. Only the
   * parsed copy is escaped; signatures are checked over the payload bytes as they are.
   */
  static Bytes escapeControls(Bytes payload) {
    byte[] in = payload.toByteArray();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length + 16);
    boolean inString = false;
    boolean escaped = false;
    for (byte b : in) {
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        } else if ((b & 0xff) < 0x20) {
          byte[] esc =
              String.format(java.util.Locale.ROOT, "\\u%04x", b & 0xff)
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          out.write(esc, 0, esc.length);
          continue;
        }
      } else if (b == '"') {
        inString = true;
      }
      out.write(b);
    }
    return Bytes.of(out.toByteArray());
  }

  /** Decodes metadata from {@code bytes} read from {@code source}. */
  static Metadata parse(Bytes bytes, String source) throws SscFormatException {
    JsonObject o = Json.parseObject(bytes, source);
    if (o.get("payload").isPresent() || o.get("payloadType").isPresent()) {
      Envelope env = DsseCodec.decode(bytes, source);
      if (!env.payloadType().equals(Envelope.IN_TOTO_PAYLOAD_TYPE)) {
        throw new SscFormatException(
            source
                + ": /payloadType: expected \""
                + Envelope.IN_TOTO_PAYLOAD_TYPE
                + "\", got \""
                + env.payloadType()
                + "\"");
      }
      JsonObject body = Json.parseObject(escapeControls(env.payload()), source + " (payload)");
      List<Sig> sigs = new ArrayList<>();
      for (Envelope.Signature s : env.signatures()) {
        sigs.add(new Sig(s.keyId(), s.sig()));
      }
      Bytes pae = Bytes.of(Pae.encode(env.payloadType(), env.payload().toByteArray()));
      return new Metadata(true, body, pae, sigs, source);
    }
    Fields f = Fields.of(o, source, "");
    for (String member : o.members().keySet()) {
      if (!member.equals("signed") && !member.equals("signatures")) {
        throw f.error(member, "unexpected member in signed metadata");
      }
    }
    JsonObject signed = f.requiredObject("signed");
    List<JsonValue> array = f.requiredArray("signatures");
    List<Sig> sigs = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Fields s = f.element("signatures", array, i);
      String keyId = s.requiredString("keyid");
      String hex = s.requiredString("sig");
      if (!hex.matches("([0-9a-fA-F]{2})*")) {
        throw s.error("sig", "expected a hex signature");
      }
      sigs.add(new Sig(Optional.of(keyId), Bytes.fromHex(hex.toLowerCase(java.util.Locale.ROOT))));
    }
    return new Metadata(false, signed, CanonicalJson.encode(signed), sigs, source);
  }
}
