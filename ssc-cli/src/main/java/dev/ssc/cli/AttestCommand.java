package dev.ssc.cli;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.json.JsonObject;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseSigner;
import dev.ssc.attest.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ssc attest}: sign an in-toto Statement v1 about files. */
@Command(
    name = "attest",
    mixinStandardHelpOptions = true,
    description = {
      "Sign an in-toto Statement about files.",
      "",
      "The statement's subjects are the SUBJECT_FILEs, each named as given and",
      "identified by its sha256; its predicate is the JSON object in FILE. The DSSE",
      "envelope goes to stdout."
    })
final class AttestCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "KEY", description = "Private key file.")
  @SuppressWarnings("NullAway.Init") // required
  Path key;

  @Option(
      names = "--predicate-type",
      required = true,
      paramLabel = "URI",
      description = "The predicate type, e.g. https://slsa.dev/provenance/v1.")
  @SuppressWarnings("NullAway.Init") // required
  String predicateType;

  @Option(
      names = "--predicate",
      required = true,
      paramLabel = "FILE",
      description = "The predicate: a JSON object.")
  @SuppressWarnings("NullAway.Init") // required
  Path predicate;

  @Parameters(paramLabel = "SUBJECT_FILE", arity = "1..*", description = "The subjects.")
  @SuppressWarnings("NullAway.Init") // required
  List<Path> subjects;

  @Override
  public Integer call() throws CliException, IOException {
    JsonObject body;
    try {
      body =
          Json.parseObject(
              InputFiles.read(predicate, "--predicate", InputFiles.MAX_DOCUMENT_BYTES),
              "--predicate " + predicate);
    } catch (SscFormatException e) {
      throw new CliException(String.valueOf(e.getMessage()));
    }
    Statement.Builder statement = Statement.builder().predicateType(predicateType).predicate(body);
    for (Path subject : subjects) {
      if (!Files.isRegularFile(subject)) {
        throw new CliException("cannot read SUBJECT_FILE " + subject + ": not a regular file");
      }
      try {
        statement.addSubjects(
            ResourceDescriptor.builder()
                .name(subjectName(subject))
                .digest(Digests.of(subject, DigestAlgorithm.SHA256))
                .build());
      } catch (NoSuchFileException e) {
        throw new CliException("cannot read SUBJECT_FILE " + subject + ": no such file");
      }
    }
    Statement built;
    try {
      built = statement.build();
    } catch (IllegalArgumentException e) {
      throw new CliException("cannot make the statement: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        DsseCodec.encode(DsseSigner.sign(built, KeyFiles.signer(key, "--key"))).toUtf8String());
    out.flush();
    return Main.OK;
  }

  /** The path as given, with separators as '/' and without a leading "./". */
  static String subjectName(Path subject) {
    String name = subject.normalize().toString().replace('\\', '/');
    return name.isEmpty() ? subject.toString() : name;
  }
}
