package dev.polyphony.graph;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * Immutable compressed sparse row adjacency of one relation in one direction.
 *
 * <p>Row {@code u} holds the neighbours {@code target(i)} for {@code i} in {@code [start(u), end(u))},
 * sorted ascending and free of duplicates. Weights and timestamps are optional and aligned with the
 * targets. Built by counting and prefix sums in O(V + E) (as JGraphT's sparse graphs are); duplicate
 * {@code (u, v)} pairs are merged on build: weights are summed and the earliest timestamp is kept.
 */
public final class CsrAdjacency {
  private final int[] offsets;
  private final int[] targets;
  private final float[] weights;
  private final long[] timestamps;
  private final int targetCount;

  /**
   * Wraps arrays that already satisfy the CSR contract (used by snapshots and transposition). The arrays
   * are owned by the adjacency from now on.
   *
   * @param targetCount number of nodes on the target side; every target is in {@code [0, targetCount)}
   */
  public CsrAdjacency(int[] offsets, int[] targets, float[] weights, long[] timestamps, int targetCount) {
    if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != targets.length) {
      throw new IllegalArgumentException("offsets must start at 0 and end at the number of targets ("
          + targets.length + ")");
    }
    if (weights != null && weights.length != targets.length) {
      throw new IllegalArgumentException("weights length " + weights.length + " != targets " + targets.length);
    }
    if (timestamps != null && timestamps.length != targets.length) {
      throw new IllegalArgumentException(
          "timestamps length " + timestamps.length + " != targets " + targets.length);
    }
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
    this.timestamps = timestamps;
    this.targetCount = targetCount;
  }

  /** An adjacency with {@code rows} rows and no edges. */
  public static CsrAdjacency empty(int rows, int targetCount, boolean weighted, boolean timestamped) {
    return new CsrAdjacency(new int[rows + 1], new int[0], weighted ? new float[0] : null,
        timestamped ? new long[0] : null, targetCount);
  }

  /**
   * Builds the CSR of {@code count} edges {@code src[e] -> dst[e]}, merging duplicates.
   * Two stable counting-sort passes (by target, then by source) give rows sorted by target in O(V + E).
   *
   * @param weights per-edge weights or {@code null}; duplicates are summed
   * @param timestamps per-edge timestamps or {@code null}; duplicates keep the earliest
   * @return the adjacency and the number of duplicate edges merged away
   */
  public static Built fromEdges(int rows, int targetCount, int[] src, int[] dst, float[] weights,
      long[] timestamps, int count) {
    int[] byTarget = new int[count];
    int[] cursor = new int[Math.max(rows, targetCount) + 1];
    for (int e = 0; e < count; e++) {
      int v = dst[e];
      if (v < 0 || v >= targetCount) {
        throw new IllegalArgumentException("edge " + e + " target " + v + " outside [0, " + targetCount + ")");
      }
      cursor[v + 1]++;
    }
    prefixSum(cursor, targetCount);
    for (int e = 0; e < count; e++) {
      byTarget[cursor[dst[e]]++] = e;
    }
    Arrays.fill(cursor, 0);
    for (int e = 0; e < count; e++) {
      int u = src[e];
      if (u < 0 || u >= rows) {
        throw new IllegalArgumentException("edge " + e + " source " + u + " outside [0, " + rows + ")");
      }
      cursor[u + 1]++;
    }
    prefixSum(cursor, rows);
    int[] sortedEdge = new int[count];
    for (int p = 0; p < count; p++) {
      int e = byTarget[p];
      sortedEdge[cursor[src[e]]++] = e;
    }
    byTarget = null;
    // cursor[u] now equals the end of row u; merge duplicates row by row, compacting in place.
    int[] offsets = new int[rows + 1];
    int[] targets = new int[count];
    float[] w = weights == null ? null : new float[count];
    long[] ts = timestamps == null ? null : new long[count];
    int out = 0;
    int rowStart = 0;
    for (int u = 0; u < rows; u++) {
      int rowEnd = cursor[u];
      int first = out;
      for (int p = rowStart; p < rowEnd; p++) {
        int e = sortedEdge[p];
        int v = dst[e];
        if (out > first && targets[out - 1] == v) {
          if (w != null) {
            w[out - 1] += weights[e];
          }
          if (ts != null) {
            ts[out - 1] = Math.min(ts[out - 1], timestamps[e]);
          }
          continue;
        }
        targets[out] = v;
        if (w != null) {
          w[out] = weights[e];
        }
        if (ts != null) {
          ts[out] = timestamps[e];
        }
        out++;
      }
      offsets[u + 1] = out;
      rowStart = rowEnd;
    }
    int merged = count - out;
    if (merged > 0) {
      targets = Arrays.copyOf(targets, out);
      w = w == null ? null : Arrays.copyOf(w, out);
      ts = ts == null ? null : Arrays.copyOf(ts, out);
    }
    return new Built(new CsrAdjacency(offsets, targets, w, ts, targetCount), merged);
  }

  private static void prefixSum(int[] counts, int n) {
    for (int i = 0; i < n; i++) {
      counts[i + 1] += counts[i];
    }
  }

  /** The reverse direction: row {@code v} lists every {@code u} with {@code u -> v}, sorted ascending. */
  public CsrAdjacency transpose() {
    int rows = rowCount();
    int[] inOffsets = new int[targetCount + 1];
    for (int t : targets) {
      inOffsets[t + 1]++;
    }
    prefixSum(inOffsets, targetCount);
    int[] cursor = Arrays.copyOf(inOffsets, targetCount);
    int[] inTargets = new int[targets.length];
    float[] inWeights = weights == null ? null : new float[targets.length];
    long[] inTimestamps = timestamps == null ? null : new long[targets.length];
    for (int u = 0; u < rows; u++) {
      for (int i = offsets[u], end = offsets[u + 1]; i < end; i++) {
        int pos = cursor[targets[i]]++;
        inTargets[pos] = u;
        if (inWeights != null) {
          inWeights[pos] = weights[i];
        }
        if (inTimestamps != null) {
          inTimestamps[pos] = timestamps[i];
        }
      }
    }
    return new CsrAdjacency(inOffsets, inTargets, inWeights, inTimestamps, rows);
  }

  /** Number of rows (source-side nodes). */
  public int rowCount() {
    return offsets.length - 1;
  }

  /** Number of nodes on the target side. */
  public int targetCount() {
    return targetCount;
  }

  public int edgeCount() {
    return targets.length;
  }

  public int degree(int node) {
    return offsets[node + 1] - offsets[node];
  }

  /** First edge position of {@code node}'s row. */
  public int start(int node) {
    return offsets[node];
  }

  /** One past the last edge position of {@code node}'s row. */
  public int end(int node) {
    return offsets[node + 1];
  }

  public int target(int position) {
    return targets[position];
  }

  public boolean hasWeights() {
    return weights != null;
  }

  public boolean hasTimestamps() {
    return timestamps != null;
  }

  /** The weight at an edge position, or 1 for unweighted relations. */
  public float weight(int position) {
    return weights == null ? 1f : weights[position];
  }

  /** The timestamp at an edge position (epoch milliseconds); throws when the relation has none. */
  public long timestamp(int position) {
    if (timestamps == null) {
      throw new IllegalStateException("this relation carries no timestamps");
    }
    return timestamps[position];
  }

  /** True when the edge {@code u -> v} exists (binary search in the sorted row). */
  public boolean contains(int u, int v) {
    return Arrays.binarySearch(targets, offsets[u], offsets[u + 1], v) >= 0;
  }

  /** A copy of {@code node}'s neighbours. */
  public int[] neighbors(int node) {
    return Arrays.copyOfRange(targets, offsets[node], offsets[node + 1]);
  }

  /** Bytes held by the arrays of this adjacency. */
  public long bytes() {
    return 4L * offsets.length + 4L * targets.length
        + (weights == null ? 0 : 4L * weights.length)
        + (timestamps == null ? 0 : 8L * timestamps.length);
  }

  /** Read-only view of the row offsets ({@code rowCount() + 1} entries), for bulk serialisation. */
  public IntBuffer offsetsView() {
    return IntBuffer.wrap(offsets).asReadOnlyBuffer();
  }

  /** Read-only view of all targets in row order, for bulk serialisation and tight loops. */
  public IntBuffer targetsView() {
    return IntBuffer.wrap(targets).asReadOnlyBuffer();
  }

  /** Read-only view of the weights aligned with targets, or {@code null} when unweighted. */
  public FloatBuffer weightsView() {
    return weights == null ? null : FloatBuffer.wrap(weights).asReadOnlyBuffer();
  }

  /** Read-only view of the timestamps aligned with targets, or {@code null} when absent. */
  public LongBuffer timestampsView() {
    return timestamps == null ? null : LongBuffer.wrap(timestamps).asReadOnlyBuffer();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsrAdjacency other
        && targetCount == other.targetCount
        && Arrays.equals(offsets, other.offsets)
        && Arrays.equals(targets, other.targets)
        && Arrays.equals(weights, other.weights)
        && Arrays.equals(timestamps, other.timestamps);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(offsets) * 31 + Arrays.hashCode(targets);
  }

  /** The result of {@link #fromEdges}: the adjacency and how many duplicate edges were merged into it. */
  public record Built(CsrAdjacency adjacency, int mergedDuplicates) {}
}
