package dev.polyphony.graph;

/**
 * Bytes a graph will hold once built and the peak bytes needed while building it, estimated from
 * counts before large arrays are allocated.
 *
 * @param graphBytes adjacency in both directions plus features (ids and attributes excluded)
 * @param peakBuildBytes buffered edges plus the largest relation's sort buffers plus {@code graphBytes}
 */
public record GraphMemoryEstimate(long graphBytes, long peakBuildBytes) {

  /** Bytes of one relation stored in both directions. */
  public static long relationBytes(long sources, long targets, long edges, boolean weighted,
      boolean timestamped) {
    long perEdge = 4 + (weighted ? 4 : 0) + (timestamped ? 8 : 0);
    return 2 * edges * perEdge + 4 * (sources + 1) + 4 * (targets + 1);
  }

  /** Bytes of one buffered edge in the builder (source, target, optional weight and timestamp). */
  public static long bufferedEdgeBytes(boolean weighted, boolean timestamped) {
    return 8 + (weighted ? 4 : 0) + (timestamped ? 8 : 0);
  }

  /** The estimate in mebibytes, for messages. */
  @Override
  public String toString() {
    return String.format("graph ~%.1f MiB, peak while building ~%.1f MiB",
        graphBytes / 1048576.0, peakBuildBytes / 1048576.0);
  }
}
