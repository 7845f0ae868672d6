package dev.polyphony.graph.io;

import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Little-endian byte sink for snapshots with a running CRC32C. Arrays are copied in bulk through a
 * heap chunk buffer. A {@linkplain #counting() counting} output writes nothing and only measures, so
 * one piece of serialisation code yields both the section lengths and the bytes.
 */
final class SnapshotOutput {
  private static final int CHUNK_BYTES = 1 << 20;

  private final OutputStream out;
  private final ByteBuffer chunk;
  private final CRC32C crc = new CRC32C();
  private final ProgressTracker progress;
  private long position;

  private SnapshotOutput(OutputStream out, ProgressTracker progress) {
    this.out = out;
    this.progress = progress;
    this.chunk = out == null ? null : ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** An output that only counts the bytes it would write. */
  static SnapshotOutput counting() {
    return new SnapshotOutput(null, ProgressTracker.NONE);
  }

  /** An output writing to {@code out}, reporting each flushed chunk's bytes to {@code progress}. */
  static SnapshotOutput to(OutputStream out, ProgressTracker progress) {
    return new SnapshotOutput(out, progress);
  }

  /** Bytes written (or counted) so far. */
  long position() {
    return position;
  }

  /** The CRC32C of everything flushed so far; call {@link #flush()} first. */
  int checksum() {
    return (int) crc.getValue();
  }

  void writeInt(int v) throws IOException {
    position += 4;
    if (out != null) {
      room(4);
      chunk.putInt(v);
    }
  }

  void writeLong(long v) throws IOException {
    position += 8;
    if (out != null) {
      room(8);
      chunk.putLong(v);
    }
  }

  void writeBytes(byte[] bytes) throws IOException {
    position += bytes.length;
    if (out == null) {
      return;
    }
    int off = 0;
    while (off < bytes.length) {
      room(1);
      int k = Math.min(bytes.length - off, chunk.remaining());
      chunk.put(bytes, off, k);
      off += k;
    }
  }

  /** A UTF-8 string as its byte length followed by the bytes. */
  void writeString(String s) throws IOException {
    if (out == null) {
      position += 4 + utf8Length(s);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    writeInt(bytes.length);
    writeBytes(bytes);
  }

  /** The remaining ints of {@code src}, consumed. */
  void writeInts(IntBuffer src) throws IOException {
    position += 4L * src.remaining();
    if (out == null) {
      return;
    }
    while (src.hasRemaining()) {
      room(4);
      int k = Math.min(src.remaining(), chunk.remaining() / 4);
      IntBuffer part = src.slice().limit(k);
      chunk.asIntBuffer().put(part);
      src.position(src.position() + k);
      chunk.position(chunk.position() + 4 * k);
    }
  }

  void writeFloats(FloatBuffer src) throws IOException {
    position += 4L * src.remaining();
    if (out == null) {
      return;
    }
    while (src.hasRemaining()) {
      room(4);
      int k = Math.min(src.remaining(), chunk.remaining() / 4);
      FloatBuffer part = src.slice().limit(k);
      chunk.asFloatBuffer().put(part);
      src.position(src.position() + k);
      chunk.position(chunk.position() + 4 * k);
    }
  }

  void writeLongs(LongBuffer src) throws IOException {
    position += 8L * src.remaining();
    if (out == null) {
      return;
    }
    while (src.hasRemaining()) {
      room(8);
      int k = Math.min(src.remaining(), chunk.remaining() / 8);
      LongBuffer part = src.slice().limit(k);
      chunk.asLongBuffer().put(part);
      src.position(src.position() + k);
      chunk.position(chunk.position() + 8 * k);
    }
  }

  /** Passes buffered bytes to the stream, adding them to the checksum. */
  void flush() throws IOException {
    if (out == null || chunk.position() == 0) {
      return;
    }
    int n = chunk.position();
    crc.update(chunk.array(), 0, n);
    out.write(chunk.array(), 0, n);
    chunk.clear();
    progress.step(n);
  }

  private void room(int bytes) throws IOException {
    if (chunk.remaining() < bytes) {
      flush();
    }
  }

  /** The length of {@code s} in UTF-8 as {@link String#getBytes} encodes it (a lone surrogate is '?'). */
  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 1;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
