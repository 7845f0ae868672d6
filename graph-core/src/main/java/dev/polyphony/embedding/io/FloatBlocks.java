package dev.polyphony.embedding.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Little-endian float32 runs to streams and from file channels, in bounded chunks. */
final class FloatBlocks {
  private static final int CHUNK_FLOATS = 1 << 14;

  private FloatBlocks() {}

  /** Writes {@code count} floats of {@code source} from {@code offset}, little-endian. */
  static void write(OutputStream out, FloatBuffer source, int offset, int count) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(4 * Math.min(count, CHUNK_FLOATS)).order(ByteOrder.LITTLE_ENDIAN);
    for (int done = 0; done < count; ) {
      int n = Math.min(CHUNK_FLOATS, count - done);
      bytes.clear();
      for (int i = 0; i < n; i++) {
        bytes.putFloat(source.get(offset + done + i));
      }
      out.write(bytes.array(), 0, 4 * n);
      done += n;
    }
  }

  /** Reads exactly {@code count} floats at {@code position} of {@code channel} into {@code out}. */
  static void read(FileChannel channel, Path file, long position, float[] out, int outOffset, int count)
      throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(4 * Math.min(Math.max(count, 1), CHUNK_FLOATS))
        .order(ByteOrder.LITTLE_ENDIAN);
    long at = position;
    for (int done = 0; done < count; ) {
      int n = Math.min(CHUNK_FLOATS, count - done);
      bytes.clear().limit(4 * n);
      readFully(channel, file, bytes, at);
      bytes.flip();
      bytes.asFloatBuffer().get(out, outOffset + done, n);
      done += n;
      at += 4L * n;
    }
  }

  /** Fills {@code into} from {@code position}; a short file is reported as truncation. */
  static void readFully(FileChannel channel, Path file, ByteBuffer into, long position) throws IOException {
    long at = position;
    while (into.hasRemaining()) {
      int n = channel.read(into, at);
      if (n < 0) {
        throw new EmbeddingFormatException(file, "truncated: expected at least " + (at + into.remaining())
            + " bytes, found " + channel.size());
      }
      at += n;
    }
  }
}
