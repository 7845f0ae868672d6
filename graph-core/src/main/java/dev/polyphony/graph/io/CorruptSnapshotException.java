package dev.polyphony.graph.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A snapshot file that is truncated, fails its checksum or holds content that breaks the graph's
 * invariants. The message names the file and, where it applies, the expected and actual values.
 */
public class CorruptSnapshotException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public CorruptSnapshotException(Path file, String detail) {
    super("corrupt snapshot " + file + ": " + detail);
    this.file = file;
  }

  public CorruptSnapshotException(Path file, String detail, Throwable cause) {
    super("corrupt snapshot " + file + ": " + detail, cause);
    this.file = file;
  }

  /** The file found corrupt. */
  public Path file() {
    return file;
  }

  static CorruptSnapshotException lengthMismatch(Path file, long expected, long actual) {
    return new CorruptSnapshotException(file, "length mismatch: expected " + expected + " bytes, found "
        + actual + (actual < expected ? " (truncated)" : ""));
  }

  static CorruptSnapshotException checksumMismatch(Path file, int expected, int actual) {
    return new CorruptSnapshotException(file, String.format(
        "checksum mismatch: expected CRC32C %08x, computed %08x", expected, actual));
  }
}
