package dev.ssc.attest;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;
import dev.ssc.attest.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads test vectors from the test classpath. */
public final class Vectors {
  private Vectors() {}

  public static Bytes resource(String path) {
    try (InputStream in = Vectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return Bytes.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonObject json(String path) {
    try {
      return Json.parseObject(resource(path), path);
    } catch (SscFormatException e) {
      throw new IllegalStateException(e);
    }
  }
}
