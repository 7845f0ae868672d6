package dev.polyphony.graph.io;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Binary snapshots of a {@link HeteroGraph}: a versioned, CRC32C-checksummed file that loads far
 * faster than re-parsing the sources, because every array is copied in bulk (layout in
 * docs/snapshot-format.md).
 *
 * <p>Contract: {@link #read} returns a graph equal to the one written, or throws; it never returns
 * a partly loaded graph. A file that does not start with the magic bytes fails with "not a Polyphony
 * snapshot"; an unknown format version fails naming both versions; a truncated, damaged or
 * inconsistent file fails with {@link CorruptSnapshotException}. {@link #write} is atomic: readers
 * see the previous file or the complete new one.
 */
public final class GraphSnapshot {
  /** The format version written by this build; reading accepts exactly this version. */
  public static final int FORMAT_VERSION = SnapshotFormat.VERSION;

  private GraphSnapshot() {}

  public static void write(HeteroGraph graph, Path file) throws IOException {
    write(graph, file, ProgressTracker.NONE);
  }

  /** Writes {@code graph} to {@code file} atomically, reporting bytes written as one stage. */
  public static void write(HeteroGraph graph, Path file, ProgressTracker progress) throws IOException {
    SnapshotWriter writer = new SnapshotWriter(graph);
    progress.begin("write snapshot", writer.length());
    try {
      AtomicFiles.write(file, out -> writer.writeTo(out, progress));
    } finally {
      progress.end();
    }
  }

  public static HeteroGraph read(Path file) throws IOException {
    return read(file, ProgressTracker.NONE);
  }

  /** Reads the graph in {@code file}, reporting bytes read as one stage. */
  public static HeteroGraph read(Path file, ProgressTracker progress) throws IOException {
    return SnapshotReader.read(file, progress);
  }
}
