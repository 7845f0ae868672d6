package dev.polyphony.embedding.io;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The embedding matrix as an {@code .fvecs} file, the layout of the TEXMEX corpus used by Faiss and
 * ann-benchmarks: per vector a little-endian int32 dimension {@code d} followed by {@code d}
 * little-endian float32 values, with no file header.
 */
public final class FvecsFile {
  private FvecsFile() {}

  /** Writes the matrix of {@code table} to {@code file} atomically. */
  public static void write(Path file, EmbeddingTable table) throws IOException {
    int d = table.dimension();
    FloatBuffer values = table.valuesView();
    byte[] dimension = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(d).array();
    AtomicFiles.write(file, out -> {
      for (int row = 0; row < table.size(); row++) {
        out.write(dimension);
        FloatBlocks.write(out, values, row * d, d);
      }
    });
  }

  /**
   * Reads {@code file}, taking the dimension from its first record; an empty file is a matrix of no
   * rows and no columns.
   */
  public static FloatMatrix read(Path file) throws IOException {
    return read(file, -1);
  }

  /**
   * Reads {@code file} whose records must all have dimension {@code expectedDimension} ({@code -1}:
   * take it from the first record).
   */
  public static FloatMatrix read(Path file, int expectedDimension) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        return new FloatMatrix(0, Math.max(expectedDimension, 0), new float[0]);
      }
      ByteBuffer intBuffer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      FloatBlocks.readFully(channel, file, intBuffer, 0);
      int d = intBuffer.getInt(0);
      if (d <= 0) {
        throw new EmbeddingFormatException(file, "record 0 declares dimension " + d + " (must be > 0)");
      }
      if (expectedDimension >= 0 && d != expectedDimension) {
        throw new EmbeddingFormatException(file, "record 0 declares dimension " + d + ", expected "
            + expectedDimension);
      }
      long recordBytes = 4L * (d + 1);
      if (size % recordBytes != 0) {
        throw new EmbeddingFormatException(file, "truncated: " + size + " bytes is not a whole number of "
            + recordBytes + "-byte records of dimension " + d + " (expected " + (size / recordBytes + 1)
            * recordBytes + " bytes for " + (size / recordBytes + 1) + " records)");
      }
      long rows = size / recordBytes;
      if (rows * d > Integer.MAX_VALUE - 8) {
        throw new EmbeddingFormatException(file, rows + " records of dimension " + d + " exceed "
            + (Integer.MAX_VALUE - 8) + " values");
      }
      float[] values = new float[(int) (rows * d)];
      int perChunk = (int) Math.max(1, (1 << 16) / recordBytes);
      ByteBuffer chunk = ByteBuffer.allocate((int) (perChunk * recordBytes)).order(ByteOrder.LITTLE_ENDIAN);
      for (int row = 0; row < rows; ) {
        int n = (int) Math.min(perChunk, rows - row);
        chunk.clear().limit((int) (n * recordBytes));
        FloatBlocks.readFully(channel, file, chunk, row * recordBytes);
        chunk.flip();
        for (int i = 0; i < n; i++, row++) {
          int declared = chunk.getInt();
          if (declared != d) {
            throw new EmbeddingFormatException(file, "record " + row + " declares dimension " + declared
                + ", expected " + d);
          }
          chunk.asFloatBuffer().get(values, row * d, d);
          chunk.position(chunk.position() + 4 * d);
        }
      }
      return new FloatMatrix((int) rows, d, values);
    } catch (NoSuchFileException e) {
      throw new EmbeddingFormatException(file, "file not found", e);
    }
  }
}
