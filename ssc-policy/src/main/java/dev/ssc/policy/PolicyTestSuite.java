package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.Verdict;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Role;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.api.promotion.Environment;
import dev.ssc.attest.digest.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Policy tests as data: files of cases, each an input (subject, evidence files, environment, actor,
 * time) and the decision a policy must reach for it, like {@code conftest verify} or {@code kyverno
 * test}.
 *
 * <p>{@link #load} reads every test file ({@code *.test.yaml}, {@code *.test.yml} or {@code
 * *.test.json}) under a directory, the policies they name and the evidence files of every case, and
 * verifies each envelope against its policy's authorities, as {@code ssc policy eval} does;
 * envelopes that do not verify do not count as evidence. Test files are parsed as strictly as
 * policies: unknown fields, duplicate keys and bad values are errors naming {@code
 * file:line:column}. {@link #run} then only evaluates, so it is pure and repeatable: every case
 * names its evaluation time. The format is described in {@code docs/policy.md}.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> policyTests() throws Exception {
 *   return PolicyTestSuite.load(Path.of("policies/tests")).run().stream()
 *       .map(r -> DynamicTest.dynamicTest(r.name(),
 *           () -> assertTrue(r.passed(), r.describe())));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyTestSuite {
  /** The {@code apiVersion} of test files. */
  public static final String API_VERSION = "ssc.dev/policy-test/v1";

  private static final Set<String> TOP_LEVEL =
      Set.of("apiVersion", "kind", "policy", "description", "cases");
  private static final Set<String> CASE_FIELDS =
      Set.of(
          "name",
          "description",
          "subject",
          "subjectFile",
          "environment",
          "actor",
          "at",
          "evidence",
          "expect");
  private static final Set<String> EXPECT_FIELDS = Set.of("decision", "failing");
  private static final Role NO_ROLE = Role.of("undefined-environment");

  private final List<Path> files;
  private final List<TestCase> cases;

  private PolicyTestSuite(List<Path> files, List<TestCase> cases) {
    this.files = List.copyOf(files);
    this.cases = List.copyOf(cases);
  }

  /**
   * Loads the test files under {@code path} (or the one test file {@code path}), with the built-in
   * rule types.
   *
   * @throws IOException if a file cannot be read
   * @throws SscFormatException if a test file, a policy or an evidence file is invalid, or there is
   *     no test file
   */
  public static PolicyTestSuite load(Path path) throws IOException, SscFormatException {
    return load(path, PolicyLoader.withBuiltIns());
  }

  /**
   * Loads the test files under {@code path} (or the one test file {@code path}), reading their
   * policies with {@code loader}. Files are read in path order; a policy named by several test
   * files is loaded once.
   *
   * @throws IOException if a file cannot be read
   * @throws SscFormatException if a test file, a policy or an evidence file is invalid, or there is
   *     no test file
   */
  public static PolicyTestSuite load(Path path, PolicyLoader loader)
      throws IOException, SscFormatException {
    requireNonNull(path, "path");
    requireNonNull(loader, "loader");
    List<Path> files = new ArrayList<>();
    if (Files.isRegularFile(path)) {
      files.add(path);
    } else if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(PolicyTestSuite::isTestFile).filter(Files::isRegularFile).forEach(files::add);
      }
      Collections.sort(files);
    } else {
      throw new java.nio.file.NoSuchFileException(path.toString());
    }
    if (files.isEmpty()) {
      throw new SscFormatException(
          path + ": no test files (named *.test.yaml, *.test.yml or *.test.json)");
    }
    Map<Path, RulePolicy> policies = new LinkedHashMap<>();
    List<TestCase> cases = new ArrayList<>();
    for (Path f : files) {
      new Reader(f, loader, policies).read(cases);
    }
    return new PolicyTestSuite(files, cases);
  }

  private static boolean isTestFile(Path p) {
    Path name = p.getFileName();
    if (name == null) {
      return false;
    }
    String n = name.toString();
    return n.endsWith(".test.yaml") || n.endsWith(".test.yml") || n.endsWith(".test.json");
  }

  /** The test files, in the order their cases run. */
  public List<Path> files() {
    return files;
  }

  /** The number of cases. */
  public int size() {
    return cases.size();
  }

  /** Evaluates every case, in file order then case order. */
  public List<PolicyTestResult> run() {
    List<PolicyTestResult> results = new ArrayList<>(cases.size());
    for (TestCase c : cases) {
      results.add(c.run());
    }
    return Collections.unmodifiableList(results);
  }

  @Override
  public String toString() {
    return "PolicyTestSuite[" + cases.size() + " cases in " + files.size() + " files]";
  }

  /** The top-level rule ids whose results deny, sorted. */
  static Set<String> failing(Decision decision) {
    Set<String> ids = new TreeSet<>();
    for (RuleResult r : decision.results()) {
      if (r.denies()) {
        ids.add(r.ruleId());
      }
    }
    return ids;
  }

  /** One loaded case: the policy, its input and what is expected. */
  private static final class TestCase {
    final String name;
    final String location;
    final RulePolicy policy;
    final PolicyInput input;
    final Verdict expected;
    final Optional<Set<String>> expectedFailing;
    final List<EvidenceLoader.Rejected> rejected;

    TestCase(
        String name,
        String location,
        RulePolicy policy,
        PolicyInput input,
        Verdict expected,
        Optional<Set<String>> expectedFailing,
        List<EvidenceLoader.Rejected> rejected) {
      this.name = name;
      this.location = location;
      this.policy = policy;
      this.input = input;
      this.expected = expected;
      this.expectedFailing = expectedFailing;
      this.rejected = rejected;
    }

    PolicyTestResult run() {
      Decision decision = policy.evaluate(input);
      Set<String> failing = failing(decision);
      boolean ok =
          decision.verdict() == expected
              && expectedFailing.map(f -> f.equals(failing)).orElse(true);
      Optional<String> failure = Optional.empty();
      if (!ok) {
        StringBuilder sb = new StringBuilder("expected ").append(verdict(expected));
        expectedFailing.ifPresent(f -> sb.append(" with failing ").append(f));
        sb.append(", got ").append(verdict(decision.verdict()));
        if (decision.verdict() == Verdict.DENY) {
          sb.append(" with failing ").append(failing);
        }
        if (!rejected.isEmpty()) {
          List<String> notCounted = new ArrayList<>();
          for (EvidenceLoader.Rejected r : rejected) {
            StringBuilder n = new StringBuilder(r.source());
            r.line().ifPresent(l -> n.append(':').append(l));
            if (!r.findings().isEmpty()) {
              n.append(" (").append(r.findings().get(r.findings().size() - 1).code()).append(')');
            }
            notCounted.add(n.toString());
          }
          sb.append("; evidence not counted: ").append(String.join(", ", notCounted));
        }
        failure = Optional.of(sb.toString());
      }
      return new PolicyTestResult(name, location, failure, decision, rejected);
    }

    private static String verdict(Verdict v) {
      return v == Verdict.ALLOW ? "allow" : "deny";
    }
  }

  /** Reads one test file; confined. */
  private static final class Reader {
    private final Path file;
    private final Path dir;
    private final PolicyLoader loader;
    private final Map<Path, RulePolicy> policies;

    Reader(Path file, PolicyLoader loader, Map<Path, RulePolicy> policies) {
      this.file = file;
      Path parent = file.toAbsolutePath().getParent();
      this.dir = parent == null ? Path.of(".") : parent;
      this.loader = loader;
      this.policies = policies;
    }

    void read(List<TestCase> into) throws IOException, SscFormatException {
      byte[] bytes = PolicyLoader.readBounded(file, PolicyNode.MAX_BYTES, file.toString());
      PolicyNode root =
          PolicyNode.parse(PolicyLoader.decodeUtf8(bytes, file.toString()), file.toString());
      if (!root.isMap()) {
        throw root.error("a policy test must be a map with apiVersion, kind, policy and cases");
      }
      onlyFields(root, "a policy test", TOP_LEVEL);
      PolicyNode version = required(root, "apiVersion");
      if (!version.isScalar() || !version.text().equals(API_VERSION)) {
        throw version.error(
            "apiVersion must be '" + API_VERSION + "', found " + version.describe());
      }
      PolicyNode kind = required(root, "kind");
      if (!kind.isScalar() || !kind.text().equals("PolicyTest")) {
        throw kind.error("kind must be 'PolicyTest', found " + kind.describe());
      }
      text(root, "description");
      PolicyNode policyNode = required(root, "policy");
      RulePolicy policy = policy(policyNode);
      PolicyNode cases = required(root, "cases");
      if (!cases.isList() || cases.items().isEmpty()) {
        throw cases.error("'cases' must be a non-empty list, found " + cases.describe());
      }
      Map<String, Integer> names = new LinkedHashMap<>();
      for (PolicyNode c : cases.items()) {
        into.add(testCase(c, policy, policyNode, names));
      }
    }

    private RulePolicy policy(PolicyNode node) throws IOException, SscFormatException {
      Path path = dir.resolve(scalar(node, "policy")).normalize();
      RulePolicy cached = policies.get(path);
      if (cached != null) {
        return cached;
      }
      if (!Files.isRegularFile(path)) {
        throw node.error("policy file not found: " + path);
      }
      RulePolicy policy = loader.load(path);
      policies.put(path, policy);
      return policy;
    }

    private TestCase testCase(
        PolicyNode node, RulePolicy policy, PolicyNode policyNode, Map<String, Integer> names)
        throws IOException, SscFormatException {
      if (!node.isMap()) {
        throw node.error("a case must be a map with name, at, expect, found " + node.describe());
      }
      onlyFields(node, "a case", CASE_FIELDS);
      PolicyNode nameNode = required(node, "name");
      String name = scalar(nameNode, "name");
      Integer earlier = names.putIfAbsent(name, nameNode.line());
      if (earlier != null) {
        throw nameNode.error("case name '" + name + "' is already used at line " + earlier);
      }
      text(node, "description");

      PolicyNode atNode = required(node, "at");
      var unused = scalar(atNode, "at");
      Instant at = NodeRuleConfig.parseInstant(atNode, "at");

      PolicyInput.Builder input = PolicyInput.builder().time(at).subject(subject(node));
      Optional<PolicyNode> envNode = node.field("environment");
      if (envNode.isPresent()) {
        input.environment(environment(envNode.get(), policy));
      }
      Optional<PolicyNode> actor = node.field("actor");
      if (actor.isPresent()) {
        input.principal(policy.principal(scalar(actor.get(), "actor")));
      }

      List<EvidenceLoader.Rejected> rejected = new ArrayList<>();
      Map<Digest, VerifiedAttestation> accepted = new LinkedHashMap<>(); // listed twice: once
      Optional<PolicyNode> evidence = node.field("evidence");
      if (evidence.isPresent() && evidence.get().kind() != PolicyNode.Kind.NULL) {
        EvidenceLoader verifier;
        try {
          verifier = EvidenceLoader.forPolicy(policy, InstantSource.fixed(at));
        } catch (IllegalArgumentException e) {
          throw policyNode.error(String.valueOf(e.getMessage()));
        }
        for (PolicyNode item : items(evidence.get(), "evidence")) {
          String written = scalar(item, "evidence");
          Path path = dir.resolve(written).normalize();
          if (!Files.isRegularFile(path)) {
            throw item.error("evidence file not found: " + path);
          }
          EvidenceLoader.Result r;
          try {
            // Named as written, relative to the test file, in results and messages.
            byte[] bytes =
                PolicyLoader.readBounded(path, EvidenceLoader.MAX_FILE_BYTES, path.toString());
            r = verifier.load(Bytes.of(bytes), written);
          } catch (SscFormatException e) {
            throw item.error(String.valueOf(e.getMessage()));
          }
          r.accepted().forEach(a -> accepted.putIfAbsent(a.evidenceId(), a));
          rejected.addAll(r.rejected());
        }
      }

      input.addAllEvidence(accepted.values());

      PolicyNode expect = required(node, "expect");
      if (!expect.isMap()) {
        throw expect.error("'expect' must be a map with decision and failing");
      }
      onlyFields(expect, "expect", EXPECT_FIELDS);
      PolicyNode decisionNode = required(expect, "decision");
      Verdict expected;
      switch (scalar(decisionNode, "decision")) {
        case "allow":
          expected = Verdict.ALLOW;
          break;
        case "deny":
          expected = Verdict.DENY;
          break;
        default:
          throw decisionNode.error(
              "decision must be 'allow' or 'deny', found " + decisionNode.describe());
      }
      Optional<Set<String>> failing = Optional.empty();
      Optional<PolicyNode> failingNode = expect.field("failing");
      if (failingNode.isPresent()) {
        Set<String> ids = new TreeSet<>();
        for (PolicyNode id : items(failingNode.get(), "failing")) {
          if (!ids.add(scalar(id, "failing"))) {
            throw id.error("rule id '" + id.text() + "' is listed twice");
          }
        }
        if (expected == Verdict.ALLOW && !ids.isEmpty()) {
          throw failingNode.get().error("an allowed decision has no failing rules");
        }
        failing = Optional.of(Collections.unmodifiableSet(ids));
      }
      PolicyInput built;
      try {
        built = input.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw node.error(String.valueOf(e.getMessage()));
      }
      return new TestCase(
          name, node.where(), policy, built, expected, failing, List.copyOf(rejected));
    }

    private DigestSet subject(PolicyNode node) throws IOException, SscFormatException {
      Optional<PolicyNode> digest = node.field("subject");
      Optional<PolicyNode> file = node.field("subjectFile");
      if (digest.isPresent() == file.isPresent()) {
        throw node.error("a case needs exactly one of 'subject' (ALG:HEX) or 'subjectFile'");
      }
      if (digest.isPresent()) {
        String text = scalar(digest.get(), "subject");
        Digest d;
        try {
          d = Digest.parse(text);
        } catch (IllegalArgumentException e) {
          throw digest.get().error("'subject' must be a digest like sha256:HEX: " + e.getMessage());
        }
        if (!d.algorithm().isAcceptedForMatching()) {
          throw digest
              .get()
              .error("'subject' must use a collision-resistant algorithm such as sha256");
        }
        return DigestSet.of(d);
      }
      PolicyNode fileNode = file.orElseThrow();
      Path path = dir.resolve(scalar(fileNode, "subjectFile")).normalize();
      if (!Files.isRegularFile(path)) {
        throw fileNode.error("subject file not found: " + path);
      }
      return DigestSet.of(Digests.sha256(path));
    }

    private Environment environment(PolicyNode node, RulePolicy policy) throws SscFormatException {
      String name = scalar(node, "environment");
      EnvironmentRules defined = policy.environments().get(name);
      if (defined != null) {
        return defined.environment();
      }
      if (policy.environments().isEmpty()) {
        throw node.error(
            "policy " + policy.id() + " defines no environments; remove 'environment'");
      }
      try {
        // The policy denies an undefined environment (rule policy.environment) before any rule
        // could look at its promoters.
        return Environment.builder().name(name).addPromoters(NO_ROLE).build();
      } catch (IllegalArgumentException e) {
        throw node.error(
            "'environment' must be an environment name (lowercase letters, digits, dashes), found "
                + node.describe());
      }
    }

    private static List<PolicyNode> items(PolicyNode node, String field) throws SscFormatException {
      if (node.isList()) {
        return node.items();
      }
      if (node.isScalar()) {
        return List.of(node);
      }
      if (node.kind() == PolicyNode.Kind.NULL) {
        return List.of();
      }
      throw node.error("'" + field + "' must be a list of strings, found " + node.describe());
    }

    private static PolicyNode required(PolicyNode parent, String field) throws SscFormatException {
      return parent
          .field(field)
          .filter(n -> n.kind() != PolicyNode.Kind.NULL)
          .orElseThrow(() -> parent.error("missing required field '" + field + "'"));
    }

    private static void text(PolicyNode parent, String field) throws SscFormatException {
      Optional<PolicyNode> n = parent.field(field);
      if (n.isPresent() && !n.get().isScalar()) {
        throw n.get().error("'" + field + "' must be a string, found " + n.get().describe());
      }
    }

    private static String scalar(PolicyNode node, String where) throws SscFormatException {
      if (!node.isScalar() || node.text().isBlank()) {
        throw node.error("'" + where + "' must be a non-blank string, found " + node.describe());
      }
      return node.text();
    }

    private static void onlyFields(PolicyNode node, String where, Set<String> allowed)
        throws SscFormatException {
      for (String f : node.fields().keySet()) {
        if (!allowed.contains(f)) {
          throw node.keyError(
              f, "unknown field '" + f + "' in " + where + "; allowed: " + new TreeSet<>(allowed));
        }
      }
    }
  }
}
