package dev.polyphony.graph.sample;

import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * (centre, context) pairs taken from walks with a sliding window, as the skip-gram objective of
 * word2vec (Mikolov et al., 2013) uses them in DeepWalk, node2vec and metapath2vec. Stored as parallel
 * primitive arrays: node ids and node type indexes of centres and contexts.
 *
 * <p>Order: walk by walk; within a walk by centre position, then by context position ascending
 * ({@code i - window .. i + window}, skipping {@code i}). Pairs never cross walk boundaries.
 */
public final class CooccurrencePairs {
  private final GraphSchema schema;
  private final int[] centers;
  private final int[] contexts;
  private final byte[] centerTypes;
  private final byte[] contextTypes;

  private CooccurrencePairs(GraphSchema schema, int[] centers, int[] contexts, byte[] centerTypes,
      byte[] contextTypes) {
    this.schema = schema;
    this.centers = centers;
    this.contexts = contexts;
    this.centerTypes = centerTypes;
    this.contextTypes = contextTypes;
  }

  /** Extracts the pairs of {@code walks} selected by {@code config}. Counts first, then fills exact arrays. */
  public static CooccurrencePairs extract(Walks walks, CooccurrenceConfig config) {
    Objects.requireNonNull(walks, "walks");
    Objects.requireNonNull(config, "config");
    GraphSchema schema = walks.schema();
    int centerType = config.centerType() == null ? -1 : schema.indexOf(config.centerType());
    int contextType = config.contextType() == null ? -1 : schema.indexOf(config.contextType());
    PairFilter filter = new PairFilter(config.window(), centerType, contextType, config.includeSelfPairs());
    long count = 0;
    for (int w = 0; w < walks.walkCount(); w++) {
      count += filter.pairsOfWalk(walks, w, null, 0);
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(count + " pairs exceed one pair list; extract from fewer walks at a time");
    }
    CooccurrencePairs pairs = new CooccurrencePairs(schema, new int[(int) count], new int[(int) count],
        new byte[(int) count], new byte[(int) count]);
    int at = 0;
    for (int w = 0; w < walks.walkCount(); w++) {
      at += filter.pairsOfWalk(walks, w, pairs, at);
    }
    return pairs;
  }

  /** Window and type selection; counts pairs, or writes them when given a destination. */
  private record PairFilter(int window, int centerType, int contextType, boolean includeSelf) {
    int pairsOfWalk(Walks walks, int w, CooccurrencePairs out, int at) {
      int length = walks.length(w);
      int written = 0;
      for (int i = 0; i < length; i++) {
        int ti = walks.typeIndex(w, i);
        if (centerType >= 0 && ti != centerType) {
          continue;
        }
        int ni = walks.node(w, i);
        for (int j = Math.max(0, i - window), end = Math.min(length - 1, i + window); j <= end; j++) {
          if (j == i) {
            continue;
          }
          int tj = walks.typeIndex(w, j);
          if (contextType >= 0 && tj != contextType) {
            continue;
          }
          int nj = walks.node(w, j);
          if (!includeSelf && ni == nj && ti == tj) {
            continue;
          }
          if (out != null) {
            int p = at + written;
            out.centers[p] = ni;
            out.contexts[p] = nj;
            out.centerTypes[p] = (byte) ti;
            out.contextTypes[p] = (byte) tj;
          }
          written++;
        }
      }
      return written;
    }
  }

  public GraphSchema schema() {
    return schema;
  }

  public int size() {
    return centers.length;
  }

  public int center(int pair) {
    return centers[pair];
  }

  public int context(int pair) {
    return contexts[pair];
  }

  public NodeType centerType(int pair) {
    return schema.nodeTypes().get(centerTypes[pair]);
  }

  public NodeType contextType(int pair) {
    return schema.nodeTypes().get(contextTypes[pair]);
  }

  /** A copy of all centre node ids in pair order. */
  public int[] centers() {
    return centers.clone();
  }

  /** A copy of all context node ids in pair order. */
  public int[] contexts() {
    return contexts.clone();
  }

  /** Read-only view of the centre ids, for tight loops without copying. */
  public IntBuffer centersView() {
    return IntBuffer.wrap(centers).asReadOnlyBuffer();
  }

  /** Read-only view of the context ids, for tight loops without copying. */
  public IntBuffer contextsView() {
    return IntBuffer.wrap(contexts).asReadOnlyBuffer();
  }

  /** Read-only view of the centres' node type indexes. */
  public ByteBuffer centerTypesView() {
    return ByteBuffer.wrap(centerTypes).asReadOnlyBuffer();
  }

  /** Read-only view of the contexts' node type indexes. */
  public ByteBuffer contextTypesView() {
    return ByteBuffer.wrap(contextTypes).asReadOnlyBuffer();
  }

  public long bytes() {
    return 10L * centers.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CooccurrencePairs other && schema.equals(other.schema)
        && Arrays.equals(centers, other.centers) && Arrays.equals(contexts, other.contexts)
        && Arrays.equals(centerTypes, other.centerTypes) && Arrays.equals(contextTypes, other.contextTypes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(centers) * 31 + Arrays.hashCode(contexts);
  }

  @Override
  public String toString() {
    return "CooccurrencePairs{size=" + centers.length + "}";
  }
}
