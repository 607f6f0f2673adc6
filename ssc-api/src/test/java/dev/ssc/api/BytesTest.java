package dev.ssc.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BytesTest {
  @Test
  void changingTheSourceArrayDoesNotChangeTheBytes() {
    byte[] source = {1, 2, 3};
    Bytes bytes = Bytes.of(source);

    source[0] = 9;

    assertArrayEquals(new byte[] {1, 2, 3}, bytes.toByteArray());
  }

  @Test
  void changingTheCopyOutDoesNotChangeTheBytes() {
    Bytes bytes = Bytes.of(new byte[] {1, 2, 3});

    byte[] out = bytes.toByteArray();
    out[0] = 9;

    assertEquals(1, bytes.byteAt(0));
    assertArrayEquals(new byte[] {1, 2, 3}, bytes.toByteArray());
  }

  @Test
  void copyOfTakesARangeAndCopiesIt() {
    byte[] source = {1, 2, 3, 4, 5};

    Bytes middle = Bytes.copyOf(source, 1, 3);
    source[2] = 9;

    assertArrayEquals(new byte[] {2, 3, 4}, middle.toByteArray());
  }

  @Test
  void copyOfRejectsARangeOutsideTheArray() {
    byte[] source = {1, 2, 3};

    assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(source, 2, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(source, -1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(source, 0, -1));
  }

  @Test
  void emptyInputsGiveTheEmptyBytes() {
    assertSame(Bytes.empty(), Bytes.of(new byte[0]));
    assertSame(Bytes.empty(), Bytes.copyOf(new byte[] {1}, 1, 0));
    assertTrue(Bytes.empty().isEmpty());
    assertEquals(0, Bytes.empty().size());
    assertEquals(Bytes.empty(), Bytes.fromHex(""));
    assertEquals(Bytes.empty(), Bytes.utf8(""));
  }

  @Test
  void byteAtRejectsAnIndexOutsideTheBytes() {
    Bytes bytes = Bytes.of(new byte[] {1});

    assertThrows(IndexOutOfBoundsException.class, () -> bytes.byteAt(1));
    assertThrows(IndexOutOfBoundsException.class, () -> bytes.byteAt(-1));
  }

  @Test
  void equalsComparesContent() {
    Bytes a = Bytes.of(new byte[] {1, 2, 3});

    assertEquals(a, Bytes.of(new byte[] {1, 2, 3}));
    assertEquals(a.hashCode(), Bytes.of(new byte[] {1, 2, 3}).hashCode());
    assertNotEquals(a, Bytes.of(new byte[] {1, 2, 4}));
    assertNotEquals(a, Bytes.of(new byte[] {1, 2}));
    assertNotEquals(a, Bytes.of(new byte[] {1, 2, 3, 0}));
    assertNotEquals(a, (Object) new byte[] {1, 2, 3});
  }

  @Test
  void toStringShowsOnlyTheLength() {
    Bytes secret = Bytes.utf8("hunter2");

    assertEquals("Bytes[7]", secret.toString());
    assertFalse(secret.toString().contains("hunter2"));
    assertFalse(secret.toString().contains(secret.toHex()));
    assertFalse(secret.toString().contains(secret.toBase64()));
  }

  @Test
  void hexIsLowercase() {
    Bytes bytes = Bytes.of(new byte[] {(byte) 0xAB, 0x01, (byte) 0xFF});

    assertEquals("ab01ff", bytes.toHex());
    assertEquals(bytes, Bytes.fromHex("AB01FF"));
    assertEquals(bytes, Bytes.fromHex("aB01fF"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "abc", "0g", "zz", "ab cd", "+1", "é0"})
  void fromHexRejectsOddLengthOrNonHexText(String hex) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex(hex));

    assertTrue(e.getMessage().contains("hexadecimal"), e.getMessage());
  }

  @Test
  void base64IsStandardWithPadding() {
    Bytes bytes = Bytes.of(new byte[] {(byte) 0xfb, (byte) 0xff});

    assertEquals("+/8=", bytes.toBase64());
    assertEquals(bytes, Bytes.fromBase64("+/8="));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-_8=", "a", "@@@@", "ab=c", "ab==="})
  void fromBase64RejectsInvalidStandardBase64(String base64) {
    assertThrows(IllegalArgumentException.class, () -> Bytes.fromBase64(base64));
  }

  @Test
  void fromBase64RejectsMissingPaddingAndNonCanonicalTrailingBits() {
    assertThrows(IllegalArgumentException.class, () -> Bytes.fromBase64("YQ"));
    assertThrows(IllegalArgumentException.class, () -> Bytes.fromBase64("aR=="));
  }

  @Test
  void utf8EncodesText() {
    Bytes bytes = Bytes.utf8("é€");

    assertEquals("c3a9e282ac", bytes.toHex());
    assertEquals("é€", bytes.toUtf8String());
  }

  @Test
  void readOnlyBufferCannotChangeTheBytes() {
    Bytes bytes = Bytes.of(new byte[] {1, 2});

    ByteBuffer buffer = bytes.asReadOnlyBuffer();

    assertTrue(buffer.isReadOnly());
    assertEquals(2, buffer.remaining());
    assertThrows(ReadOnlyBufferException.class, () -> buffer.put(0, (byte) 9));
    assertEquals(1, bytes.byteAt(0));
  }

  @Test
  void writeToWritesExactlyTheBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes.of(new byte[] {0, (byte) 0xff, 7}).writeTo(out);

    assertArrayEquals(new byte[] {0, (byte) 0xff, 7}, out.toByteArray());
  }

  @Property
  void hexReadsBack(@ForAll @Size(max = 256) byte[] raw) {
    Bytes bytes = Bytes.of(raw);

    assertEquals(bytes, Bytes.fromHex(bytes.toHex()));
    assertEquals(bytes, Bytes.fromHex(bytes.toHex().toUpperCase(Locale.ROOT)));
    assertEquals(HexFormat.of().formatHex(raw), bytes.toHex());
    assertEquals(raw.length * 2, bytes.toHex().length());
  }

  @Property
  void base64ReadsBack(@ForAll @Size(max = 256) byte[] raw) {
    Bytes bytes = Bytes.of(raw);

    assertEquals(bytes, Bytes.fromBase64(bytes.toBase64()));
    assertEquals(Base64.getEncoder().encodeToString(raw), bytes.toBase64());
  }

  @Property
  void copiesInAndOut(@ForAll @Size(min = 1, max = 64) byte[] raw) {
    byte[] original = raw.clone();
    Bytes bytes = Bytes.of(raw);

    Arrays.fill(raw, (byte) ~raw[0]);
    byte[] out = bytes.toByteArray();
    Arrays.fill(out, (byte) 0x5a);

    assertArrayEquals(original, bytes.toByteArray());
    assertEquals(original.length, bytes.size());
  }

  @Property
  void equalityAgreesWithArrayEquality(
      @ForAll @Size(max = 4) byte[] a, @ForAll @Size(max = 4) byte[] b) {
    assertEquals(Arrays.equals(a, b), Bytes.of(a).equals(Bytes.of(b)));
    if (Arrays.equals(a, b)) {
      assertEquals(Bytes.of(a).hashCode(), Bytes.of(b).hashCode());
    }
  }

  @Property
  void utf8ReadsBackWellFormedText(@ForAll("text") String text) {
    assertEquals(text, Bytes.utf8(text).toUtf8String());
  }

  @Property
  void toStringNeverShowsContent(@ForAll @Size(min = 1, max = 64) byte[] raw) {
    Bytes bytes = Bytes.of(raw);

    assertEquals("Bytes[" + raw.length + "]", bytes.toString());
  }

  @Provide
  Arbitrary<String> text() {
    // Well-formed UTF-16 only: lone surrogates cannot round-trip through UTF-8.
    return Arbitraries.strings()
        .withCharRange('\u0000', '\ud7ff')
        .withCharRange('\ue000', '\ufffd')
        .ofMaxLength(64);
  }
}
