package dev.ssc.cli;

import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ssc key}: key files. */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = "Generate signing keys.",
    subcommands = {KeyCommand.Generate.class})
final class KeyCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(Main.ERROR_PREFIX + "name a key command (see 'ssc key --help')");
    return Main.ERROR;
  }

  /** The key types of {@code --type}. */
  enum Type {
    ed25519(SignatureAlgorithm.ED25519),
    ecdsa_p256(SignatureAlgorithm.ECDSA_P256_SHA256),
    ecdsa_p384(SignatureAlgorithm.ECDSA_P384_SHA384),
    rsa(SignatureAlgorithm.RSA_PSS_SHA256);

    final SignatureAlgorithm algorithm;

    Type(SignatureAlgorithm algorithm) {
      this.algorithm = algorithm;
    }

    static Type parse(String value) throws CliException {
      for (Type t : values()) {
        if (t.label().equals(value)) {
          return t;
        }
      }
      throw new CliException(
          "--type must be one of ed25519, ecdsa-p256, ecdsa-p384, rsa; got '" + value + "'");
    }

    String label() {
      return name().replace('_', '-');
    }
  }

  /** {@code ssc key generate}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Generate a key pair: PREFIX.key (PKCS#8 PEM, readable by its owner only) and",
        "PREFIX.pub (SPKI PEM). RSA keys are 3072 bits and sign RSASSA-PSS with SHA-256.",
        "Existing files are never overwritten."
      })
  static final class Generate implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandSpec spec;

    @Option(
        names = "--type",
        required = true,
        paramLabel = "TYPE",
        description = "ed25519, ecdsa-p256, ecdsa-p384 or rsa.")
    @SuppressWarnings("NullAway.Init") // required
    String type;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Path prefix.")
    @SuppressWarnings("NullAway.Init") // required
    String out;

    @Override
    public Integer call() throws CliException, IOException {
      Type t = Type.parse(type);
      SigningKey key = Keys.generate(t.algorithm);
      Path priv = Path.of(out + ".key");
      Path pub = Path.of(out + ".pub");
      OutputFiles.writeAll(
          List.of(
              new OutputFiles.NewFile(priv, key.exportPkcs8Pem(), OutputFiles.OWNER_ONLY),
              new OutputFiles.NewFile(pub, key.verifier().spkiPem(), OutputFiles.READABLE)));
      spec.commandLine()
          .getOut()
          .println(t.label() + " key " + key.keyId() + ": " + priv + " " + pub);
      return Main.OK;
    }
  }
}
