package dev.ssc.attest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ssc.api.Bytes;
import dev.ssc.attest.Peers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our canonical bytes equal securesystemslib's encode_canonical for the same documents. */
class CanonicalJsonInteropIT {
  static final List<String> DOCUMENTS =
      List.of(
          "{}",
          "[]",
          "{\"b\":1,\"a\":[true,false,null,-12,0],\"c\":{\"z\":\"\",\"y\":\"x\"}}",
          "{\"s\":\"quote \\\" backslash \\\\ newline \\n tab \\t\"}",
          "{\"\\u00e9\":\"caf\\u00e9\",\"e\":\"\\u20ac\",\"\\ufb01\":1,\"\\ud83d\\ude00\":2}",
          "{\"ctl\":\"\\u0001\\u001f\\u007f\"}",
          "{\"big\":123456789012345678901234567890}",
          "{\"_type\":\"link\",\"name\":\"write-code\",\"materials\":{},\"products\":{\"foo.py\":"
              + "{\"sha256\":\"74dc3727c6e89308b39e4dfedf787e37841198b1fa165a27c013544a60502549\"}}}");

  @Test
  void matchesSecuresystemslib(@TempDir Path dir) throws Exception {
    Peers.requirePython("securesystemslib.formats");
    Path in = dir.resolve("docs.jsonl");
    Files.write(in, DOCUMENTS, StandardCharsets.UTF_8);
    String script =
        "import sys, json\n"
            + "from securesystemslib.formats import encode_canonical\n"
            + "for line in open(sys.argv[1], encoding='utf-8'):\n"
            + "    print(encode_canonical(json.loads(line)).encode('utf-8').hex())\n";

    Peers.Result r =
        Peers.run(
            dir, Duration.ofSeconds(60), Peers.PYTHON.toString(), "-c", script, in.toString());

    assertEquals(0, r.exitCode(), r.output());
    List<String> expected = r.stdout().lines().toList();
    assertEquals(DOCUMENTS.size(), expected.size(), r.output());
    for (int i = 0; i < DOCUMENTS.size(); i++) {
      Bytes ours = CanonicalJson.encode(Json.parse(Bytes.utf8(DOCUMENTS.get(i)), "doc " + i));
      assertEquals(expected.get(i), HexFormat.of().formatHex(ours.toByteArray()), DOCUMENTS.get(i));
    }
  }
}
