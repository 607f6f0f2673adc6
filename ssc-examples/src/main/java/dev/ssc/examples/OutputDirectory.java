package dev.ssc.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An example's output directory: new, empty, or holding an earlier run's output, listed in a
 * manifest. Re-running removes exactly the files the manifest lists (never a path outside the
 * directory, never a link's target) and then the directories that became empty; anything else in
 * the directory makes the run refuse.
 */
final class OutputDirectory {
  private OutputDirectory() {}

  static void prepare(Path dir, String manifest) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir);
      return;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new NotDirectoryException(dir.toString());
    }
    Path list = dir.resolve(manifest);
    if (Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS)) {
      Path root = dir.toAbsolutePath().normalize();
      List<Path> parents = new ArrayList<>();
      for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        Path file = root.resolve(line).normalize();
        if (line.isBlank() || !file.startsWith(root) || file.equals(root)) {
          continue;
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(file);
        }
        for (Path p = file.getParent(); p != null && !p.equals(root); p = p.getParent()) {
          parents.add(p);
        }
      }
      Files.delete(list);
      parents.sort(Comparator.comparingInt(Path::getNameCount).reversed());
      for (Path p : parents) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && isEmpty(p)) {
          Files.delete(p);
        }
      }
    }
    if (!isEmpty(dir)) {
      throw new DirectoryNotEmptyException(
          dir + " (holds files an earlier demo did not write; give a new or empty directory)");
    }
  }

  /**
   * Writes {@code content} to {@code relative} under {@code dir}, listing it in the manifest first,
   * so that a run that dies half-way still leaves a directory the next run can clean.
   */
  static void write(Path dir, String manifest, String relative, byte[] content) throws IOException {
    Files.writeString(
        dir.resolve(manifest),
        relative + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    Files.write(dir.resolve(relative), content);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
