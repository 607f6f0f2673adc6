package dev.ssc.attest.intoto.layout;

import dev.ssc.api.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The in-toto demo vectors on disk, and a simulated {@code python ./scripts/tar}. */
final class Demo {
  static final Path ROOT = root();

  private Demo() {}

  private static Path root() {
    try {
      return Path.of(Demo.class.getResource("/vectors/in-toto-demo/README-shared.md").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path file(String relative) {
    return ROOT.resolve(relative);
  }

  static Bytes bytes(String relative) {
    try {
      return Bytes.of(Files.readAllBytes(file(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies every file of {@code dir} (relative to the vectors) into {@code target}. */
  static void copyDir(String dir, Path target) throws IOException {
    try (Stream<Path> s = Files.list(file(dir))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.copy(p, target.resolve(p.getFileName().toString()));
      }
    }
  }

  /** Runs {@code python ./scripts/tar ARGS} as the system {@code tar ARGS}; others as given. */
  static CommandRunner untar() {
    CommandRunner real = CommandRunner.processes(java.time.Duration.ofSeconds(60));
    return (command, dir) -> {
      List<String> cmd = new ArrayList<>(command);
      if (cmd.size() >= 2 && cmd.get(0).equals("python") && cmd.get(1).equals("./scripts/tar")) {
        cmd = new ArrayList<>(cmd.subList(1, cmd.size()));
        cmd.set(0, "tar");
      }
      return real.run(cmd, dir);
    };
  }
}
