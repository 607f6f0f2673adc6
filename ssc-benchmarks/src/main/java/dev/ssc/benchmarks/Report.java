package dev.ssc.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns one sitting's measurements into the tables of docs/performance.md: {@code openssl speed
 * -mr} output and a JMH JSON result file in, Markdown with ratios out.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.ssc.benchmarks.Report OPENSSL_SPEED JMH_JSON}.
 */
public final class Report {
  private Report() {}

  /** One JMH result: the benchmark, its parameters and its score. */
  record Result(String benchmark, Map<String, String> params, double score, String unit) {}

  /**
   * Prints the report.
   *
   * @param args the openssl speed output file and the JMH JSON file
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: Report OPENSSL_SPEED_MR_OUTPUT JMH_JSON");
      System.exit(2);
    }
    Map<String, Double> opensslVerify = opensslVerifyRates(Path.of(args[0]));
    Map<String, Result> jmh = jmh(Path.of(args[1]));
    StringBuilder out = new StringBuilder();
    signatures(out, opensslVerify, jmh);
    hashing(out, jmh);
    other(out, jmh);
    System.out.print(out);
  }

  /** Verify rates by ssc algorithm name, from {@code openssl speed -mr}. */
  static Map<String, Double> opensslVerifyRates(Path file) throws IOException {
    Map<String, Double> rates = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split(":");
      if (line.startsWith("+F2:") && f[2].equals("3072")) {
        rates.put("RSA_PSS_SHA256", Double.parseDouble(f[4]));
      } else if (line.startsWith("+F4:") && f[2].equals("256")) {
        rates.put("ECDSA_P256_SHA256", Double.parseDouble(f[4]));
      } else if (line.startsWith("+F4:") && f[2].equals("384")) {
        rates.put("ECDSA_P384_SHA384", Double.parseDouble(f[4]));
      } else if (line.startsWith("+F6:") && f[3].equals("Ed25519")) {
        rates.put("ED25519", Double.parseDouble(f[5]));
      }
    }
    return rates;
  }

  static Map<String, Result> jmh(Path file) throws IOException {
    Map<String, Result> results = new LinkedHashMap<>();
    for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
      String name = run.get("benchmark").asText();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      Map<String, String> params = new LinkedHashMap<>();
      JsonNode p = run.get("params");
      if (p != null) {
        p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      }
      JsonNode metric = run.get("primaryMetric");
      Result r =
          new Result(
              name, params, metric.get("score").asDouble(), metric.get("scoreUnit").asText());
      results.put(key(name, params), r);
    }
    return results;
  }

  static String key(String benchmark, Map<String, String> params) {
    return params.isEmpty() ? benchmark : benchmark + params;
  }

  private static void signatures(
      StringBuilder out, Map<String, Double> openssl, Map<String, Result> jmh) {
    out.append("| key type | raw verify/s (same provider) | DSSE verify/s | DSSE layer cost")
        .append(" | attestation verify/s | attestation layers cost | openssl verify/s")
        .append(" | DSSE / openssl | attestation / openssl |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Double> e : openssl.entrySet()) {
      Map<String, String> params = Map.of("algorithm", e.getKey());
      Result dsse = jmh.get(key("DsseVerifyBenchmark.verifyDsse", params));
      Result full = jmh.get(key("DsseVerifyBenchmark.verifyEnvelope", params));
      Result raw = jmh.get(key("DsseVerifyBenchmark.rawSignature", params));
      if (dsse == null || full == null || raw == null) {
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %.1f%% | %.0f | %.1f%% | %.0f | %.2fx | %.2fx |%n",
              e.getKey(),
              raw.score(),
              dsse.score(),
              100 * (1 - dsse.score() / raw.score()),
              full.score(),
              100 * (1 - full.score() / raw.score()),
              e.getValue(),
              dsse.score() / e.getValue(),
              full.score() / e.getValue()));
    }
    out.append('\n');
  }

  private static void hashing(StringBuilder out, Map<String, Result> jmh) {
    for (Result r : jmh.values()) {
      if (!r.benchmark().equals("FileDigestBenchmark.sscDigests")) {
        continue;
      }
      Result openssl = jmh.get(key("FileDigestBenchmark.opensslDgst", r.params()));
      Result memory = jmh.get(key("FileDigestBenchmark.jdkInMemory", r.params()));
      double mib = Double.parseDouble(r.params().getOrDefault("mebibytes", "1024"));
      double bytes = mib * (1 << 20);
      out.append("| sha256 of a cached ")
          .append((long) mib)
          .append(" MiB file | ms | GB/s | ssc / openssl |\n|---|---|---|---|\n");
      row(out, "ssc Digests.of(file)", r.score(), bytes, openssl);
      if (openssl != null) {
        row(out, "openssl dgst -sha256", openssl.score(), bytes, openssl);
      }
      if (memory != null) {
        row(out, "JDK MessageDigest, bytes in memory", memory.score(), bytes, openssl);
      }
      out.append('\n');
    }
  }

  private static void row(
      StringBuilder out, String what, double ms, double bytes, @Nullable Result openssl) {
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %.0f | %.2f | %s |%n",
            what,
            ms,
            bytes / (ms / 1000) / 1e9,
            openssl == null ? "" : String.format(Locale.ROOT, "%.2fx", openssl.score() / ms)));
  }

  private static void other(StringBuilder out, Map<String, Result> jmh) {
    out.append("| benchmark | score | unit |\n|---|---|---|\n");
    for (Result r : jmh.values()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %s |%n",
              key(r.benchmark(), r.params()),
              r.score(),
              r.unit()));
    }
  }
}
