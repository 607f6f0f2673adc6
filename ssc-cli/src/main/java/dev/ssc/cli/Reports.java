package dev.ssc.cli;

import dev.ssc.api.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * How commands report a negative verdict: a first line {@code ssc: verification failed: WHAT}, then
 * one indented line per finding ({@code LEVEL CODE [at LOCATION]: MESSAGE}), on stderr.
 */
final class Reports {
  private Reports() {}

  static void denial(PrintWriter err, String what, List<Finding> findings) {
    err.println("ssc: verification failed: " + what);
    for (Finding f : findings) {
      err.println(
          "  "
              + f.level().name().toLowerCase(Locale.ROOT)
              + " "
              + f.code()
              + f.location().map(l -> " at " + l).orElse("")
              + ": "
              + f.message());
    }
    err.flush();
  }
}
