package dev.ssc.api.pipeline;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A delivery chain: a directed acyclic graph of {@link Stage}s.
 *
 * <p>Every application onboards onto the same kind of pipeline, so the graph is checked when built:
 * unique stage names, known dependencies, no cycles. {@link #stages()} lists the stages in a
 * deterministic topological order: dependencies first, ties broken by the order stages were added.
 *
 * <p>Immutable and thread-safe if its stages are.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder("acme-web")
 *     .stage(checkout)
 *     .stage(build, "checkout")
 *     .stage(unitTests, "build")
 *     .stage(scan, "build")
 *     .build();
 * }</pre>
 */
public final class Pipeline {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private final String name;
  private final List<Stage> stages;
  private final Map<String, Set<String>> dependencies;

  private Pipeline(String name, List<Stage> stages, Map<String, Set<String>> dependencies) {
    this.name = name;
    this.stages = stages;
    this.dependencies = dependencies;
  }

  /**
   * A builder for a pipeline called {@code name}.
   *
   * @throws IllegalArgumentException unless the name is lowercase letters, digits and dashes
   */
  public static Builder builder(String name) {
    return new Builder(checkName("pipeline", name));
  }

  /** The pipeline's name, e.g. the application it delivers. */
  public String name() {
    return name;
  }

  /** The stages in topological order. */
  public List<Stage> stages() {
    return stages;
  }

  /** The stage named {@code name}. */
  public Optional<Stage> stage(String name) {
    requireNonNull(name, "name");
    return stages.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The names of the stages that {@code stageName} depends on directly.
   *
   * @throws IllegalArgumentException if there is no such stage
   */
  public Set<String> dependenciesOf(String stageName) {
    Set<String> deps = dependencies.get(requireNonNull(stageName, "stageName"));
    if (deps == null) {
      throw new IllegalArgumentException(
          "pipeline '" + name + "' has no stage '" + stageName + "'");
    }
    return deps;
  }

  /** The name and stages, e.g. {@code Pipeline[acme-web: checkout, build]}. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    stages.forEach(s -> names.add(s.name()));
    return "Pipeline[" + name + ": " + String.join(", ", names) + "]";
  }

  static String checkName(String what, String name) {
    requireNonNull(name, what + " name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " name must be 1 to 63 lowercase letters, digits and dashes starting with a letter,"
              + " got '"
              + name
              + "'");
    }
    return name;
  }

  /** Builds a {@link Pipeline}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();

    Builder(String name) {
      this.name = name;
    }

    /**
     * Adds {@code stage}, which runs after every stage named in {@code dependsOn} succeeded.
     *
     * @throws IllegalArgumentException if the stage name is invalid or already used, or a
     *     dependency is named twice
     */
    @CanIgnoreReturnValue
    public Builder stage(Stage stage, String... dependsOn) {
      requireNonNull(stage, "stage");
      requireNonNull(dependsOn, "dependsOn");
      String stageName = checkName("stage", stage.name());
      if (stages.containsKey(stageName)) {
        throw new IllegalArgumentException(
            "pipeline '" + name + "' already has a stage '" + stageName + "'");
      }
      Set<String> deps = new LinkedHashSet<>();
      for (String dep : dependsOn) {
        if (!deps.add(requireNonNull(dep, "dependency"))) {
          throw new IllegalArgumentException(
              "stage '" + stageName + "' names dependency '" + dep + "' twice");
        }
      }
      stages.put(stageName, stage);
      dependencies.put(stageName, Collections.unmodifiableSet(deps));
      return this;
    }

    /**
     * Builds the pipeline.
     *
     * @throws IllegalArgumentException if there is no stage, a dependency names no stage, or the
     *     dependencies form a cycle (the message names the stages on it)
     */
    public Pipeline build() {
      if (stages.isEmpty()) {
        throw new IllegalArgumentException("pipeline '" + name + "' has no stages");
      }
      for (Map.Entry<String, Set<String>> e : dependencies.entrySet()) {
        for (String dep : e.getValue()) {
          if (!stages.containsKey(dep)) {
            throw new IllegalArgumentException(
                "stage '" + e.getKey() + "' depends on unknown stage '" + dep + "'");
          }
        }
      }
      // Kahn's algorithm with a FIFO of ready stages seeded in insertion order: deterministic.
      Map<String, Integer> remaining = new LinkedHashMap<>();
      dependencies.forEach((stage, deps) -> remaining.put(stage, deps.size()));
      List<Stage> ordered = new ArrayList<>();
      Deque<String> ready = new ArrayDeque<>();
      remaining.forEach(
          (stage, count) -> {
            if (count == 0) {
              ready.add(stage);
            }
          });
      while (!ready.isEmpty()) {
        String next = ready.poll();
        ordered.add(stages.get(next));
        for (Map.Entry<String, Set<String>> e : dependencies.entrySet()) {
          if (e.getValue().contains(next) && remaining.merge(e.getKey(), -1, Integer::sum) == 0) {
            ready.add(e.getKey());
          }
        }
      }
      if (ordered.size() != stages.size()) {
        List<String> cycle = new ArrayList<>();
        remaining.forEach(
            (stage, count) -> {
              if (count > 0) {
                cycle.add(stage);
              }
            });
        throw new IllegalArgumentException(
            "pipeline '" + name + "' has a dependency cycle through stages " + cycle);
      }
      return new Pipeline(
          name,
          List.copyOf(ordered),
          Collections.unmodifiableMap(new LinkedHashMap<>(dependencies)));
    }
  }
}
