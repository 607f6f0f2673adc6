package dev.ssc.attest.tlog;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.SscFormatException;
import dev.ssc.attest.keys.SigningKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * An Ed25519 signed-note signer key, read from or written as the Go {@code note} package's text
 * form {@code PRIVATE+KEY+name+keyid+base64(0x01||seed)}.
 *
 * <p>The seed is a secret: {@link #toString} shows the name and key id only, and {@link
 * #signerKey()} is the one way to get it out, for storing it. Immutable and thread-safe.
 */
public final class NoteSigner {
  private static final String PREFIX = "PRIVATE+KEY+";

  private final byte[] seed;
  private final SigningKey key;
  private final NoteKey verifier;

  private NoteSigner(byte[] seed, String name) {
    this.seed = seed;
    this.key = NoteCrypto.ed25519Signer(seed);
    this.verifier = NoteKey.ed25519(name, NoteKey.ED25519, NoteCrypto.rawEd25519PublicKey(key));
  }

  /**
   * Reads a signer key.
   *
   * @throws SscFormatException if it is malformed, not Ed25519, or its key id does not match the
   *     public key its seed derives
   */
  public static NoteSigner parse(String skey) throws SscFormatException {
    requireNonNull(skey, "skey");
    if (!skey.startsWith(PREFIX)) {
      throw new SscFormatException("signer key must start with " + PREFIX);
    }
    String rest = skey.substring(PREFIX.length());
    int plus1 = rest.indexOf('+');
    int plus2 = plus1 < 0 ? -1 : rest.indexOf('+', plus1 + 1);
    if (plus2 < 0) {
      throw new SscFormatException("signer key must be PRIVATE+KEY+NAME+KEYID+KEY");
    }
    String name = rest.substring(0, plus1);
    if (!SignedNote.isValidName(name)) {
      throw new SscFormatException("signer key has an invalid name");
    }
    int keyId = NoteKey.parseKeyId(rest.substring(plus1 + 1, plus2), PREFIX + name);
    byte[] material;
    try {
      material = Base64.getDecoder().decode(rest.substring(plus2 + 1));
    } catch (IllegalArgumentException e) {
      throw new SscFormatException("signer key material is not base64");
    }
    if (material.length != 33 || material[0] != NoteKey.ED25519) {
      throw new SscFormatException("signer key must be an Ed25519 seed (type 0x01, 32 bytes)");
    }
    NoteSigner signer = new NoteSigner(Arrays.copyOfRange(material, 1, 33), name);
    if (signer.verifier.keyId() != keyId) {
      throw new SscFormatException(
          "signer key id does not match its key (expected "
              + String.format(Locale.ROOT, "%08x", signer.verifier.keyId())
              + ")");
    }
    return signer;
  }

  /**
   * A new Ed25519 signer key called {@code name}.
   *
   * @throws IllegalArgumentException if the name is empty or holds a space or '+'
   */
  public static NoteSigner generate(String name, SecureRandom random) {
    requireNonNull(name, "name");
    requireNonNull(random, "random");
    if (!SignedNote.isValidName(name)) {
      throw new IllegalArgumentException("a key name is non-empty, without spaces or '+': " + name);
    }
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return new NoteSigner(seed, name);
  }

  /** The key's name. */
  public String name() {
    return verifier.name();
  }

  /** The verifier key that checks this signer's signatures. */
  public NoteKey verifierKey() {
    return verifier;
  }

  /** The secret signer key in its text form, for storing it; handle it as a secret. */
  public String signerKey() {
    byte[] material = new byte[33];
    material[0] = NoteKey.ED25519;
    System.arraycopy(seed, 0, material, 1, 32);
    return PREFIX
        + verifier.name()
        + "+"
        + String.format(Locale.ROOT, "%08x", verifier.keyId())
        + "+"
        + Base64.getEncoder().encodeToString(material);
  }

  byte[] sign(byte[] message) {
    return key.sign(message);
  }

  /** The name and key id only, never the seed. */
  @Override
  public String toString() {
    return "NoteSigner[" + verifier.name() + "+" + NoteKey.hex(verifier.keyId()) + "]";
  }
}
