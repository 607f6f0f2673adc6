package dev.ssc.cli;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseSigner;
import dev.ssc.attest.dsse.DsseVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ssc dsse}: sign and verify DSSE envelopes of any payload. */
@Command(
    name = "dsse",
    mixinStandardHelpOptions = true,
    description = "Sign and verify DSSE envelopes.",
    subcommands = {DsseCommand.Sign.class, DsseCommand.Verify.class})
final class DsseCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(Main.ERROR_PREFIX + "name a dsse command (see 'ssc dsse --help')");
    return Main.ERROR;
  }

  /** {@code ssc dsse sign}. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = "Sign PAYLOAD_FILE; the envelope JSON goes to stdout.")
  static final class Sign implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Private key file.")
    @SuppressWarnings("NullAway.Init") // required
    Path key;

    @Option(
        names = "--payload-type",
        paramLabel = "TYPE",
        defaultValue = Envelope.IN_TOTO_PAYLOAD_TYPE,
        description = "Payload type (default: ${DEFAULT-VALUE}).")
    @SuppressWarnings("NullAway.Init") // has a default
    String payloadType;

    @Parameters(paramLabel = "PAYLOAD_FILE", description = "The bytes to sign, as they are.")
    @SuppressWarnings("NullAway.Init") // required
    Path payload;

    @Override
    public Integer call() throws CliException, IOException {
      Bytes bytes = InputFiles.read(payload, "PAYLOAD_FILE", InputFiles.MAX_PAYLOAD_BYTES);
      Envelope envelope =
          DsseSigner.sign(payloadType, bytes, List.of(KeyFiles.signer(key, "--key")));
      PrintWriter out = spec.commandLine().getOut();
      out.println(DsseCodec.encode(envelope).toUtf8String());
      out.flush();
      return Main.OK;
    }
  }

  /** {@code ssc dsse verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verify ENVELOPE's signatures: valid when signatures by at least N distinct",
        "given keys verify. Exit 0 valid, 1 invalid (the reason on stderr)."
      })
  static final class Verify implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandSpec spec;

    @Option(
        names = "--key",
        required = true,
        paramLabel = "PUB",
        description = "A trusted public key file; repeat for more.")
    @SuppressWarnings("NullAway.Init") // required
    List<Path> keys;

    @Option(
        names = "--threshold",
        paramLabel = "N",
        defaultValue = "1",
        description = "Distinct trusted keys that must have signed (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Parameters(paramLabel = "ENVELOPE", description = "The DSSE envelope JSON file.")
    @SuppressWarnings("NullAway.Init") // required
    Path envelope;

    @Override
    public Integer call() throws CliException {
      KeyRing ring = KeyFiles.keyRing(keys, "--key");
      if (threshold < 1 || threshold > ring.size()) {
        throw new CliException(
            "--threshold must be between 1 and the number of distinct keys given ("
                + ring.size()
                + "), got "
                + threshold);
      }
      Bytes bytes = InputFiles.read(envelope, "ENVELOPE", InputFiles.MAX_DOCUMENT_BYTES);
      Envelope decoded;
      try {
        decoded = DsseCodec.decode(bytes, envelope.toString());
      } catch (SscFormatException e) {
        throw new CliException(String.valueOf(e.getMessage()));
      }
      DsseVerifier.SignatureCheck check =
          DsseVerifier.builder(ring).threshold(threshold).build().verifySignatures(decoded);
      if (!check.thresholdMet()) {
        Reports.denial(spec.commandLine().getErr(), "envelope " + envelope, check.findings());
        return Main.NEGATIVE;
      }
      spec.commandLine()
          .getOut()
          .println(
              "verified: "
                  + envelope
                  + " signed by "
                  + check.signerKeyIds().size()
                  + " of "
                  + threshold
                  + " required trusted key(s): "
                  + String.join(", ", check.signerKeyIds()));
      return Main.OK;
    }
  }
}
