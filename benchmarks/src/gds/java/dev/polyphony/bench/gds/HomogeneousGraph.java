package dev.polyphony.bench.gds;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import java.util.List;
import java.util.Objects;

/**
 * A {@link HeteroGraph} flattened for GDS's homogeneous embedding algorithms: node types laid end to end
 * ({@code globalId = offset(type) + localId}), every relation's edges as undirected pairs, and one feature row
 * per node: each type's own feature columns standardised (z-scores against a reference graph's statistics) in
 * that type's block, zeros in the other types' blocks, then a one-hot of the node type when there are several.
 *
 * @param types node types in schema order
 * @param offsets first global id of each type, plus the node count at the end
 * @param source edge sources (global ids)
 * @param target edge targets (global ids)
 * @param features row-major features, {@code featureWidth} per node
 */
public record HomogeneousGraph(List<NodeType> types, long[] offsets, long[] source, long[] target, float[] features,
    int featureWidth) {

  public HomogeneousGraph {
    types = List.copyOf(types);
    if (offsets.length != types.size() + 1 || source.length != target.length) {
      throw new IllegalArgumentException("need one offset per type plus one and one target per source (got "
          + offsets.length + " offsets for " + types.size() + " types, " + source.length + " sources, "
          + target.length + " targets)");
    }
    if (featureWidth <= 0 || features.length != nodeCount(offsets) * featureWidth) {
      throw new IllegalArgumentException("features must hold " + nodeCount(offsets) + " rows of " + featureWidth
          + " values (got " + features.length + ")");
    }
  }

  /** {@code graph} flattened, its features standardised with {@code graph}'s own statistics. */
  public static HomogeneousGraph of(HeteroGraph graph) {
    return of(graph, graph);
  }

  /**
   * {@code graph} flattened, its features standardised with {@code reference}'s statistics (the training
   * graph, so a model and the graph it embeds agree on the scale).
   */
  public static HomogeneousGraph of(HeteroGraph graph, HeteroGraph reference) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(reference, "reference");
    List<NodeType> types = graph.schema().nodeTypes();
    long[] offsets = new long[types.size() + 1];
    int[] blockStart = new int[types.size()];
    int width = 0;
    for (int t = 0; t < types.size(); t++) {
      offsets[t + 1] = offsets[t] + graph.nodeCount(types.get(t));
      blockStart[t] = width;
      width += graph.features(types.get(t)).map(NodeFeatures::dimension).orElse(0);
    }
    int oneHot = types.size() > 1 ? width : -1;
    width += types.size() > 1 ? types.size() : 0;
    if (width == 0) {
      throw new IllegalArgumentException("graph has one node type and no features: nothing to embed from");
    }
    float[] features = new float[Math.toIntExact(offsets[types.size()] * width)];
    for (int t = 0; t < types.size(); t++) {
      NodeType type = types.get(t);
      int n = graph.nodeCount(type);
      var own = graph.features(type);
      if (own.isPresent()) {
        NodeFeatures scaled = own.get().standardized(reference.features(type).orElseThrow(() ->
            new IllegalArgumentException("reference graph has no features of type '" + type.name() + "'")).stats());
        for (int v = 0; v < n; v++) {
          scaled.copyRow(v, features, Math.toIntExact((offsets[t] + v) * width + blockStart[t]));
        }
      }
      if (oneHot >= 0) {
        for (int v = 0; v < n; v++) {
          features[Math.toIntExact((offsets[t] + v) * width + oneHot + t)] = 1f;
        }
      }
    }
    long edges = 0;
    for (EdgeType e : graph.schema().edgeTypes()) {
      edges += graph.edgeCount(e);
    }
    long[] source = new long[Math.toIntExact(edges)];
    long[] target = new long[source.length];
    int k = 0;
    for (EdgeType e : graph.schema().edgeTypes()) {
      long srcOffset = offsets[types.indexOf(e.src())];
      long dstOffset = offsets[types.indexOf(e.dst())];
      CsrAdjacency out = graph.out(e);
      for (int u = 0; u < out.rowCount(); u++) {
        for (int p = out.start(u), end = out.end(u); p < end; p++) {
          source[k] = srcOffset + u;
          target[k] = dstOffset + out.target(p);
          k++;
        }
      }
    }
    return new HomogeneousGraph(types, offsets, source, target, features, width);
  }

  public long nodeCount() {
    return nodeCount(offsets);
  }

  public int edgeCount() {
    return source.length;
  }

  /** Global id of {@code type}'s node {@code local}. */
  public long globalId(NodeType type, int local) {
    int t = types.indexOf(type);
    if (t < 0) {
      throw new IllegalArgumentException("unknown node type '" + type.name() + "'");
    }
    return offsets[t] + local;
  }

  /** The feature row of global node {@code v} (a copy). */
  public float[] featureRow(long v) {
    float[] row = new float[featureWidth];
    System.arraycopy(features, Math.toIntExact(v * featureWidth), row, 0, featureWidth);
    return row;
  }

  private static long nodeCount(long[] offsets) {
    return offsets.length == 0 ? 0 : offsets[offsets.length - 1];
  }
}
