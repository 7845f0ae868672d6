package dev.polyphony.embedding.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a NumPy {@code .npy} file: after the magic {@code \x93NUMPY}, a version byte pair and
 * a little-endian header length (2 bytes in version 1.0, 4 bytes in 2.0 and 3.0), an ASCII (3.0:
 * UTF-8) Python dict literal with keys {@code descr}, {@code fortran_order} and {@code shape}, padded
 * with spaces and a newline so the data starts at a multiple of 64 bytes. See the NumPy format
 * specification ({@code numpy.lib.format}).
 *
 * @param descr the dtype string, e.g. {@code '<f4'}
 * @param fortranOrder whether the data is column-major
 * @param shape array dimensions
 * @param dataOffset byte position where the data starts
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape, long dataOffset) {
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  static final int ALIGNMENT = 64;
  static final String FLOAT32_LE = "<f4";

  /** The complete version 1.0 header bytes of a C-order little-endian float32 {@code rows x columns} matrix. */
  static byte[] float32Matrix(long rows, long columns) {
    String dict = "{'descr': '" + FLOAT32_LE + "', 'fortran_order': False, 'shape': (" + rows + ", " + columns
        + "), }";
    int preamble = MAGIC.length + 2 + 2;
    int unpadded = preamble + dict.length() + 1;
    int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
    int headerLength = dict.length() + padding + 1;
    if (headerLength > 0xFFFF) {
      throw new IllegalArgumentException("npy v1.0 header too long: " + headerLength + " bytes");
    }
    byte[] out = new byte[preamble + headerLength];
    System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
    out[6] = 1;
    out[7] = 0;
    out[8] = (byte) (headerLength & 0xFF);
    out[9] = (byte) (headerLength >>> 8);
    byte[] text = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, out, preamble, text.length);
    return out;
  }

  /** Parses the dict literal {@code text} of a header whose data starts at {@code dataOffset}. */
  static NpyHeader parse(String text, long dataOffset) {
    Map<String, Object> dict = new DictParser(text).dict();
    Object descr = require(dict, "descr");
    Object fortran = require(dict, "fortran_order");
    Object shape = require(dict, "shape");
    if (!(descr instanceof String d)) {
      throw new IllegalArgumentException("'descr' must be a string (got " + descr + ")");
    }
    if (!(fortran instanceof Boolean f)) {
      throw new IllegalArgumentException("'fortran_order' must be True or False (got " + fortran + ")");
    }
    if (!(shape instanceof List<?> dims)) {
      throw new IllegalArgumentException("'shape' must be a tuple (got " + shape + ")");
    }
    long[] s = new long[dims.size()];
    for (int i = 0; i < s.length; i++) {
      if (!(dims.get(i) instanceof Long v) || v < 0) {
        throw new IllegalArgumentException("'shape' must hold non-negative integers (got " + shape + ")");
      }
      s[i] = v;
    }
    return new NpyHeader(d, f, s, dataOffset);
  }

  private static Object require(Map<String, Object> dict, String key) {
    if (!dict.containsKey(key)) {
      throw new IllegalArgumentException("header has no '" + key + "' key");
    }
    return dict.get(key);
  }

  /** The shape as NumPy prints it, e.g. {@code (3, 4)} or {@code (5,)}. */
  String shapeText() {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      b.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return b.append(shape.length == 1 ? ",)" : ")").toString();
  }

  /**
   * A parser for the subset of Python literals that npy headers use: dicts, tuples, quoted strings,
   * True/False and integers (with an optional Python 2 {@code L} suffix).
   */
  private static final class DictParser {
    private final String text;
    private int pos;

    DictParser(String text) {
      this.text = text;
    }

    Map<String, Object> dict() {
      expect('{');
      Map<String, Object> out = new LinkedHashMap<>();
      while (!peek('}')) {
        Object key = value();
        if (!(key instanceof String k)) {
          throw error("dict keys must be strings");
        }
        expect(':');
        out.put(k, value());
        if (!peek('}')) {
          expect(',');
        }
      }
      expect('}');
      skipSpace();
      if (pos != text.length()) {
        throw error("unexpected text after the dict");
      }
      return out;
    }

    private Object value() {
      skipSpace();
      if (pos >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(pos);
      if (c == '\'' || c == '"') {
        int end = text.indexOf(c, pos + 1);
        if (end < 0) {
          throw error("unterminated string");
        }
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
      }
      if (c == '(') {
        pos++;
        List<Long> items = new ArrayList<>();
        while (!peek(')')) {
          Object item = value();
          if (!(item instanceof Long l)) {
            throw error("tuples may hold only integers");
          }
          items.add(l);
          if (!peek(')')) {
            expect(',');
          }
        }
        expect(')');
        return items;
      }
      if (text.startsWith("True", pos)) {
        pos += 4;
        return Boolean.TRUE;
      }
      if (text.startsWith("False", pos)) {
        pos += 5;
        return Boolean.FALSE;
      }
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("unexpected '" + c + "'");
      }
      long v;
      try {
        v = Long.parseLong(text.substring(start, pos));
      } catch (NumberFormatException e) {
        throw error("integer out of range");
      }
      if (pos < text.length() && text.charAt(pos) == 'L') {
        pos++;
      }
      return v;
    }

    private boolean peek(char c) {
      skipSpace();
      return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private IllegalArgumentException error(String problem) {
      return new IllegalArgumentException("bad header dict at character " + pos + ": " + problem + " in "
          + text.strip());
    }
  }
}
