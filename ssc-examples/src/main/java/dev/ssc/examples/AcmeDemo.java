package dev.ssc.examples;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.attestation.AttestationVerification;
import dev.ssc.api.attestation.AttestationVerifier;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.identity.Role;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.pipeline.Pipeline;
import dev.ssc.api.pipeline.Stage;
import dev.ssc.api.pipeline.StageContext;
import dev.ssc.api.pipeline.StageResult;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.Policy;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.api.promotion.Environment;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.SignatureAlgorithm;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseSigner;
import dev.ssc.attest.dsse.DsseVerifier;
import dev.ssc.attest.keys.Keys;
import dev.ssc.attest.keys.SigningKey;
import dev.ssc.core.evidence.InMemoryEvidenceStore;
import dev.ssc.core.pipeline.PipelineRun;
import dev.ssc.core.pipeline.PipelineRunner;
import dev.ssc.core.pipeline.StageRun;
import dev.ssc.policy.Authority;
import dev.ssc.policy.Explanations;
import dev.ssc.policy.PolicyTestResult;
import dev.ssc.policy.PolicyTestSuite;
import dev.ssc.policy.RulePolicy;
import dev.ssc.policy.Rules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end story of Acme's delivery chain, as far as ssc goes today.
 *
 * <ol>
 *   <li>Acme's pipeline ({@code checkout -> build -> unit-tests}) runs on the CI runner. The runner
 *       signs each stage's statements with that stage's key: SLSA provenance by the build key, a
 *       test result about the very same jar digest by the test-runner key.
 *   <li>The evidence is verified (DSSE, trusted keys only) and handed to Acme's production policy:
 *       provenance from CI, passing tests on the release candidate itself, and a promoter with the
 *       {@code release-manager} role.
 *   <li>Three promotions are decided: the release candidate by a release manager (allowed), the
 *       same candidate by a developer (denied: role), and a jar built on a laptop (denied: no
 *       trusted provenance, no tests on that digest). Every denial says why and what would satisfy
 *       it.
 *   <li>Acme's full declarative policy ({@code policies/acme.yaml}: every rule of the mission) is
 *       written out with its test cases and their evidence (deterministic demo keys) and decided
 *       case by case, as {@code ssc policy test} does; the self-review denial is explained.
 * </ol>
 *
 * <p>Everything it writes goes to the output directory: the evidence envelopes, each decision as
 * text, and a summary. Time is fixed, so decisions are reproducible; keys are fresh per run. The
 * directory must be new, empty, or an earlier demo's output: the demo lists what it wrote in
 * {@value #MANIFEST} and, on the next run, removes exactly those files and nothing else.
 *
 * <p>Not thread-safe: one run at a time per output directory.
 */
public final class AcmeDemo {
  static final String PROVENANCE = "https://slsa.dev/provenance/v1";
  static final String TEST_RESULT = "https://in-toto.io/attestation/test-result/v0.1";
  static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final String COMMIT = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

  /** The file in the output directory that lists, one relative path a line, what the demo wrote. */
  public static final String MANIFEST = ".ssc-demo";

  private final PrintWriter out;

  /** A demo that reports to {@code out}. */
  public AcmeDemo(PrintWriter out) {
    this.out = requireNonNull(out, "out");
  }

  /** The outcome of the demo: each scenario's verdict, by scenario name. */
  public static final class Result {
    private final Map<String, Verdict> verdicts;

    Result(Map<String, Verdict> verdicts) {
      this.verdicts = Map.copyOf(verdicts);
    }

    /** Each scenario's verdict. */
    public Map<String, Verdict> verdicts() {
      return verdicts;
    }
  }

  /**
   * Runs the demo, writing its files under {@code dir}: a new or empty directory, or the output of
   * an earlier run, whose files it replaces.
   *
   * @throws java.nio.file.NotDirectoryException if {@code dir} exists and is not a directory
   * @throws java.nio.file.DirectoryNotEmptyException if {@code dir} holds files the demo did not
   *     write
   * @throws IOException if a file cannot be written
   * @throws InterruptedException if interrupted
   */
  public Result run(Path dir) throws IOException, InterruptedException {
    OutputDirectory.prepare(dir, MANIFEST);
    Files.createDirectories(dir.resolve("evidence"));
    Files.createDirectories(dir.resolve("decisions"));
    InstantSource clock = InstantSource.fixed(NOW);

    // Keys: each stage signs with its own key; a developer laptop has one too, which nobody trusts.
    SigningKey buildKey = Keys.generate(SignatureAlgorithm.ED25519);
    SigningKey testKey = Keys.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
    SigningKey laptopKey = Keys.generate(SignatureAlgorithm.ED25519);
    write(dir, "build-key.pub", buildKey.verifier().spkiPem());
    write(dir, "test-runner-key.pub", testKey.verifier().spkiPem());

    // 1. The pipeline runs and leaves signed evidence.
    Pipeline pipeline =
        Pipeline.builder("acme-web")
            .stage(new Checkout())
            .stage(new Build(), "checkout")
            .stage(new UnitTests(), "build")
            .build();
    InMemoryEvidenceStore store = InMemoryEvidenceStore.create();
    PipelineRun run =
        PipelineRunner.builder(store)
            .signer("build", buildKey)
            .signer("unit-tests", testKey)
            .clock(clock)
            .build()
            .run(
                pipeline,
                "acme-web-1842",
                Map.of("repository", "git+https://git.acme.dev/web", "commit", COMMIT));
    out.println("Pipeline " + run.pipeline() + " run " + run.runId() + ":");
    for (StageRun s : run.stages()) {
      out.printf("  %-11s %-9s %s%n", s.stage(), s.outcome(), s.summary());
    }
    Artifact candidate = run.stages().get(1).outputs().get(0);
    out.println("  release candidate: " + candidate.name() + " " + candidate.digest());

    // A jar built on a laptop, with provenance signed by the laptop's key and no tests.
    Artifact laptopJar =
        Artifact.of("acme-web-1.4.0-hotfix.jar", sha256Set(Bytes.utf8("hotfix built on a laptop")));
    Digest laptopEvidence =
        store.put(
            DsseCodec.encode(
                DsseSigner.sign(
                    statement(laptopJar, PROVENANCE, provenance("laptop://dave")), laptopKey)));
    out.println(
        "  also submitted: "
            + laptopJar.name()
            + ", built on a laptop, provenance signed by the laptop's key ("
            + laptopEvidence
            + ")");

    // 2. Verify every piece of evidence against the trusted keys; only verified evidence goes on.
    AttestationVerifier verifier =
        DsseVerifier.builder(KeyRing.of(buildKey.verifier(), testKey.verifier()))
            .clock(clock)
            .build();
    List<VerifiedAttestation> verified = new ArrayList<>();
    int rejected = 0;
    for (Digest id : store.ids()) {
      Bytes envelope = store.get(id).orElseThrow();
      write(dir, "evidence/" + id.value() + ".dsse.json", envelope);
      AttestationVerification v = verifier.verify(envelope);
      if (v.verdict() == Verdict.ALLOW) {
        verified.add(v.attestation().orElseThrow());
      } else {
        rejected++;
      }
    }
    out.println();
    out.println(
        "Evidence: "
            + store.ids().size()
            + " envelopes, "
            + verified.size()
            + " verified, "
            + rejected
            + " rejected (untrusted signer)");

    // 3. Decide three promotions to production.
    Environment production =
        Environment.builder()
            .name("production")
            .requiresPassed("staging")
            .addPromoters(Role.of("release-manager"))
            .build();
    Policy policy =
        RulePolicy.builder("acme/production")
            .rule(
                Rules.requireAttestation(
                    "build.provenance",
                    PROVENANCE,
                    Authority.of("ci", 1, List.of(buildKey.verifier()))))
            .rule(
                Rules.requireAttestation(
                    "tests.passed",
                    TEST_RESULT,
                    Authority.of("tests", 1, List.of(testKey.verifier()))))
            .rule(Rules.requirePromoterRole())
            .build();
    Principal rita = Principal.of("rita@acme.dev", Role.of("release-manager"));
    Principal dave = Principal.of("dave@acme.dev", Role.of("developer"));

    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    decide(
        dir,
        verdicts,
        "1-release-candidate-by-release-manager",
        policy,
        candidate,
        rita,
        production,
        verified);
    decide(
        dir,
        verdicts,
        "2-release-candidate-by-developer",
        policy,
        candidate,
        dave,
        production,
        verified);
    decide(
        dir,
        verdicts,
        "3-laptop-build-by-release-manager",
        policy,
        laptopJar,
        rita,
        production,
        verified);

    // 4. Acme's full policy: every rule of the mission, as a policy file with its own tests.
    runPolicyTests(dir);

    StringBuilder summary = new StringBuilder();
    verdicts.forEach(
        (name, verdict) -> summary.append(verdict).append(' ').append(name).append('\n'));
    write(dir, "summary.txt", summary.toString());
    out.println();
    out.println("Wrote evidence, decisions and summary.txt to " + dir);
    out.flush();
    return new Result(verdicts);
  }

  private void decide(
      Path dir,
      Map<String, Verdict> verdicts,
      String name,
      Policy policy,
      Artifact subject,
      Principal actor,
      Environment environment,
      List<VerifiedAttestation> evidence)
      throws IOException {
    Decision decision =
        policy.evaluate(
            PolicyInput.builder()
                .subject(subject.digest())
                .addAllEvidence(evidence)
                .environment(environment)
                .principal(actor)
                .time(NOW)
                .build());
    String text = Explanations.toText(decision);
    write(dir, "decisions/" + name + ".txt", text);
    verdicts.put(name, decision.verdict());
    out.println();
    out.println(
        "Promote " + subject.name() + " to " + environment.name() + " as " + actor.id() + ":");
    text.lines().forEach(l -> out.println("  " + l));
  }

  /**
   * Writes Acme's declarative policy and its test cases to {@code dir/policies}, regenerates their
   * evidence (deterministic demo keys), and runs the cases as {@code ssc policy test} does.
   */
  private void runPolicyTests(Path dir) throws IOException {
    Path policies = dir.resolve("policies");
    Files.createDirectories(policies.resolve("tests"));
    for (String file : List.of("acme.yaml", "tests/acme.test.yaml")) {
      try (var in = AcmeDemo.class.getResourceAsStream("policies/" + file)) {
        if (in == null) {
          throw new IOException("the ssc-examples jar lacks policies/" + file);
        }
        write(dir, "policies/" + file, Bytes.of(in.readAllBytes()));
      }
    }
    List<PolicyTestResult> results;
    try {
      AcmePolicyEvidence.writeAll(
          policies,
          (relative, content) -> {
            Files.createDirectories(policies.resolve(relative).getParent());
            write(dir, "policies/" + relative, Bytes.of(content));
          });
      results = PolicyTestSuite.load(policies).run();
    } catch (SscFormatException e) {
      throw new IOException("Acme's policy or its tests are invalid: " + e.getMessage(), e);
    }
    out.println();
    out.println(
        "Acme's full policy (policies/acme.yaml: provenance, main branch, base images, registries,");
    out.println(
        "review, tests, vulnerabilities, licenses, promotion) against its "
            + results.size()
            + " test cases:");
    int passed = 0;
    for (PolicyTestResult r : results) {
      out.println("  " + r.describe());
      passed += r.passed() ? 1 : 0;
    }
    out.println("  " + passed + " of " + results.size() + " cases decided as expected");
    for (PolicyTestResult r : results) {
      if (r.name().contains("self-review")) {
        out.println();
        out.println("Why a self-reviewed change is refused:");
        for (RuleResult rule : r.decision().results()) {
          if (rule.denies()) {
            out.println("  [" + rule.outcome() + "] " + rule.ruleId() + ": " + rule.message());
            rule.remedy().ifPresent(remedy -> out.println("    to satisfy: " + remedy));
          }
        }
      }
    }
    write(
        dir,
        "policies/test-results.txt",
        results.stream().map(PolicyTestResult::describe).reduce("", (a, b) -> a + b + "\n"));
    if (passed != results.size()) {
      throw new IllegalStateException("Acme's policy tests failed; see policies/test-results.txt");
    }
  }

  private static void write(Path dir, String relative, String text) throws IOException {
    write(dir, relative, Bytes.utf8(text));
  }

  private static void write(Path dir, String relative, Bytes content) throws IOException {
    OutputDirectory.write(dir, MANIFEST, relative, content.toByteArray());
  }

  static Statement statement(Artifact subject, String predicateType, JsonObject predicate) {
    return Statement.builder()
        .addSubjects(subject.toResourceDescriptor())
        .predicateType(predicateType)
        .predicate(predicate)
        .build();
  }

  static JsonObject provenance(String builderId) {
    return object(
        "buildDefinition",
            object(
                "buildType",
                new JsonString("https://acme.dev/build/maven@v1"),
                "externalParameters",
                object("repository", new JsonString("git+https://git.acme.dev/web"))),
        "runDetails", object("builder", object("id", new JsonString(builderId))));
  }

  static JsonObject object(Object... nameValuePairs) {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      members.put((String) nameValuePairs[i], (JsonValue) nameValuePairs[i + 1]);
    }
    return new JsonObject(members);
  }

  static DigestSet sha256Set(Bytes content) {
    return DigestSet.of(Digests.sha256(content));
  }

  /** Checks out the commit: its output is the source, identified by git commit id. */
  private static final class Checkout implements Stage {
    @Override
    public String name() {
      return "checkout";
    }

    @Override
    public StageResult run(StageContext ctx) {
      String commit = ctx.parameters().get("commit");
      return StageResult.builder()
          .status(StageResult.Status.SUCCEEDED)
          .summary("checked out " + commit)
          .addOutputs(
              Artifact.builder()
                  .name("source")
                  .digest(
                      DigestSet.of(
                          Digest.of(DigestAlgorithm.GIT_COMMIT, requireNonNull(commit, "commit"))))
                  .uri(ctx.parameters().getOrDefault("repository", "unknown"))
                  .build())
          .build();
    }
  }

  /** Builds the jar and states its SLSA provenance. */
  private static final class Build implements Stage {
    @Override
    public String name() {
      return "build";
    }

    @Override
    public StageResult run(StageContext ctx) {
      Artifact source = ctx.inputsFrom("checkout").get(0);
      Bytes jar =
          Bytes.of(
              ("acme-web 1.4.0 built from " + source.digest()).getBytes(StandardCharsets.UTF_8));
      Artifact artifact = Artifact.of("acme-web-1.4.0.jar", sha256Set(jar));
      return StageResult.builder()
          .status(StageResult.Status.SUCCEEDED)
          .summary("built " + artifact.name())
          .addOutputs(artifact)
          .addStatements(
              statement(artifact, PROVENANCE, provenance("https://ci.acme.dev/runners/linux")))
          .build();
    }
  }

  /** Runs the unit tests against the built jar and states the result about that exact digest. */
  private static final class UnitTests implements Stage {
    @Override
    public String name() {
      return "unit-tests";
    }

    @Override
    public StageResult run(StageContext ctx) {
      Artifact jar = ctx.inputsFrom("build").get(0);
      JsonObject result =
          object(
              "result", new JsonString("PASSED"),
              "configuration", new JsonArray(List.of(object("name", new JsonString("unit")))),
              "url", new JsonString("https://ci.acme.dev/runs/" + ctx.runId()));
      return StageResult.builder()
          .status(StageResult.Status.SUCCEEDED)
          .summary("412 tests passed on " + jar.digest().sha256().orElseThrow())
          .addStatements(statement(jar, TEST_RESULT, result))
          .build();
    }
  }
}
