package dev.polyphony.graph.io;

import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Little-endian reader of a snapshot's body (everything before the trailing checksum) through a
 * direct chunk buffer, computing the CRC32C of every byte it loads. Every read is bounded by a limit
 * (the end of the current section), so a damaged count can never make it allocate or read past the
 * data that is really there.
 */
final class SnapshotInput {
  private static final int CHUNK_BYTES = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final long bodyEnd;
  private final ByteBuffer chunk;
  private final CRC32C crc = new CRC32C();
  private final ProgressTracker progress;
  /** File position of the byte after the last one loaded into the chunk. */
  private long loaded;
  private long limit;
  private byte[] scratch = new byte[64];

  SnapshotInput(Path file, FileChannel channel, long bodyEnd, ProgressTracker progress) {
    this.file = file;
    this.channel = channel;
    this.bodyEnd = bodyEnd;
    this.limit = bodyEnd;
    this.progress = progress;
    // Small files get a small buffer; a chunk must still hold the widest single value (8 bytes).
    this.chunk = ByteBuffer.allocateDirect((int) Math.max(16, Math.min(CHUNK_BYTES, bodyEnd)))
        .order(ByteOrder.LITTLE_ENDIAN);
    chunk.limit(0);
  }

  /** File position of the next byte to be read. */
  long position() {
    return loaded - chunk.remaining();
  }

  /** Bounds further reads to end before {@code end} (at most the body's end). */
  void limit(long end) {
    limit = Math.min(end, bodyEnd);
  }

  long remaining() {
    return limit - position();
  }

  /** Loads the rest of the body so that {@link #checksum()} covers all of it. */
  void drain() throws IOException {
    limit = bodyEnd;
    chunk.position(chunk.limit());
    while (loaded < bodyEnd) {
      load(1);
      chunk.position(chunk.limit());
    }
  }

  /** CRC32C of the bytes loaded so far (the whole body once it has been read or drained). */
  int checksum() {
    return (int) crc.getValue();
  }

  int readInt() throws IOException {
    need(4, "an int");
    return chunk.getInt();
  }

  long readLong() throws IOException {
    need(8, "a long");
    return chunk.getLong();
  }

  /** A count in {@code [0, max]}, naming {@code what} when it is out of range. */
  int readCount(String what, long max) throws IOException {
    int n = readInt();
    if (n < 0 || n > max) {
      throw corrupt(what + " " + Integer.toUnsignedString(n) + " is out of range [0, " + max + "]");
    }
    return n;
  }

  String readString() throws IOException {
    int n = readCount("string length", remaining() - 4);
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, 2 * scratch.length)];
    }
    int off = 0;
    while (off < n) {
      load(1);
      int k = Math.min(n - off, chunk.remaining());
      chunk.get(scratch, off, k);
      off += k;
    }
    return new String(scratch, 0, n, StandardCharsets.UTF_8);
  }

  /** A new array of {@code n} ints; fails before allocating when fewer bytes remain. */
  int[] readInts(int n, String what) throws IOException {
    requireRemaining(4L * n, what);
    int[] dst = new int[n];
    int off = 0;
    while (off < n) {
      load(4);
      int k = Math.min(n - off, chunk.remaining() / 4);
      chunk.asIntBuffer().get(dst, off, k);
      chunk.position(chunk.position() + 4 * k);
      off += k;
    }
    return dst;
  }

  float[] readFloats(int n, String what) throws IOException {
    requireRemaining(4L * n, what);
    float[] dst = new float[n];
    int off = 0;
    while (off < n) {
      load(4);
      int k = Math.min(n - off, chunk.remaining() / 4);
      chunk.asFloatBuffer().get(dst, off, k);
      chunk.position(chunk.position() + 4 * k);
      off += k;
    }
    return dst;
  }

  long[] readLongs(int n, String what) throws IOException {
    requireRemaining(8L * n, what);
    long[] dst = new long[n];
    int off = 0;
    while (off < n) {
      load(8);
      int k = Math.min(n - off, chunk.remaining() / 8);
      chunk.asLongBuffer().get(dst, off, k);
      chunk.position(chunk.position() + 8 * k);
      off += k;
    }
    return dst;
  }

  /** Skips {@code n} bytes (they still enter the checksum). */
  void skip(long n) throws IOException {
    requireRemaining(n, "skipped section");
    long left = n;
    while (left > 0) {
      load(1);
      int k = (int) Math.min(left, chunk.remaining());
      chunk.position(chunk.position() + k);
      left -= k;
    }
  }

  void requireRemaining(long bytes, String what) throws CorruptSnapshotException {
    if (bytes > remaining()) {
      throw corrupt(what + " needs " + bytes + " bytes but only " + remaining() + " remain in the section");
    }
  }

  CorruptSnapshotException corrupt(String detail) {
    return new CorruptSnapshotException(file, detail + " (at byte " + position() + ")");
  }

  private void need(int bytes, String what) throws IOException {
    requireRemaining(bytes, what);
    load(bytes);
  }

  /** Makes at least {@code bytes} bytes available in the chunk (the caller checked the limit). */
  private void load(int bytes) throws IOException {
    if (chunk.remaining() >= bytes) {
      return;
    }
    chunk.compact();
    while (chunk.position() < bytes) {
      int want = (int) Math.min(chunk.remaining(), bodyEnd - loaded);
      if (want <= 0) {
        throw new CorruptSnapshotException(file, "unexpected end of data at byte " + loaded);
      }
      ByteBuffer target = chunk.duplicate();
      target.limit(target.position() + want);
      int start = target.position();
      int n = channel.read(target, loaded);
      if (n < 0) {
        throw new CorruptSnapshotException(file, "unexpected end of file at byte " + loaded);
      }
      ByteBuffer fresh = chunk.duplicate();
      fresh.position(start).limit(start + n);
      crc.update(fresh);
      chunk.position(start + n);
      loaded += n;
      progress.step(n);
    }
    chunk.flip();
  }
}
