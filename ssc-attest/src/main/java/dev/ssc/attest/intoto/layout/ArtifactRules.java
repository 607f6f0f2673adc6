package dev.ssc.attest.intoto.layout;

import dev.ssc.api.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The artifact-rule engine of in-toto 1.3.1 ({@code verifylib.verify_item_rules}): a queue of the
 * item's materials or products, from which each rule in order consumes the artifacts it authorizes;
 * DISALLOW fails on any artifact still queued that it matches, REQUIRE fails if its path is no
 * longer queued. Patterns are Python {@code fnmatch} patterns ({@code *} also matches {@code /}).
 */
final class ArtifactRules {
  private ArtifactRules() {}

  /**
   * Verifies {@code rules} for the {@code sourceType} ("materials" or "products") of item {@code
   * sourceName}, whose link is in {@code links}; empty if they pass, else the failure.
   */
  static Optional<Finding> verify(
      String sourceName, String sourceType, List<ArtifactRule> rules, Map<String, Link> links) {
    Link source = links.get(sourceName);
    if (source == null) {
      return Optional.of(
          Finding.builder()
              .code("intoto.link.missing")
              .message("no link for '" + sourceName + "' to verify its " + sourceType + " against")
              .location(sourceName)
              .build());
    }
    Map<String, Map<String, String>> materials = source.materials();
    Map<String, Map<String, String>> products = source.products();
    Map<String, Map<String, String>> artifacts = source.artifacts(sourceType);
    Set<String> queue = new LinkedHashSet<>(artifacts.keySet());
    for (int i = 0; i < rules.size(); i++) {
      ArtifactRule rule = rules.get(i);
      String where = sourceName + "/expected_" + sourceType + "/" + i;
      Set<String> consumed = new HashSet<>();
      switch (rule.type()) {
        case MATCH:
          consumed = match(rule, queue, artifacts, links);
          break;
        case CREATE:
          for (String p : filter(queue, rule.pattern())) {
            if (products.containsKey(p) && !materials.containsKey(p)) {
              consumed.add(p);
            }
          }
          break;
        case DELETE:
          for (String p : filter(queue, rule.pattern())) {
            if (materials.containsKey(p) && !products.containsKey(p)) {
              consumed.add(p);
            }
          }
          break;
        case MODIFY:
          for (String p : filter(queue, rule.pattern())) {
            if (materials.containsKey(p)
                && products.containsKey(p)
                && !materials.get(p).equals(products.get(p))) {
              consumed.add(p);
            }
          }
          break;
        case ALLOW:
          consumed.addAll(filter(queue, rule.pattern()));
          break;
        case DISALLOW:
          {
            List<String> hit = filter(queue, rule.pattern());
            if (!hit.isEmpty()) {
              return Optional.of(
                  Finding.builder()
                      .code("intoto.rule.disallowed")
                      .message(
                          "'"
                              + rule.text()
                              + "' of '"
                              + sourceName
                              + "' (expected_"
                              + sourceType
                              + ") matched the following artifacts: "
                              + hit)
                      .location(where)
                      .build());
            }
            break;
          }
        case REQUIRE:
          if (!queue.contains(rule.pattern())) {
            return Optional.of(
                Finding.builder()
                    .code("intoto.rule.required")
                    .message(
                        "'"
                            + rule.text()
                            + "' of '"
                            + sourceName
                            + "' (expected_"
                            + sourceType
                            + ") did not find "
                            + rule.pattern()
                            + " in: "
                            + new ArrayList<>(queue))
                    .location(where)
                    .build());
          }
          break;
      }
      queue.removeAll(consumed);
    }
    return Optional.empty();
  }

  private static Set<String> match(
      ArtifactRule rule,
      Set<String> queue,
      Map<String, Map<String, String>> sourceArtifacts,
      Map<String, Link> links) {
    Set<String> consumed = new HashSet<>();
    Link dest = links.get(rule.destinationName());
    if (dest == null) {
      return consumed;
    }
    Map<String, Map<String, String>> destArtifacts = dest.artifacts(rule.destinationType());
    List<String> candidates = new ArrayList<>();
    if (!rule.sourcePrefix().isEmpty()) {
      String prefix = joinDir(rule.sourcePrefix());
      for (String p : queue) {
        if (p.startsWith(prefix)) {
          candidates.add(p.substring(prefix.length()));
        }
      }
    } else {
      candidates.addAll(queue);
    }
    for (String path : filter(candidates, rule.pattern())) {
      String full = rule.sourcePrefix().isEmpty() ? path : join(rule.sourcePrefix(), path);
      String destPath =
          rule.destinationPrefix().isEmpty() ? path : join(rule.destinationPrefix(), path);
      Map<String, String> s = sourceArtifacts.get(full);
      Map<String, String> d = destArtifacts.get(destPath);
      if (s == null || d == null || !s.equals(d)) {
        continue;
      }
      consumed.add(full);
    }
    return consumed;
  }

  /** Python's {@code os.path.join(prefix, "")} with backslashes as slashes. */
  private static String joinDir(String prefix) {
    return join(prefix, "");
  }

  /** Python's posix {@code os.path.join(a, b)} with backslashes replaced by slashes. */
  static String join(String a, String b) {
    String out;
    if (b.startsWith("/")) {
      out = b;
    } else if (a.isEmpty() || a.endsWith("/")) {
      out = a + b;
    } else {
      out = a + "/" + b;
    }
    return out.replace('\\', '/');
  }

  /** Python's {@code fnmatch.filter(names, pattern)} on posix. */
  static List<String> filter(Iterable<String> names, String pattern) {
    Pattern regex = translate(pattern);
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (regex.matcher(n).matches()) {
        out.add(n);
      }
    }
    return out;
  }

  /** Python's {@code fnmatch.translate}: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}. */
  static Pattern translate(String pat) {
    StringBuilder res = new StringBuilder();
    int i = 0;
    int n = pat.length();
    while (i < n) {
      char c = pat.charAt(i++);
      if (c == '*') {
        res.append(".*");
        while (i < n && pat.charAt(i) == '*') {
          i++;
        }
      } else if (c == '?') {
        res.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && pat.charAt(j) == '!') {
          j++;
        }
        if (j < n && pat.charAt(j) == ']') {
          j++;
        }
        while (j < n && pat.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          res.append("\\[");
        } else {
          String stuff = pat.substring(i, j);
          i = j + 1;
          if (stuff.isEmpty()) {
            res.append("(?!)");
            continue;
          }
          StringBuilder cls = new StringBuilder("[");
          int k = 0;
          if (stuff.charAt(0) == '!') {
            cls.append('^');
            k = 1;
          }
          for (; k < stuff.length(); k++) {
            char ch = stuff.charAt(k);
            if (ch == '\\'
                || ch == '['
                || ch == ']'
                || ch == '&'
                || ch == '~'
                || ch == '|'
                || (ch == '^' && k == 0)) {
              cls.append('\\');
            }
            cls.append(ch);
          }
          cls.append(']');
          res.append(cls);
        }
      } else {
        res.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(res.toString(), Pattern.DOTALL);
  }
}
