package dev.ssc.core.audit;

import dev.ssc.api.Bytes;
import dev.ssc.api.audit.AuditReceipt;
import dev.ssc.attest.tlog.NoteSigner;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link CrashTest}: appends from several threads in a loop, checkpointing now and
 * then, and prints {@code INDEX TEXT} for each acknowledged entry, until it is killed.
 */
final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    NoteSigner signer = NoteSigner.parse(args[1]);
    String run = args[2];
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    FileAuditLog log = FileAuditLog.builder().directory(dir).signer(signer).open();
    synchronized (out) {
      out.println("ready " + log.size());
      out.flush();
    }
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (long i = 0; ; i++) {
                    String text = run + "/" + id + "/" + i + "/" + "x".repeat((int) (i % 50));
                    AuditReceipt r = log.appendEntry(Bytes.utf8(text));
                    synchronized (out) {
                      out.println(r.index() + " " + text);
                      out.flush();
                    }
                    if (id == 0 && i % 64 == 0) {
                      var unused = log.checkpoint();
                    }
                  }
                } catch (Exception e) {
                  synchronized (out) {
                    out.println("error " + e);
                    out.flush();
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
