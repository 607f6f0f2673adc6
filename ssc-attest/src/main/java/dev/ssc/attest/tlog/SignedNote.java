package dev.ssc.attest.tlog;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * C2SP signed notes: signing text, and opening a note against known verifier keys, with the rules
 * of the Go {@code note} package's {@code Open}.
 *
 * <p>A note is UTF-8 text without control characters other than newline; its last blank line
 * separates the text (which ends in a newline and is what is signed) from one or more signature
 * lines {@code — NAME BASE64(keyid||signature)}. Opening rejects a malformed note, more than 100
 * signature lines, a signature by a known key that does not verify (the whole note, not just the
 * line), a known key listed twice among the verifiers when it signed, and a note with no verified
 * signature. Signatures by unknown keys are reported, not trusted. A cosignature key ({@link
 * NoteKey#COSIGNATURE_V1}) verifies {@code timestamp||sig} over {@code "cosignature/v1\ntime T\n" +
 * text}.
 *
 * <p>Thread-safe; stateless.
 */
public final class SignedNote {
  /** Notes larger than this are rejected unread. */
  public static final int MAX_NOTE_BYTES = 1 << 20;

  private static final int MAX_SIGNATURES = 100;
  private static final String SIG_PREFIX = "\u2014 ";

  private SignedNote() {}

  /**
   * Signs {@code text} with every signer.
   *
   * @throws IllegalArgumentException if the text is empty, does not end in a newline, holds a blank
   *     line at its end, a control character, or no signer is given
   */
  public static Bytes sign(String text, List<NoteSigner> signers) {
    requireNonNull(text, "text");
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("a note needs at least one signer");
    }
    if (text.isEmpty() || !text.endsWith("\n") || text.endsWith("\n\n") || !isValidText(text)) {
      throw new IllegalArgumentException(
          "note text must be non-empty lines of UTF-8 without control characters, ending in a newline");
    }
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder note = new StringBuilder(text).append('\n');
    for (NoteSigner s : signers) {
      byte[] sig = s.sign(message);
      ByteBuffer b = ByteBuffer.allocate(4 + sig.length).putInt(s.verifierKey().keyId()).put(sig);
      note.append(SIG_PREFIX)
          .append(s.name())
          .append(' ')
          .append(Base64.getEncoder().encodeToString(b.array()))
          .append('\n');
    }
    return Bytes.utf8(note.toString());
  }

  /** Opens {@code note} against {@code known} verifier keys. */
  public static NoteVerification open(Bytes note, Collection<NoteKey> known) {
    requireNonNull(note, "note");
    requireNonNull(known, "known");
    if (note.size() > MAX_NOTE_BYTES) {
      return NoteVerification.invalid("note is larger than " + MAX_NOTE_BYTES + " bytes");
    }
    String msg;
    try {
      msg =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(note.asReadOnlyBuffer())
              .toString();
    } catch (CharacterCodingException e) {
      return NoteVerification.invalid("malformed note: not valid UTF-8");
    }
    if (!isValidText(msg)) {
      return NoteVerification.invalid("malformed note: control character");
    }
    int split = msg.lastIndexOf("\n\n");
    if (split < 0) {
      return NoteVerification.invalid("malformed note: no blank line before the signatures");
    }
    String text = msg.substring(0, split + 1);
    String sigs = msg.substring(split + 2);
    if (sigs.isEmpty() || !sigs.endsWith("\n")) {
      return NoteVerification.invalid(
          "malformed note: the signature block is empty or unterminated");
    }
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    Map<String, List<NoteKey>> byName = new HashMap<>();
    for (NoteKey k : known) {
      byName.computeIfAbsent(k.name() + "+" + k.keyId(), x -> new ArrayList<>()).add(k);
    }
    List<NoteSignature> verified = new ArrayList<>();
    List<NoteSignature> unverified = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> seenUnverified = new HashSet<>();
    int count = 0;
    for (String line : sigs.substring(0, sigs.length() - 1).split("\n", -1)) {
      if (!line.startsWith(SIG_PREFIX)) {
        return NoteVerification.invalid(
            "malformed note: a line after the blank line is not a signature");
      }
      String rest = line.substring(SIG_PREFIX.length());
      int space = rest.indexOf(' ');
      String name = space < 0 ? rest : rest.substring(0, space);
      String b64 = space < 0 ? "" : rest.substring(space + 1);
      byte[] sig;
      try {
        sig = Base64.getDecoder().decode(b64);
      } catch (IllegalArgumentException e) {
        return NoteVerification.invalid(
            "malformed note: signature of '" + name + "' is not base64");
      }
      if (!isValidName(name) || b64.isEmpty() || sig.length < 5) {
        return NoteVerification.invalid("malformed note: unreadable signature line");
      }
      if (++count > MAX_SIGNATURES) {
        return NoteVerification.invalid("note has more than " + MAX_SIGNATURES + " signatures");
      }
      int keyId = ByteBuffer.wrap(sig, 0, 4).getInt();
      byte[] body = java.util.Arrays.copyOfRange(sig, 4, sig.length);
      String id = name + "+" + keyId;
      List<NoteKey> keys = byName.get(id);
      if (keys == null) {
        if (seenUnverified.add(rest)) {
          unverified.add(new NoteSignature(name, keyId, OptionalLong.empty()));
        }
        continue;
      }
      if (keys.size() > 1) {
        return NoteVerification.invalid(
            "verifier key " + name + "+" + NoteKey.hex(keyId) + " is given more than once");
      }
      NoteKey key = keys.get(0);
      OptionalLong timestamp = OptionalLong.empty();
      boolean ok;
      if (key.type() == NoteKey.COSIGNATURE_V1) {
        if (body.length != 72) {
          return NoteVerification.invalid(
              "cosignature by " + name + " must be 8 + 64 bytes, got " + body.length);
        }
        long ts = ByteBuffer.wrap(body, 0, 8).getLong();
        byte[] cosigned =
            ("cosignature/v1\ntime " + Long.toUnsignedString(ts) + "\n" + text)
                .getBytes(StandardCharsets.UTF_8);
        ok = key.verify(cosigned, java.util.Arrays.copyOfRange(body, 8, 72));
        timestamp = OptionalLong.of(ts);
      } else {
        ok = key.verify(message, body);
      }
      if (!ok) {
        return NoteVerification.invalid(
            "signature by known key " + name + "+" + NoteKey.hex(keyId) + " does not verify");
      }
      if (seen.add(id)) {
        verified.add(new NoteSignature(name, keyId, timestamp));
      }
    }
    if (verified.isEmpty()) {
      return NoteVerification.invalid("no signature by a known key");
    }
    return NoteVerification.valid(text, verified, unverified);
  }

  /** A key name: non-empty, no white space, no '+'. */
  static boolean isValidName(String name) {
    return !name.isEmpty()
        && name.codePoints()
            .noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85)
        && name.indexOf('+') < 0;
  }

  private static boolean isValidText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n') {
        return false;
      }
    }
    return true;
  }
}
