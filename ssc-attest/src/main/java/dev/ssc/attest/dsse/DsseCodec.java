package dev.ssc.attest.dsse;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Fields;
import dev.ssc.attest.json.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes and encodes the DSSE JSON envelope.
 *
 * <p>Decoding accepts standard and URL-safe base64, with or without padding, as the DSSE
 * specification requires, and ignores unknown members. Encoding writes standard base64 with
 * padding.
 *
 * <p>Thread-safe.
 */
public final class DsseCodec {
  private DsseCodec() {}

  /**
   * Decodes an envelope from {@code json}, which came from {@code source}.
   *
   * @throws SscFormatException naming the JSON pointer of the first problem
   */
  public static Envelope decode(Bytes json, String source) throws SscFormatException {
    Fields f = Fields.of(Json.parseObject(json, source), source, "");
    Envelope.Builder b =
        Envelope.builder()
            .payloadType(f.requiredString("payloadType"))
            .payload(base64(f, "payload"));
    List<JsonValue> signatures = f.requiredArray("signatures");
    for (int i = 0; i < signatures.size(); i++) {
      Fields s = f.element("signatures", signatures, i);
      Bytes sig = base64(s, "sig");
      b.addSignatures(
          s.optionalString("keyid").isPresent()
              ? Envelope.Signature.of(s.requiredString("keyid"), sig)
              : Envelope.Signature.of(sig));
    }
    return b.build();
  }

  private static Bytes base64(Fields f, String name) throws SscFormatException {
    String text = f.requiredString(name);
    try {
      Base64.Decoder decoder =
          text.indexOf('-') >= 0 || text.indexOf('_') >= 0
              ? Base64.getUrlDecoder()
              : Base64.getDecoder();
      return Bytes.of(decoder.decode(text));
    } catch (IllegalArgumentException e) {
      throw f.error(name, "not base64 (standard or URL-safe)");
    }
  }

  /** Encodes {@code envelope} as compact JSON. */
  public static Bytes encode(Envelope envelope) {
    requireNonNull(envelope, "envelope");
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("payloadType", new JsonString(envelope.payloadType()));
    m.put("payload", new JsonString(envelope.payload().toBase64()));
    List<JsonValue> sigs = new ArrayList<>();
    for (Envelope.Signature s : envelope.signatures()) {
      Map<String, JsonValue> sm = new LinkedHashMap<>();
      s.keyId().ifPresent(k -> sm.put("keyid", new JsonString(k)));
      sm.put("sig", new JsonString(s.sig().toBase64()));
      sigs.add(new JsonObject(sm));
    }
    m.put("signatures", new JsonArray(sigs));
    return Json.write(new JsonObject(m));
  }
}
