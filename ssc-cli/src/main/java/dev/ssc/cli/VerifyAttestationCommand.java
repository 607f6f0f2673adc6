package dev.ssc.cli;

import dev.ssc.api.Bytes;
import dev.ssc.api.Finding;
import dev.ssc.api.attestation.AttestationVerification;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.dsse.DsseVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ssc verify-attestation}: an attestation's signature and that it is about a file. */
@Command(
    name = "verify-attestation",
    mixinStandardHelpOptions = true,
    description = {
      "Verify an attestation's signature and subject.",
      "",
      "ENVELOPE must hold an in-toto Statement signed by a trusted key AND about the",
      "file --subject (by digest; names are ignored), optionally of one predicate",
      "type. Exit 0 verified, 1 not (the reasons on stderr)."
    })
final class VerifyAttestationCommand implements Callable<Integer> {
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
      names = "--predicate-type",
      paramLabel = "URI",
      description = "The predicate type the statement must have.")
  Optional<String> predicateType = Optional.empty();

  @Option(
      names = "--subject",
      required = true,
      paramLabel = "FILE",
      description = "The file the statement must be about.")
  @SuppressWarnings("NullAway.Init") // required
  Path subject;

  @Parameters(paramLabel = "ENVELOPE", description = "The DSSE envelope JSON file.")
  @SuppressWarnings("NullAway.Init") // required
  Path envelope;

  @Override
  public Integer call() throws CliException, IOException {
    KeyRing ring = KeyFiles.keyRing(keys, "--key");
    Bytes bytes = InputFiles.read(envelope, "ENVELOPE", InputFiles.MAX_DOCUMENT_BYTES);
    if (!Files.isRegularFile(subject)) {
      throw new CliException("cannot read --subject " + subject + ": not a regular file");
    }
    DigestSet digest =
        Digests.of(subject, DigestAlgorithm.SHA256, DigestAlgorithm.SHA384, DigestAlgorithm.SHA512);

    AttestationVerification result = DsseVerifier.builder(ring).build().verify(bytes);
    List<Finding> findings = new ArrayList<>(result.findings());
    Optional<VerifiedAttestation> verified = result.attestation();
    if (verified.isPresent()) {
      Statement statement = verified.get().statement();
      if (!statement.isAbout(digest)) {
        findings.add(
            Finding.of(
                "attestation.subject.mismatch",
                "the statement is not about "
                    + subject
                    + " ("
                    + digest.get(DigestAlgorithm.SHA256).orElseThrow()
                    + "); its subjects: "
                    + subjects(statement)));
      }
      predicateType
          .filter(t -> !t.equals(statement.predicateType()))
          .ifPresent(
              t ->
                  findings.add(
                      Finding.of(
                          "attestation.predicate-type.mismatch",
                          "expected predicate type '"
                              + t
                              + "', got '"
                              + statement.predicateType()
                              + "'")));
    }
    boolean ok =
        verified.isPresent()
            && findings.stream().noneMatch(f -> f.level() == Finding.Level.FAILURE);
    if (!ok) {
      Reports.denial(spec.commandLine().getErr(), "envelope " + envelope, findings);
      return Main.NEGATIVE;
    }
    VerifiedAttestation a = verified.orElseThrow();
    spec.commandLine()
        .getOut()
        .println(
            "verified: "
                + a.statement().predicateType()
                + " about "
                + subject
                + " ("
                + digest.get(DigestAlgorithm.SHA256).orElseThrow()
                + ") signed by "
                + String.join(", ", a.signerKeyIds()));
    return Main.OK;
  }

  private static String subjects(Statement statement) {
    List<String> names = new ArrayList<>();
    statement.subjects().forEach(s -> names.add(s.name().orElse("?") + " " + s.digest()));
    return String.join(", ", names);
  }
}
