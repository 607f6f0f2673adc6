package dev.ssc.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writing new files all or nothing: each goes to a temporary file in the target directory, is
 * fsynced, and is moved into place only once every file of the set is written; an existing target
 * is never replaced. A crash leaves at most a stray temporary file, never a half-written key.
 */
final class OutputFiles {
  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

  private OutputFiles() {}

  /** A file to write: its path, its text and its permissions. */
  record NewFile(Path path, String text, Set<PosixFilePermission> permissions) {}

  /**
   * Writes every file, or none.
   *
   * @throws CliException if a target exists or its directory is missing
   * @throws IOException if writing fails
   */
  static void writeAll(List<NewFile> files) throws CliException, IOException {
    for (NewFile f : files) {
      if (Files.exists(f.path(), LinkOption.NOFOLLOW_LINKS)) {
        throw new CliException("refusing to overwrite " + f.path() + ": it exists");
      }
      Path dir = directory(f.path());
      if (!Files.isDirectory(dir)) {
        throw new CliException("cannot write " + f.path() + ": no directory " + dir);
      }
    }
    Map<NewFile, Path> temps = new java.util.LinkedHashMap<>();
    try {
      for (NewFile f : files) {
        Path temp =
            Files.createTempFile(
                directory(f.path()),
                "." + f.path().getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        temps.put(f, temp);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ch.write(java.nio.ByteBuffer.wrap(f.text().getBytes(StandardCharsets.UTF_8)));
          ch.force(true);
        }
        Files.setPosixFilePermissions(temp, f.permissions());
      }
      List<Path> moved = new ArrayList<>();
      for (Map.Entry<NewFile, Path> e : temps.entrySet()) {
        try {
          // A hard link fails if the target exists: no replace, even if it appeared meanwhile.
          Files.createLink(e.getKey().path(), e.getValue());
        } catch (FileAlreadyExistsException ex) {
          for (Path p : moved) {
            Files.deleteIfExists(p);
          }
          throw new CliException("refusing to overwrite " + e.getKey().path() + ": it exists");
        } catch (UnsupportedOperationException | AtomicMoveNotSupportedException ex) {
          Files.move(e.getValue(), e.getKey().path(), StandardCopyOption.ATOMIC_MOVE);
        }
        moved.add(e.getKey().path());
      }
      fsyncDirectory(directory(files.get(0).path()));
    } finally {
      for (Path temp : temps.values()) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static Path directory(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("/") : parent;
  }

  private static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
