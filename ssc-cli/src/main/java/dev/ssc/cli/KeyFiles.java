package dev.ssc.cli;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.Verifier;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import dev.ssc.attest.keys.VerificationKey;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key files as the commands take them: PEM (SPKI public; PKCS#8, PKCS#1 RSA or SEC1 EC private) or
 * the securesystemslib JSON key files python in-toto writes. The format is read from the content,
 * never from the file name. RSA keys in PEM sign and verify RSASSA-PSS with SHA-256, as python
 * in-toto does.
 */
final class KeyFiles {
  private KeyFiles() {}

  /** The private key in {@code file}, given as option {@code option}. */
  static SigningKey signer(Path file, String option) throws CliException {
    String text = text(file, option);
    String source = option + " " + file;
    try {
      return looksLikeJson(text)
          ? Keys.readPrivateKeySslibJson(text, source)
          : Keys.readPrivateKeyPem(text, source);
    } catch (SscFormatException e) {
      throw new CliException(String.valueOf(e.getMessage()));
    }
  }

  /** The public key in {@code file}, given as option {@code option}. */
  static VerificationKey verifier(Path file, String option) throws CliException {
    String text = text(file, option);
    String source = option + " " + file;
    try {
      return looksLikeJson(text)
          ? Keys.readPublicKeySslibJson(text, source)
          : Keys.readPublicKeyPem(text, source);
    } catch (SscFormatException e) {
      throw new CliException(String.valueOf(e.getMessage()));
    }
  }

  /**
   * A key ring of the public keys in {@code files}; a key given twice counts once.
   *
   * @throws CliException if a file cannot be read or holds no public key
   */
  static KeyRing keyRing(List<Path> files, String option) throws CliException {
    Map<String, Verifier> byId = new LinkedHashMap<>();
    for (Path f : files) {
      VerificationKey v = verifier(f, option);
      byId.putIfAbsent(v.keyId(), v);
    }
    return KeyRing.of(byId.values());
  }

  private static String text(Path file, String option) throws CliException {
    byte[] bytes = InputFiles.read(file, option, InputFiles.MAX_KEY_BYTES).toByteArray();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CliException(option + " " + file + ": not a key file (not UTF-8 text)");
    }
  }

  private static boolean looksLikeJson(String text) {
    return text.stripLeading().startsWith("{");
  }
}
