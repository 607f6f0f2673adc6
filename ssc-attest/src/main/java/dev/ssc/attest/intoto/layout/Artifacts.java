package dev.ssc.attest.intoto.layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Records artifacts as in-toto 1.3.1's {@code runlib.record_artifacts_as_dict} does: each path
 * normalized ({@code os.path.normpath}), directories walked without following symlinked
 * directories, sha256 of each regular file, keys relative as given, and the default exclude
 * patterns {@code *.link*}, {@code .git}, {@code *.pyc}, {@code *~} applied to every path
 * component.
 */
final class Artifacts {
  static final List<String> DEFAULT_EXCLUDES = List.of("*.link*", ".git", "*.pyc", "*~");

  private Artifacts() {}

  /** The artifacts under {@code paths} (relative to {@code base}). */
  static Map<String, Map<String, String>> record(Path base, List<String> paths) throws IOException {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String raw : paths) {
      String path = normpath(raw);
      if (excluded(path)) {
        continue;
      }
      Path p = base.resolve(path);
      if (Files.isRegularFile(p)) {
        out.put(path, Map.of("sha256", sha256(p)));
      } else if (Files.isDirectory(p)) {
        walk(base, path, out);
      }
    }
    return out;
  }

  private static void walk(Path base, String dir, Map<String, Map<String, String>> out)
      throws IOException {
    List<Path> entries = new ArrayList<>();
    try (Stream<Path> s = Files.list(base.resolve(dir))) {
      s.sorted().forEach(entries::add);
    }
    List<String> subdirs = new ArrayList<>();
    for (Path e : entries) {
      String rel = normpath(dir + "/" + e.getFileName());
      if (excluded(rel)) {
        continue;
      }
      if (Files.isDirectory(e, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        subdirs.add(rel);
      } else if (Files.isRegularFile(e)) {
        out.put(rel, Map.of("sha256", sha256(e)));
      }
    }
    for (String d : subdirs) {
      walk(base, d, out);
    }
  }

  private static boolean excluded(String path) {
    for (String part : path.split("/")) {
      for (String pattern : DEFAULT_EXCLUDES) {
        if (!part.isEmpty() && ArtifactRules.translate(pattern).matcher(part).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Python's posix {@code os.path.normpath}. */
  static String normpath(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean abs = path.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String c : path.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
        parts.remove(parts.size() - 1);
      } else if (!(c.equals("..") && abs)) {
        parts.add(c);
      }
    }
    String joined = String.join("/", parts);
    if (abs) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65536];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
