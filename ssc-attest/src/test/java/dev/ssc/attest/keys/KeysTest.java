package dev.ssc.attest.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.Vectors;
import dev.ssc.attest.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class KeysTest {
  private static final String DEMO = "/vectors/in-toto-demo/demo_files/";
  private static final Map<SignatureAlgorithm, SigningKey> KEYS =
      new EnumMap<>(SignatureAlgorithm.class);

  static {
    for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
      KEYS.put(a, Algorithms.isRsa(a) ? Keys.generateRsa(a, 2048) : Keys.generate(a));
    }
  }

  private static String text(String name) {
    return Vectors.resource(DEMO + name).toUtf8String();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void generatedKeySignsAndVerifies(SignatureAlgorithm algorithm) {
    SigningKey key = KEYS.get(algorithm);
    byte[] sig = key.sign(utf8("hello"));
    assertEquals(algorithm, key.algorithm());
    assertEquals(algorithm, key.verifier().algorithm());
    assertTrue(key.verifier().verify(utf8("hello"), sig));
    assertFalse(key.verifier().verify(utf8("hellO"), sig));
    assertFalse(KEYS.get(other(algorithm)).verifier().verify(utf8("hello"), sig));
    assertEquals(64, key.keyId().length());
    assertEquals(key.keyId(), key.verifier().keyId());
    assertTrue(key.verifier().keyIdHints().contains(key.keyId()));
    assertTrue(key.verifier().keyIdHints().contains(key.verifier().sslibKeyId()));
  }

  private static SignatureAlgorithm rsaScheme(SignatureAlgorithm a) {
    return Algorithms.isRsa(a) ? a : SignatureAlgorithm.RSA_PSS_SHA256;
  }

  private static SignatureAlgorithm other(SignatureAlgorithm a) {
    return a == SignatureAlgorithm.ED25519
        ? SignatureAlgorithm.ECDSA_P256_SHA256
        : SignatureAlgorithm.ED25519;
  }

  @Test
  void generatesEveryRsaSize() {
    for (int bits : new int[] {2048, 3072, 4096}) {
      SigningKey key = Keys.generateRsa(SignatureAlgorithm.RSA_PKCS1_SHA256, bits);
      java.security.interfaces.RSAPublicKey pub =
          (java.security.interfaces.RSAPublicKey) key.verifier().publicKey();
      assertEquals(bits, pub.getModulus().bitLength());
      assertTrue(key.verifier().verify(utf8("m"), key.sign(utf8("m"))));
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> Keys.generateRsa(SignatureAlgorithm.RSA_PSS_SHA256, 1024));
    assertThrows(
        IllegalArgumentException.class, () -> Keys.generateRsa(SignatureAlgorithm.ED25519, 2048));
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void pemRoundTrips(SignatureAlgorithm algorithm) throws Exception {
    SigningKey key = KEYS.get(algorithm);
    String pkcs8 = key.exportPkcs8Pem();
    assertTrue(pkcs8.startsWith("-----BEGIN PRIVATE KEY-----\n"), pkcs8.substring(0, 30));
    SigningKey read = Keys.readPrivateKeyPem(pkcs8, rsaScheme(algorithm), "test.key");
    assertEquals(key.keyId(), read.keyId());
    assertEquals(algorithm, read.algorithm());
    assertTrue(key.verifier().verify(utf8("x"), read.sign(utf8("x"))));
    assertEquals(pkcs8, read.exportPkcs8Pem());

    String spki = key.verifier().spkiPem();
    VerificationKey pub = Keys.readPublicKeyPem(spki, rsaScheme(algorithm), "test.pub");
    assertEquals(key.keyId(), pub.keyId());
    assertEquals(algorithm, pub.algorithm());
    assertEquals(spki, pub.spkiPem());
    assertTrue(pub.verify(utf8("y"), key.sign(utf8("y"))));
  }

  static Stream<SignatureAlgorithm> algorithms() {
    return Stream.of(SignatureAlgorithm.values());
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void sslibJsonRoundTrips(SignatureAlgorithm algorithm) throws Exception {
    SigningKey key = KEYS.get(algorithm);
    SigningKey read = Keys.readPrivateKeySslibJson(key.exportSslibJson(), "test.json");
    assertEquals(key.keyId(), read.keyId());
    assertEquals(key.verifier().sslibKeyId(), read.verifier().sslibKeyId());
    assertEquals(algorithm, read.algorithm());
    assertTrue(key.verifier().verify(utf8("x"), read.sign(utf8("x"))));
    assertEquals(key.exportSslibJson(), read.exportSslibJson());

    VerificationKey pub = Keys.readPublicKeySslibJson(key.verifier().sslibJson(), "test.pub");
    assertEquals(key.keyId(), pub.keyId());
    assertEquals(key.verifier().sslibKeyId(), pub.sslibKeyId());
    assertEquals(key.verifier().sslibJson(), pub.sslibJson());
  }

  @Test
  void sec1AndPkcs1PrivateKeysFromSslibJsonReadAsPem() throws Exception {
    for (SignatureAlgorithm a :
        List.of(
            SignatureAlgorithm.ECDSA_P256_SHA256,
            SignatureAlgorithm.ECDSA_P384_SHA384,
            SignatureAlgorithm.RSA_PKCS1_SHA256)) {
      SigningKey key = KEYS.get(a);
      JsonObject json =
          dev.ssc.attest.json.Json.parseObject(Bytes.utf8(key.exportSslibJson()), "k");
      String priv = json.getObject("keyval").orElseThrow().getString("private").orElseThrow();
      assertTrue(
          priv.startsWith(
              Algorithms.isRsa(a)
                  ? "-----BEGIN RSA PRIVATE KEY-----"
                  : "-----BEGIN EC PRIVATE KEY-----"),
          a.toString());
      assertEquals(key.keyId(), Keys.readPrivateKeyPem(priv, rsaScheme(a), "k").keyId());
    }
  }

  @Test
  void ecdsaVerifiesP1363Signatures() throws Exception {
    for (SignatureAlgorithm a :
        List.of(SignatureAlgorithm.ECDSA_P256_SHA256, SignatureAlgorithm.ECDSA_P384_SHA384)) {
      SigningKey key = KEYS.get(a);
      String b64 = key.exportPkcs8Pem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      Signature jdk =
          Signature.getInstance(
              a == SignatureAlgorithm.ECDSA_P256_SHA256
                  ? "SHA256withECDSAinP1363Format"
                  : "SHA384withECDSAinP1363Format");
      jdk.initSign(
          KeyFactory.getInstance("EC")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64))));
      jdk.update(utf8("p1363"));
      byte[] sig = jdk.sign();
      assertEquals(Algorithms.p1363Length(a), sig.length);
      assertTrue(key.verifier().verify(utf8("p1363"), sig));
      assertFalse(key.verifier().verify(utf8("p1364"), sig));
    }
  }

  @Test
  void inTotoDemoLinksVerifyWithTheDemoPublicKeys() throws Exception {
    VerificationKey bob = Keys.readPublicKeyPem(text("bob.pub"), "bob.pub");
    VerificationKey carl = Keys.readPublicKeyPem(text("carl.pub"), "carl.pub");
    assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, bob.algorithm());
    for (String[] link :
        new String[][] {{"write-code.776a00e2.link", "bob"}, {"package.2f89b927.link", "carl"}}) {
      JsonObject metadata = Vectors.json(DEMO + link[0]);
      byte[] signed =
          CanonicalJson.encode(metadata.getObject("signed").orElseThrow()).toByteArray();
      JsonObject sig =
          (JsonObject) ((JsonArray) metadata.get("signatures").orElseThrow()).elements().get(0);
      byte[] sigBytes = HexFormat.of().parseHex(sig.getString("sig").orElseThrow());
      String keyid = sig.getString("keyid").orElseThrow();
      VerificationKey signer = link[1].equals("bob") ? bob : carl;
      VerificationKey notSigner = link[1].equals("bob") ? carl : bob;
      assertTrue(signer.keyIdHints().contains(keyid), link[0]);
      assertEquals(keyid, signer.sslibKeyId(), link[0]);
      assertTrue(signer.verify(signed, sigBytes), link[0]);
      assertFalse(notSigner.verify(signed, sigBytes), link[0]);
      signed[signed.length / 2] ^= 1;
      assertFalse(signer.verify(signed, sigBytes), link[0]);
    }
  }

  @Test
  void inTotoDemoKeyIdsMatchTheReadme() throws Exception {
    Map<String, String> ids =
        Map.of(
            "alice", "556caebdc0877eed53d419b60eddb1e57fa773e4e31d70698b588f3e9cc48b35",
            "bob", "776a00e29f3559e0141b3b096f696abc6cfb0c657ab40f441132b345b08453f5",
            "carl", "2f89b9272acfc8f4a0a0f094d789fdb0ba798b0fe41f2f5f417c12f0085ff498");
    for (Map.Entry<String, String> e : ids.entrySet()) {
      VerificationKey pub = Keys.readPublicKeyPem(text(e.getKey() + ".pub"), e.getKey() + ".pub");
      assertEquals(e.getValue(), pub.sslibKeyId(), e.getKey());
      // The PKCS#1 private key is the same key.
      SigningKey priv = Keys.readPrivateKeyPem(text(e.getKey()), e.getKey());
      assertEquals(pub.keyId(), priv.keyId(), e.getKey());
      assertEquals(e.getValue(), priv.verifier().sslibKeyId(), e.getKey());
      assertTrue(pub.verify(utf8("m"), priv.sign(utf8("m"))));
    }
    String danny = "36a5529f72cf3b1cc096a28887350969212f9d6c46529658ab186fc0cb781699";
    VerificationKey dannyPub = Keys.readPublicKeySslibJson(text("danny.pub"), "danny.pub");
    assertEquals(SignatureAlgorithm.ED25519, dannyPub.algorithm());
    assertEquals(danny, dannyPub.sslibKeyId());
    SigningKey dannyKey = Keys.readPrivateKeySslibJson(text("danny"), "danny");
    assertEquals(dannyPub.keyId(), dannyKey.keyId());
    assertTrue(dannyPub.verify(utf8("m"), dannyKey.sign(utf8("m"))));
    assertFalse(dannyKey.toString().contains("b471d9ec"));
  }

  @Test
  void ecdsaKeyIdHintsCoverThePemWithAndWithoutItsFinalNewline() throws Exception {
    VerificationKey key = KEYS.get(SignatureAlgorithm.ECDSA_P256_SHA256).verifier();
    String pem = key.spkiPem();
    for (String variant : List.of(pem, pem.strip())) {
      JsonObject dict =
          new JsonObject(
              new java.util.LinkedHashMap<>(
                  Map.of(
                      "keytype", new JsonString("ecdsa"),
                      "scheme", new JsonString("ecdsa-sha2-nistp256"),
                      "keyid_hash_algorithms", SslibJson.hashAlgorithms(),
                      "keyval", new JsonObject(Map.of("public", new JsonString(variant))))));
      String id = VerificationKey.sha256Hex(CanonicalJson.encode(dict).toByteArray());
      assertTrue(key.keyIdHints().contains(id), variant);
    }
  }

  @Test
  void toStringShowsAlgorithmAndKeyIdOnly() {
    for (SigningKey key : KEYS.values()) {
      String s = key.toString();
      assertTrue(s.contains(key.keyId()), s);
      assertTrue(s.length() < 120, s);
      assertFalse(s.contains("PRIVATE"), s);
      assertTrue(key.verifier().toString().contains(key.keyId()));
    }
  }

  static Stream<String[]> malformedPem() {
    String pub = KEYS.get(SignatureAlgorithm.ED25519).verifier().spkiPem();
    return Stream.of(
        new String[] {"", "expected one PEM block"},
        new String[] {"not a key", "expected one PEM block"},
        new String[] {"-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n", "not base64"},
        new String[] {
          "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "SubjectPublicKeyInfo"
        },
        new String[] {pub.replace("END PUBLIC", "END PRIVATE"), "does not match"},
        new String[] {pub.replace("PUBLIC KEY", "CERTIFICATE"), "expected 'PUBLIC KEY'"},
        new String[] {pub + pub, "expected one PEM block"},
        new String[] {
          // RSA-1024 (too short) from a fixed SPKI prefix is hard to write inline: a DSA OID
          // instead.
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getEncoder()
                  .encodeToString(HexFormat.of().parseHex("300f300906072a8648ce38040103020000"))
              + "\n-----END PUBLIC KEY-----\n",
          "unsupported key algorithm"
        });
  }

  @ParameterizedTest
  @MethodSource("malformedPem")
  void malformedPublicPemNamesTheSource(String pem, String expected) {
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> Keys.readPublicKeyPem(pem, "bad.pub"));
    assertTrue(e.getMessage().startsWith("bad.pub: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void malformedPrivatePemNamesTheSourceButNotTheKey() {
    String pkcs8 = KEYS.get(SignatureAlgorithm.ECDSA_P256_SHA256).exportPkcs8Pem();
    String body = pkcs8.split("\n")[1];
    for (String pem :
        List.of(
            pkcs8.replace(body, body.substring(0, 20)),
            pkcs8.replace("PRIVATE KEY", "RSA PRIVATE KEY"),
            pkcs8.replace("PRIVATE KEY", "EC PRIVATE KEY"),
            pkcs8.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"),
            pkcs8.replace("PRIVATE KEY", "PUBLIC KEY"))) {
      SscFormatException e =
          assertThrows(SscFormatException.class, () -> Keys.readPrivateKeyPem(pem, "bad.key"));
      assertTrue(e.getMessage().startsWith("bad.key: "), e.getMessage());
      assertFalse(e.getMessage().contains(body.substring(0, 20)), e.getMessage());
      assertEquals(null, e.getCause());
    }
  }

  static Stream<String[]> malformedJson() {
    String ed = KEYS.get(SignatureAlgorithm.ED25519).verifier().sslibJson();
    String ec = KEYS.get(SignatureAlgorithm.ECDSA_P256_SHA256).verifier().sslibJson();
    String ec384 = KEYS.get(SignatureAlgorithm.ECDSA_P384_SHA384).verifier().sslibJson();
    return Stream.of(
        new String[] {"{", "bad.json: "},
        new String[] {"[]", "expected a JSON object"},
        new String[] {"{\"keytype\":\"ed25519\"}", "/scheme: required string is missing"},
        new String[] {
          ed.replace("\"scheme\":\"ed25519\"", "\"scheme\":\"ed448\""),
          "/scheme: unsupported keytype/scheme"
        },
        new String[] {
          ed.replace("\"keyval\"", "\"keyvals\""), "/keyval: required object is missing"
        },
        new String[] {
          ed.replace("\"public\":\"", "\"public\":\"zz"), "/keyval/public: expected 64 hex digits"
        },
        new String[] {
          ed.replace("\"public\":\"", "\"public\":\"00"), "/keyval/public: expected 32 bytes"
        },
        new String[] {
          ed.replace("}}", ",\"private\":\"00\"}}"),
          "/keyval/private: a private key where a public key"
        },
        new String[] {
          ed.replace("[\"sha256\"", "[1"), "/keyid_hash_algorithms/0: expected a string"
        },
        new String[] {
          ec.replace("BEGIN PUBLIC", "BEGIN PRIVATE"), "/keyval/public: PEM BEGIN label"
        },
        new String[] {
          ec.replace("nistp256\"", "nistp384\""), "/keyval/public: holds a ECDSA_P256_SHA256 key"
        },
        new String[] {ec384.replace("\"ecdsa\"", "\"rsa\""), "/scheme: unsupported keytype/scheme"},
        new String[] {
          ec.replace("\"ecdsa\"", "\"rsa\"").replace("ecdsa-sha2-nistp256", "rsassa-pss-sha256"),
          "/keyval/public: holds a ECDSA_P256_SHA256 key"
        });
  }

  @ParameterizedTest
  @MethodSource("malformedJson")
  void malformedSslibJsonNamesSourceAndPointer(String json, String expected) {
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> Keys.readPublicKeySslibJson(json, "bad.json"));
    assertTrue(e.getMessage().startsWith("bad.json: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void privateSslibJsonMustHoldTheKeyOfItsPublicPart() throws Exception {
    String a = KEYS.get(SignatureAlgorithm.ED25519).exportSslibJson();
    String otherPublic =
        Keys.generate(SignatureAlgorithm.ED25519)
            .verifier()
            .sslibJson()
            .replaceAll(".*\"public\":\"([0-9a-f]+)\".*", "$1");
    String mixed = a.replaceFirst("\"public\":\"[0-9a-f]+\"", "\"public\":\"" + otherPublic + "\"");
    SscFormatException e =
        assertThrows(SscFormatException.class, () -> Keys.readPrivateKeySslibJson(mixed, "k.json"));
    assertTrue(e.getMessage().contains("k.json: /keyval/private: does not belong"), e.getMessage());
    SscFormatException pub =
        assertThrows(
            SscFormatException.class,
            () ->
                Keys.readPrivateKeySslibJson(
                    KEYS.get(SignatureAlgorithm.ED25519).verifier().sslibJson(), "k.pub"));
    assertTrue(pub.getMessage().startsWith("k.pub: /keyval/private"), pub.getMessage());
    SscFormatException broken =
        assertThrows(
            SscFormatException.class,
            () -> Keys.readPrivateKeySslibJson(a.substring(0, a.length() - 30), "k.json"));
    assertFalse(broken.getMessage().contains("keyval"), broken.getMessage());
  }

  @Test
  void verifyNeverThrowsForGarbageSignatures() {
    for (SigningKey key : KEYS.values()) {
      for (byte[] sig :
          List.of(
              new byte[0],
              new byte[1],
              new byte[64],
              new byte[96],
              new byte[256],
              new byte[10000])) {
        assertFalse(key.verifier().verify(utf8("m"), sig), key.toString());
      }
    }
  }

  // Properties, per key type.

  @Provide
  Arbitrary<SignatureAlgorithm> anyAlgorithm() {
    return Arbitraries.of(SignatureAlgorithm.class);
  }

  @Property(tries = 60)
  void anyMessageRoundTrips(
      @ForAll("anyAlgorithm") SignatureAlgorithm algorithm, @ForAll byte[] message) {
    SigningKey key = KEYS.get(algorithm);
    assertTrue(key.verifier().verify(message, key.sign(message)));
  }

  @Property(tries = 60)
  void oneBitChangeOfMessageFails(
      @ForAll("anyAlgorithm") SignatureAlgorithm algorithm,
      @ForAll byte[] message,
      @ForAll int position) {
    if (message.length == 0) {
      return;
    }
    SigningKey key = KEYS.get(algorithm);
    byte[] sig = key.sign(message);
    int bit = Math.floorMod(position, message.length * 8);
    message[bit / 8] ^= (byte) (1 << (bit % 8));
    assertFalse(key.verifier().verify(message, sig));
  }

  @Property(tries = 60)
  void oneBitChangeOfSignatureFails(
      @ForAll("anyAlgorithm") SignatureAlgorithm algorithm,
      @ForAll byte[] message,
      @ForAll int position) {
    SigningKey key = KEYS.get(algorithm);
    byte[] sig = key.sign(message);
    int bit = Math.floorMod(position, sig.length * 8);
    sig[bit / 8] ^= (byte) (1 << (bit % 8));
    assertFalse(key.verifier().verify(message, sig));
  }

  @Property(tries = 300)
  void mutatedKeyFilesGiveAFormatErrorOrAKey(
      @ForAll("anyAlgorithm") SignatureAlgorithm algorithm,
      @ForAll int format,
      @ForAll int position,
      @ForAll char replacement) {
    SigningKey key = KEYS.get(algorithm);
    int which = Math.floorMod(format, 4);
    String text =
        which == 0
            ? key.verifier().spkiPem()
            : which == 1
                ? key.verifier().sslibJson()
                : which == 2 ? key.exportPkcs8Pem() : key.exportSslibJson();
    int at = Math.floorMod(position, text.length());
    String mutated = text.substring(0, at) + replacement + text.substring(at + 1);
    try {
      switch (which) {
        case 0:
          assertEquals(
              algorithm, Keys.readPublicKeyPem(mutated, rsaScheme(algorithm), "m").algorithm());
          break;
        case 1:
          assertEquals(algorithm, Keys.readPublicKeySslibJson(mutated, "m").algorithm());
          break;
        case 2:
          assertEquals(
              algorithm, Keys.readPrivateKeyPem(mutated, rsaScheme(algorithm), "m").algorithm());
          break;
        default:
          assertEquals(algorithm, Keys.readPrivateKeySslibJson(mutated, "m").algorithm());
      }
    } catch (SscFormatException e) {
      assertTrue(e.getMessage().startsWith("m: "), e.getMessage());
    }
  }
}
