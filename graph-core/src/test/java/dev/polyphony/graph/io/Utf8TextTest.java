package dev.polyphony.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
  @Test
  void readsUtf8PastAByteOrderMark() throws IOException {
    byte[] bytes = "\uFEFFcaf\u00e9 \uD83C\uDFB5".getBytes(StandardCharsets.UTF_8);
    try (Reader reader = Utf8Text.reader(new ByteArrayInputStream(bytes))) {
      char[] buffer = new char[16];
      int n = reader.read(buffer);
      assertThat(new String(buffer, 0, n)).isEqualTo("caf\u00e9 \uD83C\uDFB5");
    }
  }

  @Test
  void malformedBytesFailTheReadAndTheirLineIsFound() throws IOException {
    byte[] bytes = "a\nb\nLatin-1 caf\u00e9\nd\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> {
      try (Reader reader = Utf8Text.reader(new ByteArrayInputStream(bytes))) {
        reader.read(new char[64]);
      }
    }).isInstanceOf(CharacterCodingException.class);
    assertThat(Utf8Text.lineOfFirstMalformedByte(new ByteArrayInputStream(bytes))).isEqualTo(3);
    assertThat(Utf8Text.isDecodingFailure(new UncheckedIOException(new CharacterCodingException()))).isTrue();
    assertThat(Utf8Text.isDecodingFailure(new IOException("disk"))).isFalse();
  }

  @Test
  void findsTheLineBeyondTheFirstBufferAndAcrossASplitSequence() throws IOException {
    byte[] head = new byte[(1 << 16) - 1];
    Arrays.fill(head, (byte) 'x');
    head[100] = '\n';
    byte[] tail = "\u00e9\n\n\u00ff".getBytes(StandardCharsets.UTF_8); // é straddles the first buffer's end
    byte[] bad = {(byte) 0xC3};
    byte[] all = concat(head, tail, bad);
    assertThat(Utf8Text.lineOfFirstMalformedByte(new ByteArrayInputStream(all))).isEqualTo(4);
    assertThat(Utf8Text.lineOfFirstMalformedByte(new ByteArrayInputStream(concat(head, tail)))).isEqualTo(-1);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
