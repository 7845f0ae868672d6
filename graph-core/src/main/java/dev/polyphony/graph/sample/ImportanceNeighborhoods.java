package dev.polyphony.graph.sample;

import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Importance-based neighbourhoods of PinSage (Ying et al., KDD 2018, section 3.1): the neighbourhood of
 * node {@code u} is the {@code T} nodes of the neighbour type visited most often by short random walks
 * with restarts from {@code u}, each weighted by its visit count divided by the sum of the kept counts
 * (the L1-normalised counts used for importance pooling; the weights of a non-empty row sum to 1).
 *
 * <p>Stored like CSR: row {@code u} is {@code [offsets[u], offsets[u + 1])} of {@code neighbors} and
 * {@code weights}, most visited first, ties broken by ascending node id. {@code u} itself is never its
 * own neighbour. A node whose walks visit no node of the neighbour type has an empty row.
 */
public final class ImportanceNeighborhoods {
  private static final int CHUNK = 256;

  private final NodeType nodeType;
  private final NodeType neighborType;
  private final int[] offsets;
  private final int[] neighbors;
  private final float[] weights;

  private ImportanceNeighborhoods(NodeType nodeType, NodeType neighborType, int[] offsets, int[] neighbors,
      float[] weights) {
    this.nodeType = nodeType;
    this.neighborType = neighborType;
    this.offsets = offsets;
    this.neighbors = neighbors;
    this.weights = weights;
  }

  /**
   * Computes the neighbourhood of every node of {@code walker}'s start type, on {@code concurrency}
   * threads; the result does not depend on {@code concurrency}. Walk {@code i} from {@code u} is walk
   * {@code i} of {@link RandomWalker#walk} under the same config.
   */
  public static ImportanceNeighborhoods compute(RandomWalker walker, ImportanceConfig config, int concurrency,
      ProgressTracker progress) {
    Objects.requireNonNull(walker, "walker");
    Objects.requireNonNull(config, "config");
    int target = walker.graph().schema().indexOf(config.neighborType());
    int n = walker.graph().nodeCount(walker.startType());
    int t = config.topT();
    progress.begin("importance neighbourhoods", n);
    List<Rows> chunks = ParallelChunks.map(n, CHUNK, concurrency, progress, (from, to) -> {
      VisitCounter counter = new VisitCounter(walker, config.walks(), target);
      Rows rows = new Rows(to - from);
      int[] top = new int[t];
      int[] counts = new int[t];
      for (int u = from; u < to; u++) {
        counter.count(u);
        int kept = counter.ranked(t, top, counts);
        long sum = 0;
        for (int i = 0; i < kept; i++) {
          sum += counts[i];
        }
        for (int i = 0; i < kept; i++) {
          rows.neighbors.add(top[i]);
          rows.weights.add((float) ((double) counts[i] / sum));
        }
        rows.degrees[u - from] = kept;
      }
      return rows;
    });
    progress.end();
    long total = 0;
    for (Rows r : chunks) {
      total += r.neighbors.size();
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(total + " neighbourhood entries exceed one table; lower topT (got " + t + ")");
    }
    int[] offsets = new int[n + 1];
    int[] neighbors = new int[(int) total];
    float[] weights = new float[(int) total];
    int u = 0;
    int at = 0;
    for (Rows r : chunks) {
      int size = r.neighbors.size();
      System.arraycopy(r.neighbors.elements(), 0, neighbors, at, size);
      System.arraycopy(r.weights.elements(), 0, weights, at, size);
      at += size;
      for (int d : r.degrees) {
        offsets[u + 1] = offsets[u] + d;
        u++;
      }
    }
    return new ImportanceNeighborhoods(walker.startType(), config.neighborType(), offsets, neighbors, weights);
  }

  /** Neighbourhood rows of one chunk of nodes. */
  private static final class Rows {
    final int[] degrees;
    final IntArrayList neighbors = new IntArrayList();
    final FloatArrayList weights = new FloatArrayList();

    Rows(int nodes) {
      degrees = new int[nodes];
    }
  }

  /** The type of the nodes whose neighbourhoods these are. */
  public NodeType nodeType() {
    return nodeType;
  }

  public NodeType neighborType() {
    return neighborType;
  }

  public int rowCount() {
    return offsets.length - 1;
  }

  /** Number of neighbours kept for {@code node} (at most T). */
  public int degree(int node) {
    return offsets[node + 1] - offsets[node];
  }

  /** A copy of {@code node}'s neighbours, most important first. */
  public int[] neighbors(int node) {
    return Arrays.copyOfRange(neighbors, offsets[node], offsets[node + 1]);
  }

  /** A copy of {@code node}'s importance weights, aligned with {@link #neighbors(int)}. */
  public float[] weights(int node) {
    return Arrays.copyOfRange(weights, offsets[node], offsets[node + 1]);
  }

  public IntBuffer offsetsView() {
    return IntBuffer.wrap(offsets).asReadOnlyBuffer();
  }

  public IntBuffer neighborsView() {
    return IntBuffer.wrap(neighbors).asReadOnlyBuffer();
  }

  public FloatBuffer weightsView() {
    return FloatBuffer.wrap(weights).asReadOnlyBuffer();
  }

  public long bytes() {
    return 4L * offsets.length + 4L * neighbors.length + 4L * weights.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImportanceNeighborhoods other && nodeType.equals(other.nodeType)
        && neighborType.equals(other.neighborType) && Arrays.equals(offsets, other.offsets)
        && Arrays.equals(neighbors, other.neighbors) && Arrays.equals(weights, other.weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(neighbors) * 31 + Arrays.hashCode(offsets);
  }

  @Override
  public String toString() {
    return "ImportanceNeighborhoods{" + nodeType + " -> " + neighborType + ", rows=" + rowCount()
        + ", entries=" + neighbors.length + "}";
  }
}
