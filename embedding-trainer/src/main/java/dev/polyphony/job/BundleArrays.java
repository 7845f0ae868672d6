package dev.polyphony.job;

import dev.polyphony.embedding.io.FloatMatrix;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary files of a {@link ModelBundle}, big-endian:
 * <ul>
 *   <li>named matrices ({@code weights.bin}, {@code feature-stats.bin}): magic {@code PLYMAT01}, the count, then
 *       per matrix its name (modified UTF-8 with a 2-byte length), rows, columns and {@code rows x columns}
 *       float32 values row by row;
 *   <li>id tables ({@code id-embeddings.bin}): magic {@code PLYIDS01}, the count, then per table its node type,
 *       rows, width, the external id of every row and the {@code rows x width} float32 values.
 * </ul>
 * Writing is deterministic, so the bytes (and their SHA-256, the model hash) are a function of the values.
 * Reading reports a file that is cut short, has another magic or bytes after its end, naming the file.
 */
final class BundleArrays {
  private static final byte[] MATRICES = "PLYMAT01".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID_TABLES = "PLYIDS01".getBytes(StandardCharsets.US_ASCII);
  private static final int CHUNK_FLOATS = 1 << 14;

  private BundleArrays() {}

  /** One node type's learned vectors, row {@code i} for external id {@code ids.get(i)}. */
  record IdTable(List<String> ids, FloatMatrix vectors) {
    IdTable {
      ids = List.copyOf(ids);
      if (ids.size() != vectors.rows()) {
        throw new IllegalArgumentException(ids.size() + " ids for " + vectors.rows() + " rows");
      }
    }
  }

  static void writeMatrices(OutputStream raw, Map<String, FloatMatrix> matrices) throws IOException {
    DataOutputStream out = new DataOutputStream(raw);
    out.write(MATRICES);
    out.writeInt(matrices.size());
    for (Map.Entry<String, FloatMatrix> e : matrices.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().rows());
      out.writeInt(e.getValue().columns());
      writeFloats(out, e.getValue().values());
    }
    out.flush();
  }

  static Map<String, FloatMatrix> readMatrices(InputStream raw, Path file) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    try {
      magic(in, MATRICES, file);
      int count = count(in.readInt(), "matrices", file);
      Map<String, FloatMatrix> matrices = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int rows = count(in.readInt(), "rows of '" + name + "'", file);
        int columns = count(in.readInt(), "columns of '" + name + "'", file);
        if (matrices.put(name, new FloatMatrix(rows, columns, readFloats(in, size(rows, columns, name, file))))
            != null) {
          throw new IOException(file + ": matrix '" + name + "' appears twice");
        }
      }
      end(in, file);
      return matrices;
    } catch (EOFException e) {
      throw new IOException(file + ": truncated (the file ends inside its data)", e);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": damaged (" + e.getMessage() + ")", e);
    }
  }

  static void writeIdTables(OutputStream raw, Map<String, IdTable> tables) throws IOException {
    DataOutputStream out = new DataOutputStream(raw);
    out.write(ID_TABLES);
    out.writeInt(tables.size());
    for (Map.Entry<String, IdTable> e : tables.entrySet()) {
      FloatMatrix vectors = e.getValue().vectors();
      out.writeUTF(e.getKey());
      out.writeInt(vectors.rows());
      out.writeInt(vectors.columns());
      for (String id : e.getValue().ids()) {
        out.writeUTF(id);
      }
      writeFloats(out, vectors.values());
    }
    out.flush();
  }

  static Map<String, IdTable> readIdTables(InputStream raw, Path file) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    try {
      magic(in, ID_TABLES, file);
      int count = count(in.readInt(), "id tables", file);
      Map<String, IdTable> tables = new LinkedHashMap<>();
      for (int t = 0; t < count; t++) {
        String type = in.readUTF();
        int rows = count(in.readInt(), "rows of '" + type + "'", file);
        int width = count(in.readInt(), "width of '" + type + "'", file);
        List<String> ids = new ArrayList<>(Math.min(rows, 1 << 20));
        for (int r = 0; r < rows; r++) {
          ids.add(in.readUTF());
        }
        float[] values = readFloats(in, size(rows, width, type, file));
        if (tables.put(type, new IdTable(ids, new FloatMatrix(rows, width, values))) != null) {
          throw new IOException(file + ": id table '" + type + "' appears twice");
        }
      }
      end(in, file);
      return tables;
    } catch (EOFException e) {
      throw new IOException(file + ": truncated (the file ends inside its data)", e);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": damaged (" + e.getMessage() + ")", e);
    }
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4 * Math.min(CHUNK_FLOATS, Math.max(1, values.length)));
    for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
      int n = Math.min(CHUNK_FLOATS, values.length - from);
      buffer.clear();
      buffer.asFloatBuffer().put(values, from, n);
      out.write(buffer.array(), 0, 4 * n);
    }
  }

  private static float[] readFloats(DataInputStream in, int count) throws IOException {
    float[] values = new float[count];
    byte[] bytes = new byte[4 * Math.min(CHUNK_FLOATS, Math.max(1, count))];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    for (int from = 0; from < count; from += CHUNK_FLOATS) {
      int n = Math.min(CHUNK_FLOATS, count - from);
      in.readFully(bytes, 0, 4 * n);
      buffer.clear();
      buffer.asFloatBuffer().get(values, from, n);
    }
    return values;
  }

  private static void magic(DataInputStream in, byte[] expected, Path file) throws IOException {
    byte[] magic = new byte[expected.length];
    in.readFully(magic);
    if (!Arrays.equals(magic, expected)) {
      throw new IOException(file + ": not a model bundle file (starts with '"
          + new String(magic, StandardCharsets.US_ASCII).replaceAll("[^ -~]", "?") + "', expected '"
          + new String(expected, StandardCharsets.US_ASCII) + "')");
    }
  }

  private static int count(int value, String what, Path file) throws IOException {
    if (value < 0) {
      throw new IOException(file + ": damaged (" + what + " is " + value + ")");
    }
    return value;
  }

  private static int size(int rows, int columns, String name, Path file) throws IOException {
    long size = (long) rows * columns;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IOException(file + ": damaged ('" + name + "' claims " + rows + " x " + columns + " values)");
    }
    return (int) size;
  }

  private static void end(DataInputStream in, Path file) throws IOException {
    if (in.read() >= 0) {
      throw new IOException(file + ": damaged (bytes after the last entry)");
    }
  }
}
