package dev.ssc.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.policy.Explanations;
import dev.ssc.policy.PolicyTestResult;
import dev.ssc.policy.PolicyTestSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The example organization's policy passes its own tests, and its evidence is reproducible. */
class AcmePolicyTest {
  private static final Path POLICIES = Path.of("policies");

  @TestFactory
  Stream<DynamicTest> everyPolicyTestCasePasses() throws Exception {
    PolicyTestSuite suite = PolicyTestSuite.load(POLICIES);
    List<PolicyTestResult> results = suite.run();
    assertTrue(results.size() >= 20, "cases for every rule passing and failing");
    return results.stream()
        .map(r -> DynamicTest.dynamicTest(r.name(), () -> assertTrue(r.passed(), r.describe())));
  }

  @Test
  void decisionsAreTheSameBytesColdAndWarm() throws Exception {
    // The first run fills the engine's memos (decoded predicates, parsed references, CEL results);
    // a fresh suite starts cold. Both must explain every case identically.
    List<String> cold = explanations(PolicyTestSuite.load(POLICIES).run());
    PolicyTestSuite warm = PolicyTestSuite.load(POLICIES);
    List<String> first = explanations(warm.run());
    List<String> second = explanations(warm.run());
    assertEquals(cold, first);
    assertEquals(first, second);
  }

  private static List<String> explanations(List<PolicyTestResult> results) {
    return results.stream()
        .map(r -> Explanations.toJson(r.decision()))
        .collect(Collectors.toList());
  }

  @Test
  void theCommittedEvidenceIsExactlyWhatTheGeneratorWrites(@TempDir Path dir) throws Exception {
    Files.copy(POLICIES.resolve("acme.yaml"), dir.resolve("acme.yaml"));
    AcmePolicyEvidence.writeAll(dir);
    for (String sub : List.of("keys", "evidence")) {
      List<Path> written = list(dir.resolve(sub));
      assertEquals(
          names(list(POLICIES.resolve(sub))),
          names(written),
          "files in " + sub + "; run AcmePolicyEvidence to regenerate");
      for (Path file : written) {
        assertArrayEquals(
            Files.readAllBytes(POLICIES.resolve(sub).resolve(file.getFileName())),
            Files.readAllBytes(file),
            file.getFileName() + " differs; run dev.ssc.examples.AcmePolicyEvidence");
      }
    }
  }

  private static List<Path> list(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().collect(Collectors.toList());
    }
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
  }
}
