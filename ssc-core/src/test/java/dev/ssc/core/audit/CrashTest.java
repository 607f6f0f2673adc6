package dev.ssc.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.Checkpoint;
import dev.ssc.attest.tlog.NoteSigner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM appending in a loop is killed with SIGKILL at random moments, again and again; after
 * each kill every acknowledged entry is present with its exact bytes, the log verifies, and its new
 * checkpoint is consistent with every earlier one.
 */
class CrashTest {
  private static final int KILLS = 20;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedEntrySurvivesSigkill() throws Exception {
    NoteSigner signer = NoteSigner.generate("audit.example/crash", new SecureRandom());
    Random random = new Random();
    Map<Long, String> acked = new HashMap<>();
    List<Checkpoint> earlier = new ArrayList<>();
    long totalAcked = 0;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int run = 0; run < KILLS; run++) {
      Process child =
          new ProcessBuilder(
                  java,
                  "-XX:TieredStopAtLevel=1",
                  "-Xshare:auto",
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashChild.class.getName(),
                  dir.toString(),
                  signer.signerKey(),
                  "r" + run)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String ready = in.readLine();
      assertTrue(ready != null && ready.startsWith("ready "), "child started: " + ready);
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50 + random.nextInt(700));
      Map<Long, String> thisRun = new HashMap<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (String line; (line = in.readLine()) != null; ) {
                    int space = line.indexOf(' ');
                    if (space > 0 && Character.isDigit(line.charAt(0))) {
                      synchronized (thisRun) {
                        thisRun.put(
                            Long.parseLong(line.substring(0, space)), line.substring(space + 1));
                      }
                    } else if (line.startsWith("error")) {
                      synchronized (thisRun) {
                        thisRun.put(-1L, line);
                      }
                    }
                  }
                } catch (java.io.IOException e) {
                  // the pipe closes when the child dies
                }
              });
      reader.start();
      long wait = killAt - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      child.destroyForcibly(); // SIGKILL on Unix
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
      reader.join(10_000);
      synchronized (thisRun) {
        assertTrue(!thisRun.containsKey(-1L), "child failed: " + thisRun.get(-1L));
        // A line cut by the kill may be a partial text; only whole lines (ending in the run tag
        // pattern) are compared, so a prefix is dropped rather than misread.
        thisRun.entrySet().removeIf(e -> !e.getValue().matches("r" + "\\d+/\\d+/\\d+/x*"));
        acked.putAll(thisRun);
        totalAcked += thisRun.size();
      }
      try (FileAuditLog log = FileAuditLog.builder().directory(dir).signer(signer).open()) {
        for (Map.Entry<Long, String> e : acked.entrySet()) {
          assertTrue(e.getKey() < log.size(), "acknowledged entry " + e.getKey() + " is present");
          assertEquals(Bytes.utf8(e.getValue()), log.read(e.getKey()), "entry " + e.getKey());
        }
        Checkpoint now = log.checkpoint();
        LogVerification v = log.verify();
        assertTrue(v.isValid(), "after kill " + run + ": " + v);
        for (Checkpoint c : earlier) {
          LogVerification consistent = log.checkConsistency(c);
          assertTrue(consistent.isValid(), "after kill " + run + ": " + consistent);
        }
        for (Checkpoint c : log.checkpoints()) {
          assertTrue(log.checkConsistency(c).isValid(), "stored checkpoint of size " + c.size());
        }
        earlier.add(now);
      }
    }
    assertTrue(totalAcked > KILLS, "the children acknowledged " + totalAcked + " entries");
    System.err.println(
        "CrashTest: " + KILLS + " SIGKILLs, " + totalAcked + " acknowledged entries survived");
  }
}
