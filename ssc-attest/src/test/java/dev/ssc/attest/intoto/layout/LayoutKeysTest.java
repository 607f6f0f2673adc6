package dev.ssc.attest.intoto.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.signing.Signer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** securesystemslib keys for layouts and links, through the keys package. */
class LayoutKeysTest {
  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----";
  }

  private static String json(String s) {
    return s.replace("\n", "\\n");
  }

  @Test
  void ecdsaKeyIdsWithAndWithoutTheFinalNewlineBothNameTheKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair kp = g.generateKeyPair();
    String pub = pem("PUBLIC KEY", kp.getPublic().getEncoded()) + "\n";
    String priv = pem("PRIVATE KEY", kp.getPrivate().getEncoded());
    String common =
        "\"keytype\":\"ecdsa\",\"scheme\":\"ecdsa-sha2-nistp256\","
            + "\"keyid_hash_algorithms\":[\"sha256\",\"sha512\"],";
    String pubFile = "{" + common + "\"keyval\":{\"public\":\"" + json(pub) + "\"}}";
    String stripped = "{" + common + "\"keyval\":{\"public\":\"" + json(pub.strip()) + "\"}}";
    LayoutKeys.PublicKeyInfo withNewline =
        LayoutKeys.readPublicKey(Bytes.utf8(pubFile), "with.pub");
    LayoutKeys.PublicKeyInfo without =
        LayoutKeys.readPublicKey(Bytes.utf8(stripped), "without.pub");
    assertFalse(withNewline.keyId().equals(without.keyId()));
    assertTrue(LayoutKeys.namedBy(withNewline, without.keyId()));
    assertTrue(LayoutKeys.namedBy(without, withNewline.keyId()));
    assertFalse(LayoutKeys.namedBy(without, "00" + withNewline.keyId().substring(2)));

    String privFile =
        "{"
            + common
            + "\"keyval\":{\"public\":\""
            + json(pub)
            + "\",\"private\":\""
            + json(priv)
            + "\"}}";
    Signer signer = LayoutKeys.readPrivateKey(Bytes.utf8(privFile), "key");
    assertEquals(withNewline.keyId(), signer.keyId());
    byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
    assertTrue(withNewline.verifier().verify(msg, signer.sign(msg)));
    assertFalse(
        withNewline.verifier().verify("other".getBytes(StandardCharsets.UTF_8), signer.sign(msg)));
  }

  @Test
  void rsaPssVerifiesTheSaltLengthSecuresystemslibSignsWith() throws Exception {
    Signer alice = LayoutKeys.readPrivateKey(Demo.bytes("demo_files/alice"), "alice");
    LayoutKeys.PublicKeyInfo pub =
        LayoutKeys.readPublicKey(Demo.bytes("demo_files/alice.pub"), "alice.pub");
    assertEquals(pub.keyId(), alice.keyId());
    byte[] msg = "m".getBytes(StandardCharsets.UTF_8);
    byte[] sig = alice.sign(msg);
    assertTrue(pub.verifier().verify(msg, sig));
    sig[10] ^= 1;
    assertFalse(pub.verifier().verify(msg, sig));
    assertFalse(pub.verifier().verify(msg, new byte[3]));

    // securesystemslib and in-toto sign with a 32-byte salt; verification takes exactly that (the
    // JCA takes a fixed salt length, and ssc implements no PSS decoding of its own). A signature
    // with another salt length, here 0, is rejected: a documented limit (docs/formats.md).
    java.security.Signature s = java.security.Signature.getInstance("RSASSA-PSS");
    s.setParameter(
        new java.security.spec.PSSParameterSpec(
            "SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 0, 1));
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    s.initSign(kp.getPrivate());
    s.update(msg);
    byte[] noSalt = s.sign();
    String spki = pem("PUBLIC KEY", kp.getPublic().getEncoded());
    LayoutKeys.PublicKeyInfo fresh = LayoutKeys.readPublicKey(Bytes.utf8(spki + "\n"), "fresh.pub");
    assertFalse(fresh.verifier().verify(msg, noSalt));
  }

  @Test
  void rejectsWhatIsNotAKeyWithoutKeyMaterialInTheMessage() {
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> LayoutKeys.readPrivateKey(Demo.bytes("demo_files/alice.pub"), "alice.pub"));
    assertTrue(e.getMessage().startsWith("alice.pub: "), e.getMessage());
    assertThrows(
        SscFormatException.class, () -> LayoutKeys.readPublicKey(Bytes.utf8("hello"), "x.pub"));
    assertThrows(
        SscFormatException.class,
        () ->
            LayoutKeys.readPublicKey(
                Bytes.utf8(
                    "{\"keytype\":\"dsa\",\"scheme\":\"dsa\",\"keyval\":{\"public\":\"x\"}}"),
                "x.pub"));
  }
}
