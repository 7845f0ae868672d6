package dev.polyphony.graph.split;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import java.util.Arrays;
import java.util.Objects;

/**
 * Edges of one relation as parallel primitive arrays: edge {@code i} is {@code src[i] -> dst[i]}
 * (dense node ids of the source graph), with its weight and timestamp when the relation carries them
 * ({@code null} otherwise). Splits use it for held-out positives and sampled negatives. The arrays are
 * shared, not copied: treat them as read-only.
 */
public record EdgeList(EdgeType type, int[] src, int[] dst, float[] weights, long[] timestamps) {

  public EdgeList {
    Objects.requireNonNull(type, "type");
    if (src.length != dst.length) {
      throw new IllegalArgumentException("src has " + src.length + " entries, dst " + dst.length);
    }
    if (weights != null && weights.length != src.length) {
      throw new IllegalArgumentException("weights have " + weights.length + " entries for " + src.length + " edges");
    }
    if (timestamps != null && timestamps.length != src.length) {
      throw new IllegalArgumentException(
          "timestamps have " + timestamps.length + " entries for " + src.length + " edges");
    }
  }

  /** Edges without weights or timestamps (e.g. sampled negative pairs). */
  public static EdgeList of(EdgeType type, int[] src, int[] dst) {
    return new EdgeList(type, src, dst, null, null);
  }

  /**
   * The edges at the given positions of {@code adjacency} (an out CSR of {@code type}), with weights and
   * timestamps when the adjacency has them. Rows are found by walking them beside the positions, in
   * O(V + n).
   *
   * @param positions ascending edge positions
   */
  static EdgeList atPositions(EdgeType type, CsrAdjacency adjacency, int[] positions) {
    int n = positions.length;
    int[] s = new int[n];
    int[] d = new int[n];
    float[] w = adjacency.hasWeights() ? new float[n] : null;
    long[] ts = adjacency.hasTimestamps() ? new long[n] : null;
    int row = 0;
    for (int i = 0; i < n; i++) {
      int p = positions[i];
      if (i > 0 && p <= positions[i - 1]) {
        throw new IllegalArgumentException("positions must ascend (" + positions[i - 1] + " then " + p + ")");
      }
      while (adjacency.end(row) <= p) {
        row++;
      }
      s[i] = row;
      d[i] = adjacency.target(p);
      if (w != null) {
        w[i] = adjacency.weight(p);
      }
      if (ts != null) {
        ts[i] = adjacency.timestamp(p);
      }
    }
    return new EdgeList(type, s, d, w, ts);
  }

  public int size() {
    return src.length;
  }

  public boolean isEmpty() {
    return src.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EdgeList other
        && type.equals(other.type)
        && Arrays.equals(src, other.src)
        && Arrays.equals(dst, other.dst)
        && Arrays.equals(weights, other.weights)
        && Arrays.equals(timestamps, other.timestamps);
  }

  @Override
  public int hashCode() {
    return (type.hashCode() * 31 + Arrays.hashCode(src)) * 31 + Arrays.hashCode(dst);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(type.relation()).append('[');
    int shown = Math.min(src.length, 8);
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? "" : ", ").append(src[i]).append("->").append(dst[i]);
    }
    if (src.length > shown) {
      sb.append(", ... (").append(src.length).append(" edges)");
    }
    return sb.append(']').toString();
  }
}
