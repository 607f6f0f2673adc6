package dev.ssc.attest.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.Peers;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseSigner;
import dev.ssc.attest.dsse.DsseVerifier;
import dev.ssc.attest.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys and signatures against securesystemslib 0.26 and python in-toto 1.3.1: each side reads the
 * other's key files and verifies the other's signatures, plain and in DSSE envelopes.
 */
class KeysInteropIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final byte[] MESSAGE = "signed by a peer \u00e9".getBytes(StandardCharsets.UTF_8);
  private static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

  /** securesystemslib key dict from a public key file (JSON or PEM), with its keyid. */
  private static final String LOAD_PUBLIC =
      "import sys, json\n"
          + "from securesystemslib import keys, interface\n"
          + "def load_public(path, kind):\n"
          + "    if kind == 'rsa':\n"
          + "        return interface.import_rsa_publickey_from_file(path)\n"
          + "    return keys.format_metadata_to_key(json.load(open(path)))[0]\n";

  @BeforeEach
  void python() {
    Peers.requirePython("securesystemslib.keys", "securesystemslib.interface");
  }

  private static Peers.Result python(Path dir, String script, String... args) {
    String[] cmd = new String[args.length + 3];
    cmd[0] = Peers.PYTHON.toString();
    cmd[1] = "-c";
    cmd[2] = script;
    System.arraycopy(args, 0, cmd, 3, args.length);
    Peers.Result r = Peers.run(dir, TIMEOUT, cmd);
    assertEquals(0, r.exitCode(), r.output());
    return r;
  }

  @Test
  void securesystemslibKeysAndSignaturesVerifyInSsc(@TempDir Path dir) throws Exception {
    String script =
        "import sys, json\n"
            + "from securesystemslib import keys\n"
            + "msg = open(sys.argv[1], 'rb').read()\n"
            + "for key in [keys.generate_ed25519_key(), keys.generate_ecdsa_key(),\n"
            + "            keys.generate_rsa_key(2048), keys.generate_rsa_key(2048, 'rsa-pkcs1v15-sha256')]:\n"
            + "    pub = keys.format_keyval_to_metadata(key['keytype'], key['scheme'], key['keyval'])\n"
            + "    sig = keys.create_signature(key, msg)\n"
            + "    print(json.dumps({'public': pub, 'private': key, 'keyid': key['keyid'],\n"
            + "                      'sig': sig['sig']}))\n";
    Path msg = dir.resolve("msg");
    Files.write(msg, MESSAGE);
    List<String> lines = python(dir, script, msg.toString()).stdout().lines().toList();
    assertEquals(4, lines.size(), String.join("\n", lines));
    List<SignatureAlgorithm> expected =
        List.of(
            SignatureAlgorithm.ED25519,
            SignatureAlgorithm.ECDSA_P256_SHA256,
            SignatureAlgorithm.RSA_PSS_SHA256,
            SignatureAlgorithm.RSA_PKCS1_SHA256);
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = Json.parseObject(Bytes.utf8(lines.get(i)), "python line " + i);
      VerificationKey pub =
          Keys.readPublicKeySslib(line.getObject("public").orElseThrow(), "python", "/public");
      assertEquals(expected.get(i), pub.algorithm());
      String keyid = line.getString("keyid").orElseThrow();
      assertTrue(pub.keyIdHints().contains(keyid), expected.get(i) + " " + keyid);
      byte[] sig = HexFormat.of().parseHex(line.getString("sig").orElseThrow());
      assertTrue(pub.verify(MESSAGE, sig), expected.get(i).toString());
      assertFalse(pub.verify("other".getBytes(StandardCharsets.UTF_8), sig));

      String privateJson = Json.write(line.getObject("private").orElseThrow()).toUtf8String();
      SigningKey key = Keys.readPrivateKeySslibJson(privateJson, "python private " + i);
      assertEquals(pub.keyId(), key.keyId());
      assertTrue(pub.verify(MESSAGE, key.sign(MESSAGE)));
    }
  }

  @Test
  void sscKeysAndSignaturesVerifyInSecuresystemslib(@TempDir Path dir) throws Exception {
    List<SignatureAlgorithm> algorithms =
        List.of(
            SignatureAlgorithm.ED25519,
            SignatureAlgorithm.ECDSA_P256_SHA256,
            SignatureAlgorithm.RSA_PSS_SHA256,
            SignatureAlgorithm.RSA_PKCS1_SHA256);
    Files.write(dir.resolve("msg"), MESSAGE);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < algorithms.size(); i++) {
      SignatureAlgorithm a = algorithms.get(i);
      SigningKey key =
          a == SignatureAlgorithm.RSA_PKCS1_SHA256 || a == SignatureAlgorithm.RSA_PSS_SHA256
              ? Keys.generateRsa(a, 2048)
              : Keys.generate(a);
      Files.writeString(dir.resolve(i + ".json.pub"), key.verifier().sslibJson());
      Files.writeString(dir.resolve(i + ".json"), key.exportSslibJson());
      Files.writeString(dir.resolve(i + ".pem.pub"), key.verifier().spkiPem());
      Files.writeString(dir.resolve(i + ".pem"), key.exportPkcs8Pem());
      Files.writeString(dir.resolve(i + ".sig"), HexFormat.of().formatHex(key.sign(MESSAGE)));
      expected.append(key.verifier().sslibKeyId()).append('\n');
    }
    String script =
        "import sys, json\n"
            + "from securesystemslib import keys, interface\n"
            + "msg = open('msg', 'rb').read()\n"
            + "schemes = ['ed25519', 'ecdsa-sha2-nistp256', 'rsassa-pss-sha256', 'rsa-pkcs1v15-sha256']\n"
            + "for i, scheme in enumerate(schemes):\n"
            + "    pub = keys.format_metadata_to_key(json.load(open(f'{i}.json.pub')))[0]\n"
            + "    sig = {'keyid': pub['keyid'], 'sig': open(f'{i}.sig').read()}\n"
            + "    assert keys.verify_signature(pub, sig, msg), scheme\n"
            + "    assert not keys.verify_signature(pub, sig, msg + b'x'), scheme\n"
            + "    if scheme.startswith('rsa'):\n"
            + "        priv = interface.import_rsa_privatekey_from_file(f'{i}.pem', scheme=scheme)\n"
            + "        pem_pub = interface.import_rsa_publickey_from_file(f'{i}.pem.pub', scheme=scheme)\n"
            + "        priv_json = keys.format_metadata_to_key(json.load(open(f'{i}.json')))[0]\n"
            + "        assert pem_pub['keyid'] == pub['keyid'], scheme\n"
            + "    elif scheme == 'ed25519':\n"
            + "        priv = interface.import_ed25519_privatekey_from_file(f'{i}.json')\n"
            + "        priv_json = priv\n"
            + "    else:\n"
            + "        priv = interface.import_ecdsa_privatekey_from_file(f'{i}.json')\n"
            + "        priv_json = keys.import_ecdsakey_from_private_pem(\n"
            + "            open(f'{i}.pem').read(), scheme)\n"
            + "    for k in (priv, priv_json):\n"
            + "        s = keys.create_signature(k, msg)\n"
            + "        assert keys.verify_signature(pub, s, msg), scheme\n"
            + "    print(pub['keyid'])\n"
            + "    open(f'{i}.py.sig', 'w').write(keys.create_signature(priv, msg)['sig'])\n";
    Peers.Result r = python(dir, script);
    assertEquals(expected.toString(), r.stdout(), r.output());
    for (int i = 0; i < algorithms.size(); i++) {
      VerificationKey pub =
          Keys.readPublicKeySslibJson(
              Files.readString(dir.resolve(i + ".json.pub")), i + ".json.pub");
      byte[] sig = HexFormat.of().parseHex(Files.readString(dir.resolve(i + ".py.sig")));
      assertTrue(pub.verify(MESSAGE, sig), algorithms.get(i).toString());
    }
  }

  @Test
  void sscReadsTheKeyFilesInTotoKeygenWrites(@TempDir Path dir) throws Exception {
    Path keygen = Peers.requireCommand("in-toto-keygen", "apt-get install in-toto");
    for (String[] t : new String[][] {{"ed25519", "ed"}, {"ecdsa", "ec"}, {"rsa", "rsa"}}) {
      String[] cmd =
          t[0].equals("rsa")
              ? new String[] {keygen.toString(), "-t", "rsa", "-b", "2048", t[1]}
              : new String[] {keygen.toString(), "-t", t[0], t[1]};
      Peers.Result r = Peers.run(dir, TIMEOUT, cmd);
      assertEquals(0, r.exitCode(), r.output());
    }
    String script =
        LOAD_PUBLIC
            + "for name, kind in [('ed', 'ed25519'), ('ec', 'ecdsa'), ('rsa', 'rsa')]:\n"
            + "    print(load_public(name + '.pub', kind)['keyid'])\n";
    List<String> ids = python(dir, script).stdout().lines().toList();

    VerificationKey ed =
        Keys.readPublicKeySslibJson(Files.readString(dir.resolve("ed.pub")), "ed.pub");
    VerificationKey ec =
        Keys.readPublicKeySslibJson(Files.readString(dir.resolve("ec.pub")), "ec.pub");
    VerificationKey rsa =
        Keys.readPublicKeyPem(Files.readString(dir.resolve("rsa.pub")), "rsa.pub");
    assertEquals(SignatureAlgorithm.ED25519, ed.algorithm());
    assertEquals(SignatureAlgorithm.ECDSA_P256_SHA256, ec.algorithm());
    assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, rsa.algorithm());
    List<VerificationKey> pubs = List.of(ed, ec, rsa);
    for (int i = 0; i < 3; i++) {
      assertEquals(ids.get(i), pubs.get(i).sslibKeyId(), pubs.get(i).toString());
      assertTrue(pubs.get(i).keyIdHints().contains(ids.get(i)));
    }
    SigningKey edKey = Keys.readPrivateKeySslibJson(Files.readString(dir.resolve("ed")), "ed");
    SigningKey ecKey = Keys.readPrivateKeySslibJson(Files.readString(dir.resolve("ec")), "ec");
    SigningKey rsaKey = Keys.readPrivateKeyPem(Files.readString(dir.resolve("rsa")), "rsa");
    List<SigningKey> keys = List.of(edKey, ecKey, rsaKey);
    for (int i = 0; i < 3; i++) {
      assertEquals(pubs.get(i).keyId(), keys.get(i).keyId());
      assertTrue(pubs.get(i).verify(MESSAGE, keys.get(i).sign(MESSAGE)));
    }
  }

  @Test
  void dsseEnvelopesVerifyBothWays(@TempDir Path dir) throws Exception {
    List<SigningKey> keys =
        List.of(
            Keys.generate(SignatureAlgorithm.ED25519),
            Keys.generate(SignatureAlgorithm.ECDSA_P256_SHA256),
            Keys.generateRsa(SignatureAlgorithm.RSA_PSS_SHA256, 2048));
    Bytes payload = Bytes.utf8("{\"_type\":\"https://in-toto.io/Statement/v1\",\"n\":\"\u00e9\"}");
    String[] kinds = {"ed25519", "ecdsa", "rsa"};
    for (int i = 0; i < keys.size(); i++) {
      Files.writeString(
          dir.resolve(i + ".env"),
          DsseCodec.encode(DsseSigner.sign(PAYLOAD_TYPE, payload, List.of(keys.get(i))))
              .toUtf8String());
      Files.writeString(
          dir.resolve(i + ".pub"),
          kinds[i].equals("rsa")
              ? keys.get(i).verifier().spkiPem()
              : keys.get(i).verifier().sslibJson());
      Files.writeString(
          dir.resolve(i + ".key"),
          kinds[i].equals("rsa") ? keys.get(i).exportPkcs8Pem() : keys.get(i).exportSslibJson());
    }
    // PAE per the DSSE specification, written here because securesystemslib 0.26 has no DSSE.
    String script =
        LOAD_PUBLIC
            + "import base64\n"
            + "from securesystemslib import interface\n"
            + "def pae(t, p):\n"
            + "    t = t.encode('utf-8')\n"
            + "    return b'DSSEv1 %d %s %d %s' % (len(t), t, len(p), p)\n"
            + "for i, kind in enumerate(['ed25519', 'ecdsa', 'rsa']):\n"
            + "    env = json.load(open(f'{i}.env'))\n"
            + "    pub = load_public(f'{i}.pub', kind)\n"
            + "    data = pae(env['payloadType'], base64.b64decode(env['payload']))\n"
            + "    sig = {'keyid': pub['keyid'], 'sig': base64.b64decode(env['signatures'][0]['sig']).hex()}\n"
            + "    assert keys.verify_signature(pub, sig, data), kind\n"
            + "    assert not keys.verify_signature(pub, sig, data + b' '), kind\n"
            + "    if kind == 'rsa':\n"
            + "        priv = interface.import_rsa_privatekey_from_file(f'{i}.key')\n"
            + "    else:\n"
            + "        priv = json.load(open(f'{i}.key'))\n"
            + "    payload = env['payload']\n"
            + "    s = keys.create_signature(priv, pae(env['payloadType'], base64.b64decode(payload)))\n"
            + "    out = {'payloadType': env['payloadType'], 'payload': payload,\n"
            + "           'signatures': [{'keyid': s['keyid'],\n"
            + "                           'sig': base64.b64encode(bytes.fromhex(s['sig'])).decode()}]}\n"
            + "    json.dump(out, open(f'{i}.py.env', 'w'))\n";
    Peers.Result done = python(dir, script);
    assertEquals("", done.stdout(), done.output());
    for (int i = 0; i < keys.size(); i++) {
      Bytes envelope = Bytes.of(Files.readAllBytes(dir.resolve(i + ".py.env")));
      DsseVerifier.SignatureCheck check =
          DsseVerifier.builder(KeyRing.of(keys.get(i).verifier()))
              .build()
              .verifySignatures(DsseCodec.decode(envelope, i + ".py.env"));
      assertTrue(check.thresholdMet(), kinds[i] + " " + check.findings());
      assertEquals(payload, DsseCodec.decode(envelope, "env").payload());
    }
  }

  @Test
  void inTotoRunSignsLinksWithSscKeyFiles(@TempDir Path dir) throws Exception {
    Path run = Peers.requireCommand("in-toto-run", "apt-get install in-toto");
    List<SigningKey> keys =
        List.of(
            Keys.generate(SignatureAlgorithm.ED25519),
            Keys.generate(SignatureAlgorithm.ECDSA_P256_SHA256),
            Keys.generateRsa(SignatureAlgorithm.RSA_PSS_SHA256, 2048));
    String[] kinds = {"ed25519", "ecdsa", "rsa"};
    Files.writeString(dir.resolve("foo.py"), "# Hello in-toto\n");
    for (int i = 0; i < keys.size(); i++) {
      SigningKey key = keys.get(i);
      Path keyFile = dir.resolve("k" + i);
      Files.writeString(
          keyFile, kinds[i].equals("rsa") ? key.exportPkcs8Pem() : key.exportSslibJson());
      Peers.Result r =
          Peers.run(
              dir,
              TIMEOUT,
              run.toString(),
              "-n",
              "step" + i,
              "-k",
              keyFile.toString(),
              "-t",
              kinds[i],
              "-p",
              "foo.py",
              "-x");
      assertEquals(0, r.exitCode(), r.output());
      String prefix = "step" + i + ".";
      String link;
      try (var files = Files.list(dir)) {
        Path linkFile =
            files
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link written: " + r.output()));
        link = Files.readString(linkFile);
      }
      JsonObject metadata = Json.parseObject(Bytes.utf8(link), "step" + i);
      byte[] signed =
          dev.ssc.attest.json.CanonicalJson.encode(metadata.getObject("signed").orElseThrow())
              .toByteArray();
      JsonObject sig =
          (JsonObject)
              ((dev.ssc.api.json.JsonArray) metadata.get("signatures").orElseThrow())
                  .elements()
                  .get(0);
      String keyid = sig.getString("keyid").orElseThrow();
      assertTrue(key.verifier().keyIdHints().contains(keyid), kinds[i] + " " + keyid);
      assertTrue(
          key.verifier()
              .verify(signed, HexFormat.of().parseHex(sig.getString("sig").orElseThrow())),
          kinds[i]);
    }
  }
}
