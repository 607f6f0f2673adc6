package dev.ssc.attest.intoto.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a command in a directory and captures stdout, stderr and the exit code. */
interface CommandRunner {
  /** What a command printed and returned. */
  record Result(String stdout, String stderr, int returnValue) {}

  /** Runs {@code command} in {@code dir}. */
  Result run(List<String> command, Path dir) throws IOException;

  /** Runs commands as processes, stdin from {@code /dev/null}. */
  static CommandRunner processes() {
    return (command, dir) -> {
      Path out = Files.createTempFile("ssc-intoto", ".out");
      Path err = Files.createTempFile("ssc-intoto", ".err");
      try {
        Process p =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        int rc = p.waitFor();
        return new Result(
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8),
            rc);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted running " + command.get(0), e);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    };
  }
}
