package dev.ssc.cli;

import dev.ssc.api.Bytes;
import dev.ssc.api.Finding;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Role;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.promotion.Environment;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseSigner;
import dev.ssc.attest.json.Json;
import dev.ssc.attest.keys.SigningKey;
import dev.ssc.policy.EnvironmentRules;
import dev.ssc.policy.EvidenceLoader;
import dev.ssc.policy.Explanations;
import dev.ssc.policy.PolicyLoader;
import dev.ssc.policy.PolicyTestResult;
import dev.ssc.policy.PolicyTestSuite;
import dev.ssc.policy.RulePolicy;
import dev.ssc.policy.VerificationSummaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ssc policy}: evaluate a policy file over evidence files, and run policy tests. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Evaluate policies and run policy tests.",
    subcommands = {PolicyCommand.Eval.class, PolicyCommand.Test.class},
    synopsisSubcommandLabel = "COMMAND")
final class PolicyCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli before call()
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(Main.ERROR_PREFIX + "no command given (see 'ssc policy --help')");
    return Main.ERROR;
  }

  /** The policy loader of every policy command: built-in rule types and those on the class path. */
  static PolicyLoader loader() throws CliException {
    try {
      return PolicyLoader.builder().discoverRuleProviders(Main.class.getClassLoader()).build();
    } catch (IllegalArgumentException e) {
      throw new CliException("rule types: " + e.getMessage());
    }
  }

  /** {@code ssc policy eval}. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Decide whether a policy allows a subject, given its evidence.",
        "",
        "EVIDENCE files are DSSE envelopes or bundles (JSON Lines of envelopes),",
        "verified against the keys of the policy's authorities; envelopes that do",
        "not verify do not count and are reported. The explanation goes to stdout.",
        "Exit 0 allowed, 1 denied, 2 could not decide."
      })
  static final class Eval implements Callable<Integer> {
    /** A role no roster grants; stands in for the promoters of an undefined environment. */
    private static final Role NO_ROLE = Role.of("undefined-environment");

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Option(
        names = "--policy",
        required = true,
        paramLabel = "FILE",
        description = "The policy file (YAML or JSON).")
    @SuppressWarnings("NullAway.Init") // required
    Path policyFile;

    @Option(
        names = "--environment",
        paramLabel = "ENV",
        description = "The environment to decide a promotion into.")
    @Nullable String environment;

    @Option(
        names = "--actor",
        paramLabel = "ID",
        description = "Who acts (roles from the policy's principals).")
    @Nullable String actor;

    @Option(
        names = "--at",
        paramLabel = "RFC3339",
        description = "Evaluation time, RFC 3339 (default: now).")
    @Nullable String at;

    @Option(names = "--json", description = "Print the decision as JSON.")
    boolean json;

    @Option(
        names = "--subject-file",
        paramLabel = "FILE",
        description = "The artifact decided on (by its sha256).")
    @Nullable Path subjectFile;

    @Option(
        names = "--subject-digest",
        paramLabel = "sha256:HEX",
        description = "The artifact decided on, by digest.")
    @Nullable String subjectDigest;

    @Option(
        names = "--vsa-out",
        paramLabel = "FILE",
        description = "On allow, write a SLSA VSA envelope signed with --vsa-key here.")
    @Nullable Path vsaOut;

    @Option(
        names = "--vsa-key",
        paramLabel = "KEY",
        description = "Private key file that signs the VSA (PEM or sslib JSON).")
    @Nullable Path vsaKey;

    @Option(
        names = "--verifier-id",
        paramLabel = "URI",
        description = "The VSA's verifier.id (default: ${DEFAULT-VALUE}).",
        defaultValue = "https://ssc.dev/cli/policy-eval")
    String verifierId = "https://ssc.dev/cli/policy-eval";

    @Parameters(
        arity = "0..*",
        paramLabel = "EVIDENCE",
        description = "DSSE envelope or bundle files.")
    List<Path> evidence = new ArrayList<>();

    @Override
    public Integer call() throws CliException, IOException {
      Instant now = Instant.now(); // the one clock reading: the engine never reads a clock
      Instant time = at == null ? now : parseTime(at);
      if ((vsaOut == null) != (vsaKey == null)) {
        throw new CliException("--vsa-out and --vsa-key go together");
      }
      Path keyFile = vsaKey;
      SigningKey vsaSigner = keyFile == null ? null : KeyFiles.signer(keyFile, "--vsa-key");
      DigestSet subject = subject();
      RulePolicy policy = loadPolicy(policyFile);
      EvidenceLoader evidenceLoader;
      try {
        evidenceLoader = EvidenceLoader.forPolicy(policy, InstantSource.fixed(now));
      } catch (IllegalArgumentException e) {
        throw new CliException("--policy " + policyFile + ": " + e.getMessage());
      }
      Map<Digest, VerifiedAttestation> accepted =
          new LinkedHashMap<>(); // a file given twice counts once
      List<EvidenceLoader.Rejected> rejected = new ArrayList<>();
      for (Path file : evidence) {
        Bytes bytes = InputFiles.read(file, "EVIDENCE", EvidenceLoader.MAX_FILE_BYTES);
        EvidenceLoader.Result r;
        try {
          r = evidenceLoader.load(bytes, file.toString());
        } catch (SscFormatException e) {
          throw new CliException("cannot read EVIDENCE " + e.getMessage());
        }
        r.accepted().forEach(a -> accepted.putIfAbsent(a.evidenceId(), a));
        rejected.addAll(r.rejected());
      }

      PolicyInput.Builder input =
          PolicyInput.builder().subject(subject).time(time).addAllEvidence(accepted.values());
      String env = environment;
      if (env != null) {
        input.environment(environment(policy, env));
      }
      String who = actor;
      if (who != null) {
        if (who.isBlank()) {
          throw new CliException("--actor must not be blank");
        }
        input.principal(policy.principal(who));
      }
      Decision decision = policy.evaluate(input.build());

      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(toJson(decision, rejected));
      } else {
        PrintWriter err = spec.commandLine().getErr();
        for (EvidenceLoader.Rejected r : rejected) {
          err.println("ssc: warning: evidence not counted: " + r.describe());
        }
        err.flush();
        out.print(Explanations.toText(decision));
      }
      out.flush();
      Path vsaFile = vsaOut;
      if (vsaFile != null && vsaSigner != null) {
        writeVsa(decision, policy, vsaFile, vsaSigner);
      }
      return decision.verdict() == Verdict.ALLOW ? Main.OK : Main.NEGATIVE;
    }

    /** On allow, signs the decision's VSA and writes it; on deny, says that none was written. */
    private void writeVsa(Decision decision, RulePolicy policy, Path file, SigningKey signer)
        throws CliException, IOException {
      if (decision.verdict() != Verdict.ALLOW) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("ssc: warning: no VSA written to " + file + ": the policy denied");
        err.flush();
        return;
      }
      VerificationSummaries.Options.Builder options =
          VerificationSummaries.Options.builder()
              .verifierId(verifierId)
              .resourceUri(
                  subjectFile != null
                      ? subjectFile.getFileName().toString()
                      : decision.subject().digests().iterator().next().toString());
      if (environment != null) {
        options.environment(environment);
      }
      policy.digest().ifPresent(options::policyDigest);
      Statement vsa;
      try {
        vsa = VerificationSummaries.summarize(decision, options.build());
      } catch (IllegalArgumentException e) {
        throw new CliException("cannot write the VSA: " + e.getMessage());
      }
      String envelope =
          new String(
              DsseCodec.encode(DsseSigner.sign(vsa, signer)).toByteArray(), StandardCharsets.UTF_8);
      OutputFiles.writeAll(
          List.of(new OutputFiles.NewFile(file, envelope + "\n", OutputFiles.READABLE)));
    }

    private static Instant parseTime(String text) throws CliException {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw new CliException(
            "--at: not an RFC 3339 time like 2026-12-01T12:00:00Z: '" + text + "'");
      }
    }

    private DigestSet subject() throws CliException, IOException {
      Path file = subjectFile;
      String digest = subjectDigest;
      if ((file == null) == (digest == null)) {
        throw new CliException(
            "give exactly one of --subject-file FILE or --subject-digest sha256:HEX"
                + " (see 'ssc policy eval --help')");
      }
      if (digest != null) {
        Digest d;
        try {
          d = Digest.parse(digest);
        } catch (IllegalArgumentException e) {
          throw new CliException("--subject-digest: " + e.getMessage());
        }
        if (!d.algorithm().isAcceptedForMatching()) {
          throw new CliException(
              "--subject-digest: " + d.algorithm() + " is not collision-resistant; use sha256");
        }
        return DigestSet.of(d);
      }
      if (file == null) {
        throw new AssertionError("checked above");
      }
      if (!Files.exists(file)) {
        throw new CliException("cannot read --subject-file " + file + ": no such file");
      }
      if (!Files.isRegularFile(file)) {
        throw new CliException("cannot read --subject-file " + file + ": not a regular file");
      }
      try {
        return DigestSet.of(Digests.sha256(file));
      } catch (IOException e) {
        throw new CliException("cannot read --subject-file " + file + ": " + Main.describe(e));
      }
    }

    private static Environment environment(RulePolicy policy, String name) throws CliException {
      EnvironmentRules defined = policy.environments().get(name);
      if (defined != null) {
        return defined.environment();
      }
      if (policy.environments().isEmpty()) {
        throw new CliException(
            "--environment " + name + ": policy " + policy.id() + " defines no environments");
      }
      try {
        // The policy denies an environment it does not define (rule policy.environment) before
        // any rule could look at the promoters.
        return Environment.builder().name(name).addPromoters(NO_ROLE).build();
      } catch (IllegalArgumentException e) {
        throw new CliException(
            "--environment: not an environment name (lowercase letters, digits and dashes): '"
                + name
                + "'");
      }
    }

    private static String toJson(Decision decision, List<EvidenceLoader.Rejected> rejected) {
      JsonObject explanation;
      try {
        explanation =
            Json.parseObject(
                Bytes.of(Explanations.toJson(decision).getBytes(StandardCharsets.UTF_8)),
                "explanation");
      } catch (SscFormatException e) {
        throw new IllegalStateException("Explanations.toJson wrote invalid JSON", e);
      }
      Map<String, JsonValue> m = new LinkedHashMap<>(explanation.members());
      List<JsonValue> items = new ArrayList<>();
      for (EvidenceLoader.Rejected r : rejected) {
        Map<String, JsonValue> item = new LinkedHashMap<>();
        item.put("file", new JsonString(r.source()));
        r.line().ifPresent(l -> item.put("line", JsonNumber.of(l)));
        r.evidenceId().ifPresent(id -> item.put("evidence", new JsonString(id.toString())));
        List<JsonValue> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
          Map<String, JsonValue> fm = new LinkedHashMap<>();
          fm.put("code", new JsonString(f.code()));
          fm.put("level", new JsonString(f.level().name()));
          fm.put("message", new JsonString(f.message()));
          f.location().ifPresent(l -> fm.put("location", new JsonString(l)));
          findings.add(new JsonObject(fm));
        }
        item.put("findings", new JsonArray(findings));
        items.add(new JsonObject(item));
      }
      m.put("rejectedEvidence", new JsonArray(items));
      return new String(Json.write(new JsonObject(m)).toByteArray(), StandardCharsets.UTF_8);
    }
  }

  /** Loads {@code file} as a policy; every problem is one line, never a stack trace. */
  static RulePolicy loadPolicy(Path file) throws CliException {
    if (!Files.exists(file)) {
      throw new CliException("cannot read --policy " + file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new CliException("cannot read --policy " + file + ": not a regular file");
    }
    try {
      return loader().load(file);
    } catch (SscFormatException e) {
      throw new CliException(String.valueOf(e.getMessage()));
    } catch (IOException e) {
      throw new CliException("cannot read --policy " + file + ": " + Main.describe(e));
    }
  }

  /** {@code ssc policy test}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Run the policy test cases in a directory.",
        "",
        "Every *.test.yaml, *.test.yml and *.test.json file under DIR names a",
        "policy and lists cases: inputs and the expected decision. Prints PASS or",
        "FAIL per case and a summary. Exit 0 all passed, 1 a case failed, 2 the",
        "tests could not be loaded."
      })
  static final class Test implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The directory of test files.")
    @SuppressWarnings("NullAway.Init") // required
    Path dir;

    @Override
    public Integer call() throws CliException {
      if (!Files.exists(dir)) {
        throw new CliException("cannot read DIR " + dir + ": no such directory");
      }
      PolicyTestSuite suite;
      try {
        suite = PolicyTestSuite.load(dir, loader());
      } catch (SscFormatException e) {
        throw new CliException(String.valueOf(e.getMessage()));
      } catch (IOException e) {
        throw new CliException("cannot load the tests in " + dir + ": " + Main.describe(e));
      }
      PrintWriter out = spec.commandLine().getOut();
      int failed = 0;
      List<PolicyTestResult> results = suite.run();
      for (PolicyTestResult r : results) {
        out.println(r.describe());
        if (!r.passed()) {
          failed++;
        }
      }
      int files = suite.files().size();
      out.println(
          (results.size() - failed)
              + " passed, "
              + failed
              + " failed ("
              + results.size()
              + (results.size() == 1 ? " case" : " cases")
              + " in "
              + files
              + (files == 1 ? " file)" : " files)"));
      out.flush();
      return failed == 0 ? Main.OK : Main.NEGATIVE;
    }
  }
}
