package dev.ssc.api.loop;

import java.util.List;
import java.util.regex.Pattern;

/** The structural check of package URLs shared by the loop's values. */
final class Purls {
  // pkg:type/[namespace/]name[@version][?qualifiers][#subpath]; full parsing is ssc-core's.
  private static final Pattern PURL =
      Pattern.compile("pkg:[A-Za-z.+-][A-Za-z0-9.+-]*/[^?#]*[^/?#@][^?#]*(?:\\?[^#]*)?(?:#.*)?");

  private Purls() {}

  static void check(List<String> problems, String attribute, String purl) {
    if (!PURL.matcher(purl).matches()) {
      problems.add(
          attribute
              + " must be a package URL like 'pkg:maven/org.acme/app@1.0', got '"
              + purl
              + "'");
    }
  }
}
