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
      err.println("  " + f.level().name().toLowerCase(Locale.ROOT) + " " + describe(f));
    }
    err.flush();
  }

  static void warnings(PrintWriter err, List<Finding> findings) {
    for (Finding f : findings) {
      if (f.level() == Finding.Level.WARNING) {
        err.println("ssc: warning: " + describe(f));
      }
    }
    err.flush();
  }

  private static String describe(Finding f) {
    return f.code()
        + f.location().map(l -> " at " + l).orElse("")
        + ": "
        + f.message().replaceAll("\\R", " ");
  }
}
