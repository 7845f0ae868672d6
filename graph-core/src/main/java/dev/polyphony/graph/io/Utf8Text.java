package dev.polyphony.graph.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 text input. Malformed bytes fail the read (a {@link CharacterCodingException}) instead
 * of turning into replacement characters, and {@link #lineOfFirstMalformedByte} then finds the line
 * to name, since a buffered reader fails ahead of the line being parsed.
 */
final class Utf8Text {
  private Utf8Text() {}

  /** A buffered strict UTF-8 reader over {@code in}, past a leading byte order mark if there is one. */
  static Reader reader(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()),
        1 << 16);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  /** True when {@code e} or one of its causes is a character decoding failure. */
  static boolean isDecodingFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The 1-based line holding the first byte that is not valid UTF-8, or -1 when all of {@code in} is
   * valid. Lines end at LF bytes, which never occur inside a multi-byte UTF-8 sequence.
   */
  static long lineOfFirstMalformedByte(InputStream in) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    long line = 1;
    boolean eof = false;
    while (true) {
      if (!eof) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
      }
      bytes.flip();
      int from = bytes.position();
      CoderResult result = decoder.decode(bytes, chars, eof);
      chars.clear();
      for (int i = from; i < bytes.position(); i++) {
        if (bytes.get(i) == '\n') {
          line++;
        }
      }
      if (result.isError()) {
        return line;
      }
      if (eof && result.isUnderflow()) {
        return -1;
      }
      bytes.compact();
    }
  }
}
