package dev.ssc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {
  private static final Path SOURCE =
      Path.of("src/main/java/dev/ssc/examples/EmbeddingExample.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void allowsTheArtifactWithProvenanceSignedByTheTrustedKey() throws Exception {
    String explanation = EmbeddingExample.run();

    assertTrue(explanation.startsWith("ALLOW "), explanation);
    assertTrue(explanation.contains("[PASS] provenance"), explanation);
  }

  @Test
  void readmeShowsExactlyTheCodeThatRuns() throws IOException {
    List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
    String fromSource =
        source
            .subList(source.indexOf("    // readme:start") + 1, source.indexOf("    // readme:end"))
            .stream()
            .map(l -> l.startsWith("    ") ? l.substring(4) : l)
            .collect(Collectors.joining("\n"));

    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("```java\n", readme.indexOf("## Embedding ssc"));
    int end = readme.indexOf("\n```", start + 8);
    assertTrue(start >= 0 && end > start, "README has a java block under '## Embedding ssc'");

    assertEquals(fromSource, readme.substring(start + 8, end));
  }
}
