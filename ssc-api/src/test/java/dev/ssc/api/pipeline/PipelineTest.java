package dev.ssc.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineTest {
  static Stage stage(String name) {
    return Stage.of(name, ctx -> StageResult.succeeded());
  }

  static List<String> names(Pipeline p) {
    List<String> names = new ArrayList<>();
    p.stages().forEach(s -> names.add(s.name()));
    return names;
  }

  @Test
  void ordersStagesAfterTheirDependenciesTiesByInsertion() {
    Pipeline p =
        Pipeline.builder("acme-web")
            .stage(stage("unit-tests"), "build")
            .stage(stage("checkout"))
            .stage(stage("build"), "checkout")
            .stage(stage("scan"), "build")
            .stage(stage("package"), "unit-tests", "scan")
            .build();

    assertEquals(List.of("checkout", "build", "unit-tests", "scan", "package"), names(p));
    assertEquals(Set.of("unit-tests", "scan"), p.dependenciesOf("package"));
    assertEquals("Pipeline[acme-web: checkout, build, unit-tests, scan, package]", p.toString());
  }

  @Test
  void rejectsACycleNamingItsStages() {
    Pipeline.Builder b =
        Pipeline.builder("app")
            .stage(stage("a"))
            .stage(stage("b"), "a", "c")
            .stage(stage("c"), "b");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertEquals("pipeline 'app' has a dependency cycle through stages [b, c]", e.getMessage());
  }

  @Test
  void rejectsUnknownAndSelfDependencies() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Pipeline.builder("app").stage(stage("a"), "nope").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Pipeline.builder("app").stage(stage("a"), "a").build());
  }

  @Test
  void rejectsDuplicatesAndEmptyPipelines() {
    Pipeline.Builder b = Pipeline.builder("app").stage(stage("a"));
    assertThrows(IllegalArgumentException.class, () -> b.stage(stage("a")));
    assertThrows(IllegalArgumentException.class, () -> b.stage(stage("b"), "a", "a"));
    assertThrows(IllegalArgumentException.class, () -> Pipeline.builder("app").build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Build", "1st", "-a", "a_b", "a b", "ä"})
  void rejectsBadNames(String name) {
    assertThrows(IllegalArgumentException.class, () -> Stage.of(name, ctx -> null));
    assertThrows(IllegalArgumentException.class, () -> Pipeline.builder(name));
  }

  @Test
  void rejectsA64CharacterName() {
    String name = "a".repeat(64);
    assertThrows(IllegalArgumentException.class, () -> Stage.of(name, ctx -> null));
    assertEquals(63, Stage.of(name.substring(1), ctx -> null).name().length());
  }

  @Test
  void lambdaStageRunsItsWork() throws Exception {
    Stage s = Stage.of("build", ctx -> StageResult.failed("no compiler in " + ctx.stageName()));

    StageResult r = s.run(context("build", Map.of()));

    assertEquals("no compiler in build", r.summary());
    assertEquals("Stage[build]", s.toString());
  }

  @Test
  void inputsFromNamesTheStagesDependedOn() {
    StageContext ctx = context("package", Map.of("build", List.of()));

    assertEquals(List.of(), ctx.inputsFrom("build"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ctx.inputsFrom("scan"));
    assertEquals(
        "stage 'package' does not depend on stage 'scan'; it depends on [build]", e.getMessage());
  }

  /** For random DAGs (each stage depends on earlier ones), every stage comes after its deps. */
  @Property
  void topologicalOrderRespectsEveryDependency(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 1000) Integer> seeds) {
    Pipeline.Builder b = Pipeline.builder("p");
    // Insert in reverse so the order is not just insertion order.
    List<String> stageNames = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      stageNames.add("s" + i);
    }
    for (int i = seeds.size() - 1; i >= 0; i--) {
      Set<String> deps = new HashSet<>();
      for (int j = 0; j < i; j++) {
        if ((seeds.get(i) >> (j % 10) & 1) == 1) {
          deps.add(stageNames.get(j));
        }
      }
      b.stage(stage(stageNames.get(i)), deps.toArray(String[]::new));
    }

    Pipeline p = b.build();

    List<String> order = names(p);
    assertEquals(seeds.size(), order.size());
    for (String s : order) {
      for (String dep : p.dependenciesOf(s)) {
        assertTrue(order.indexOf(dep) < order.indexOf(s), dep + " before " + s);
      }
    }
  }

  static StageContext context(String stage, Map<String, List<dev.ssc.api.artifact.Artifact>> in) {
    return new StageContext() {
      @Override
      public String runId() {
        return "run-1";
      }

      @Override
      public String stageName() {
        return stage;
      }

      @Override
      public Map<String, List<dev.ssc.api.artifact.Artifact>> inputs() {
        return in;
      }

      @Override
      public Map<String, String> parameters() {
        return Map.of();
      }

      @Override
      public java.time.InstantSource clock() {
        return java.time.InstantSource.fixed(java.time.Instant.EPOCH);
      }
    };
  }
}
