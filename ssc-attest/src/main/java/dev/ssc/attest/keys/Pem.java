package dev.ssc.attest.keys;

import dev.ssc.api.SscFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One PEM block (RFC 7468): its label and DER bytes. */
final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);

  final String label;
  final byte[] der;

  private Pem(String label, byte[] der) {
    this.label = label;
    this.der = der;
  }

  /**
   * Decodes the one PEM block of {@code text}; surrounding whitespace is allowed, other text is
   * not. Messages never quote the body.
   */
  static Pem decode(String text, String source) throws SscFormatException {
    String stripped = text.strip();
    Matcher m = BLOCK.matcher(stripped);
    if (stripped.indexOf("-----BEGIN ", 1) >= 0 || !m.matches()) {
      throw new SscFormatException(
          source
              + ": expected one PEM block ('-----BEGIN <LABEL>-----' ... '-----END <LABEL>-----')");
    }
    String label = m.group(1);
    if (!label.equals(m.group(3))) {
      throw new SscFormatException(
          source
              + ": PEM BEGIN label '"
              + label
              + "' does not match END label '"
              + m.group(3)
              + "'");
    }
    String body = m.group(2);
    if (body.contains("Proc-Type:") || label.equals("ENCRYPTED PRIVATE KEY")) {
      throw new SscFormatException(source + ": encrypted PEM keys are not supported");
    }
    try {
      return new Pem(label, Base64.getDecoder().decode(body.replaceAll("[\\r\\n\\t ]", "")));
    } catch (IllegalArgumentException e) {
      throw new SscFormatException(
          source + ": the body of PEM block '" + label + "' is not base64");
    }
  }

  /** The PEM text of {@code der}: 64-column lines, a final newline. */
  static String encode(String label, byte[] der) {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
  }
}
