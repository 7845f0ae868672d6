package dev.polyphony.embedding.io;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The embedding matrix as a NumPy {@code .npy} file: format version 1.0, dtype {@code <f4}
 * (little-endian float32), C order, shape {@code (n, d)}, data aligned to 64 bytes. Loads with
 * {@code numpy.load} unchanged. The reader also accepts versions 2.0 and 3.0 but only this dtype and
 * order, and checks the file length against the shape.
 */
public final class NpyFile {
  private NpyFile() {}

  /** Writes the matrix of {@code table} to {@code file} atomically. */
  public static void write(Path file, EmbeddingTable table) throws IOException {
    byte[] header = NpyHeader.float32Matrix(table.size(), table.dimension());
    AtomicFiles.write(file, out -> {
      out.write(header);
      FloatBlocks.write(out, table.valuesView(), 0, table.size() * table.dimension());
    });
  }

  /** The header of {@code file}, validated for magic, version, dtype, order and a 2-d shape. */
  static NpyHeader readHeader(FileChannel channel, Path file) throws IOException {
    long size = channel.size();
    if (size < 10) {
      throw new EmbeddingFormatException(file, "truncated: an npy header needs at least 10 bytes, found " + size);
    }
    ByteBuffer preamble = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    preamble.limit(10);
    FloatBlocks.readFully(channel, file, preamble, 0);
    byte[] magic = Arrays.copyOf(preamble.array(), 6);
    if (!Arrays.equals(magic, NpyHeader.MAGIC)) {
      throw new EmbeddingFormatException(file, "not an npy file: expected magic \\x93NUMPY, found "
          + printable(magic));
    }
    int major = preamble.get(6) & 0xFF;
    int minor = preamble.get(7) & 0xFF;
    long headerLength;
    int lengthBytes;
    if (major == 1 && minor == 0) {
      headerLength = preamble.getShort(8) & 0xFFFF;
      lengthBytes = 2;
    } else if ((major == 2 || major == 3) && minor == 0) {
      if (size < 12) {
        throw new EmbeddingFormatException(file, "truncated: an npy " + major + ".0 header needs at least 12"
            + " bytes, found " + size);
      }
      preamble.limit(12).position(10);
      FloatBlocks.readFully(channel, file, preamble, 10);
      headerLength = preamble.getInt(8) & 0xFFFFFFFFL;
      lengthBytes = 4;
    } else {
      throw new EmbeddingFormatException(file, "unsupported npy version " + major + "." + minor
          + " (expected 1.0, 2.0 or 3.0)");
    }
    long dataOffset = 8 + lengthBytes + headerLength;
    if (size < dataOffset) {
      throw new EmbeddingFormatException(file, "truncated: header ends at byte " + dataOffset + ", file has "
          + size + " bytes");
    }
    if (headerLength > 1 << 20) {
      throw new EmbeddingFormatException(file, "header length " + headerLength + " is implausibly large");
    }
    ByteBuffer text = ByteBuffer.allocate((int) headerLength);
    FloatBlocks.readFully(channel, file, text, 8 + lengthBytes);
    NpyHeader header;
    try {
      header = NpyHeader.parse(new String(text.array(), major == 3 ? StandardCharsets.UTF_8
          : StandardCharsets.ISO_8859_1), dataOffset);
    } catch (IllegalArgumentException e) {
      throw new EmbeddingFormatException(file, e.getMessage(), e);
    }
    if (!header.descr().equals(NpyHeader.FLOAT32_LE)) {
      throw new EmbeddingFormatException(file, "dtype '" + header.descr() + "' is not supported (expected '"
          + NpyHeader.FLOAT32_LE + "', little-endian float32)");
    }
    if (header.fortranOrder()) {
      throw new EmbeddingFormatException(file, "fortran_order True is not supported (expected C order)");
    }
    if (header.shape().length != 2) {
      throw new EmbeddingFormatException(file, "shape " + header.shapeText() + " is not a matrix (expected (n, d))");
    }
    return header;
  }

  /** Reads the float32 matrix of {@code file}; fails naming the file on any mismatch or truncation. */
  public static FloatMatrix read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      NpyHeader header = readHeader(channel, file);
      long rows = header.shape()[0];
      long columns = header.shape()[1];
      if (columns == 0 && rows > 0) {
        throw new EmbeddingFormatException(file, "shape " + header.shapeText() + " has rows but no columns");
      }
      long count = rows * columns;
      if (rows > Integer.MAX_VALUE || count > Integer.MAX_VALUE - 8) {
        throw new EmbeddingFormatException(file, "shape " + header.shapeText() + " exceeds "
            + (Integer.MAX_VALUE - 8) + " values");
      }
      long expected = header.dataOffset() + 4 * count;
      long actual = channel.size();
      if (actual < expected) {
        throw new EmbeddingFormatException(file, "truncated: shape " + header.shapeText() + " needs " + expected
            + " bytes, found " + actual);
      }
      if (actual > expected) {
        throw new EmbeddingFormatException(file, "shape " + header.shapeText() + " needs " + expected
            + " bytes, found " + actual + " (" + (actual - expected) + " trailing bytes)");
      }
      float[] values = new float[(int) count];
      FloatBlocks.read(channel, file, header.dataOffset(), values, 0, values.length);
      return new FloatMatrix((int) rows, (int) columns, values);
    } catch (NoSuchFileException e) {
      throw new EmbeddingFormatException(file, "file not found", e);
    }
  }

  private static String printable(byte[] bytes) {
    StringBuilder b = new StringBuilder();
    for (byte x : bytes) {
      int c = x & 0xFF;
      b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return b.toString();
  }
}
