package dev.ssc.attest.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.dsse.DsseCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BundleReaderTest {
  private static final BundleReader READER = BundleReader.builder().build();

  static Bytes envelope(String payload) {
    return DsseCodec.encode(
        Envelope.builder()
            .payloadType(Envelope.IN_TOTO_PAYLOAD_TYPE)
            .payload(Bytes.utf8(payload))
            .addSignatures(Envelope.Signature.of("k", Bytes.utf8("sig")))
            .build());
  }

  static Bytes text(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void readsEnvelopesKeepingEachLinesExactBytes() throws Exception {
    Bytes a = envelope("{\"a\":1}");
    // Non-compact, still one line: the bytes are kept as they are, not re-encoded.
    Bytes b =
        text(
            "{ \"payloadType\" : \"application/vnd.in-toto+json\", \"payload\": \"e30=\","
                + " \"signatures\": [] }");
    Bundle bundle =
        READER.read(text(a.toUtf8String() + "\n" + b.toUtf8String() + "\n"), "two.intoto.jsonl");
    assertEquals(2, bundle.entries().size());
    assertEquals(a, bundle.entries().get(0).bytes());
    assertEquals(b, bundle.entries().get(1).bytes());
    assertEquals(Digests.sha256(b), bundle.entries().get(1).evidenceId());
    assertEquals(2, bundle.entries().get(1).lineNumber());
    assertEquals(Bytes.utf8("{}"), bundle.entries().get(1).envelope().payload());
    assertTrue(bundle.ignoredLines().isEmpty());
  }

  @Test
  void skipsBlankLinesAcceptsCrlfAndAMissingFinalNewline() throws Exception {
    Bytes a = envelope("{}");
    Bundle bundle =
        READER.read(text("\n  \r\n" + a.toUtf8String() + "\r\n\t\n" + a.toUtf8String()), "crlf");
    assertEquals(2, bundle.entries().size());
    assertEquals(3, bundle.entries().get(0).lineNumber());
    assertEquals(5, bundle.entries().get(1).lineNumber());
    assertEquals(a, bundle.entries().get(0).bytes());
    assertEquals(a, bundle.entries().get(1).bytes());
    assertEquals(0, READER.read(Bytes.empty(), "empty").entries().size());
  }

  @Test
  void ignoresUnrecognizedLinesWithAFindingNamingTheLine() throws Exception {
    Bytes a = envelope("{}");
    Bundle bundle = READER.read(text("not json\n{\"x\":1}\n" + a.toUtf8String() + "\n"), "mixed");
    assertEquals(1, bundle.entries().size());
    assertEquals(2, bundle.ignoredLines().size());
    assertEquals("line 1", bundle.ignoredLines().get(0).location().orElseThrow());
    assertEquals("line 2", bundle.ignoredLines().get(1).location().orElseThrow());
    assertEquals("bundle.line.ignored", bundle.ignoredLines().get(1).code());
  }

  @Test
  void rejectsUnrecognizedLinesWhenAskedNamingTheLine() {
    BundleReader strict = BundleReader.builder().rejectUnrecognizedLines().build();
    Bytes a = envelope("{}");
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> strict.read(text(a.toUtf8String() + "\n{\"payload\":1}\n"), "b.jsonl"));
    assertTrue(e.getMessage().startsWith("b.jsonl: line 2"), e.getMessage());
    e =
        assertThrows(
            SscFormatException.class, () -> strict.read(text("{\"a\":1,\"a\":2}\n"), "dup.jsonl"));
    assertTrue(e.getMessage().startsWith("dup.jsonl: line 1"), e.getMessage());
  }

  @Test
  void enforcesEveryLimitNamingTheLine() {
    Bytes a = envelope("{}");
    String two = a.toUtf8String() + "\n" + a.toUtf8String() + "\n";
    SscFormatException e =
        assertThrows(
            SscFormatException.class,
            () -> BundleReader.builder().maxLines(1).build().read(text(two), "lines"));
    assertEquals("lines: line 2: more than the limit of 1 lines", e.getMessage());
    e =
        assertThrows(
            SscFormatException.class,
            () ->
                BundleReader.builder().maxLineBytes(a.size() - 1).build().read(text(two), "long"));
    assertTrue(e.getMessage().startsWith("long: line 1: longer than the limit"), e.getMessage());
    e =
        assertThrows(
            SscFormatException.class,
            () ->
                BundleReader.builder()
                    .maxTotalBytes(a.size() + 3)
                    .build()
                    .read(text(two), "total"));
    assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BundleReader.builder().maxLines(0));
    assertThrows(IllegalArgumentException.class, () -> BundleReader.builder().maxLineBytes(0));
  }

  @Test
  void writerWritesExactBytesOnePerLineAndRejectsLineBreaks() throws Exception {
    Bytes a = envelope("{\"n\":1}");
    Bytes b = envelope("{\"n\":2}");
    Bytes bundle = BundleWriter.write(List.of(a, b));
    assertEquals(a.toUtf8String() + "\n" + b.toUtf8String() + "\n", bundle.toUtf8String());
    Bundle read = READER.read(bundle, "w");
    assertEquals(
        List.of(a, b), List.of(read.entries().get(0).bytes(), read.entries().get(1).bytes()));
    Bytes pretty = Bytes.utf8("{\n\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":[]}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(IllegalArgumentException.class, () -> BundleWriter.write(List.of(a, pretty), out));
    assertEquals(0, out.size(), "nothing is written when an envelope is rejected");
    assertThrows(IllegalArgumentException.class, () -> BundleWriter.write(List.of(text("[]"))));
  }

  @Property(tries = 100)
  void bundlesRoundTrip(@ForAll("payloads") List<String> payloads) throws Exception {
    List<Bytes> envelopes = new ArrayList<>();
    payloads.forEach(p -> envelopes.add(envelope(p)));
    Bundle bundle = READER.read(BundleWriter.write(envelopes), "p");
    List<Bytes> back = new ArrayList<>();
    bundle.entries().forEach(e -> back.add(e.bytes()));
    assertEquals(envelopes, back);
  }

  @Provide
  Arbitrary<List<String>> payloads() {
    return Arbitraries.strings().ofMaxLength(40).list().ofMaxSize(5);
  }

  @Property(tries = 300)
  void mutatedBundleIsReadOrRejectedNeverCrashes(
      @ForAll @IntRange(min = 0, max = 400) int position, @ForAll byte value) throws Exception {
    byte[] bytes =
        (envelope("{\"_type\":\"x\"}").toUtf8String() + "\n" + envelope("{}").toUtf8String() + "\n")
            .getBytes(StandardCharsets.UTF_8);
    bytes[position % bytes.length] = value;
    try {
      Bundle bundle = BundleReader.builder().build().read(Bytes.of(bytes), "mutated");
      assertTrue(bundle.entries().size() + bundle.ignoredLines().size() <= 3);
    } catch (SscFormatException e) {
      assertTrue(e.getMessage().startsWith("mutated: line "), e.getMessage());
    }
  }
}
