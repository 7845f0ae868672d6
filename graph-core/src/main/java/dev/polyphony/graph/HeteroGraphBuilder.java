package dev.polyphony.graph;

import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates nodes, edges, features and attributes, then builds an immutable {@link HeteroGraph}.
 *
 * <p>Contract: nodes are added by external id ({@link #addNode} returns the dense index, adding the
 * node on first sight); edges connect dense indexes of nodes already added. Relations declared with
 * {@link #declareWeights} or {@link #declareTimestamps} require those values on every edge. Duplicate
 * edges are merged when the graph is built: weights are summed, the earliest timestamp is kept, and
 * {@link #mergedDuplicateEdges()} counts them per relation. A node type with declared features needs a
 * feature row for every node. The builder is single-use and not thread-safe.
 */
public final class HeteroGraphBuilder {
  private final GraphSchema schema;
  private final IdMap.Builder[] ids;
  private final List<String>[] featureColumns;
  private final FloatArrayList[] featureValues;
  private final BitSet[] featureRowsSet;
  private final Map<String, AttributeColumn.Builder>[] attributes;
  private final IntArrayList[] src;
  private final IntArrayList[] dst;
  private final FloatArrayList[] weights;
  private final LongArrayList[] timestamps;
  private final Map<EdgeType, Integer> merged = new LinkedHashMap<>();
  private boolean built;

  @SuppressWarnings("unchecked")
  public HeteroGraphBuilder(GraphSchema schema) {
    this.schema = schema;
    int nt = schema.nodeTypeCount();
    int et = schema.edgeTypeCount();
    ids = new IdMap.Builder[nt];
    featureColumns = new List[nt];
    featureValues = new FloatArrayList[nt];
    featureRowsSet = new BitSet[nt];
    attributes = new Map[nt];
    for (int t = 0; t < nt; t++) {
      ids[t] = new IdMap.Builder();
      attributes[t] = new LinkedHashMap<>();
    }
    src = new IntArrayList[et];
    dst = new IntArrayList[et];
    weights = new FloatArrayList[et];
    timestamps = new LongArrayList[et];
    for (int e = 0; e < et; e++) {
      src[e] = new IntArrayList();
      dst[e] = new IntArrayList();
    }
  }

  public GraphSchema schema() {
    return schema;
  }

  /** Declares that every edge of {@code type} carries a weight. Call before adding its edges. */
  public HeteroGraphBuilder declareWeights(EdgeType type) {
    int e = schema.indexOf(type);
    requireNoEdgesYet(e, "weights");
    weights[e] = new FloatArrayList();
    return this;
  }

  /** Declares that every edge of {@code type} carries a timestamp. Call before adding its edges. */
  public HeteroGraphBuilder declareTimestamps(EdgeType type) {
    int e = schema.indexOf(type);
    requireNoEdgesYet(e, "timestamps");
    timestamps[e] = new LongArrayList();
    return this;
  }

  /** Reserves room for {@code edges} more edges of {@code type} (avoids regrowth on large inputs). */
  public HeteroGraphBuilder expectEdges(EdgeType type, int edges) {
    int e = schema.indexOf(type);
    int target = src[e].size() + edges;
    src[e].ensureCapacity(target);
    dst[e].ensureCapacity(target);
    if (weights[e] != null) {
      weights[e].ensureCapacity(target);
    }
    if (timestamps[e] != null) {
      timestamps[e].ensureCapacity(target);
    }
    return this;
  }

  /** Declares the feature columns of {@code type}; every node of the type then needs a row. */
  public HeteroGraphBuilder declareFeatures(NodeType type, List<String> columns) {
    int t = schema.indexOf(type);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("features of '" + type + "' need at least one column");
    }
    featureColumns[t] = List.copyOf(columns);
    featureValues[t] = new FloatArrayList();
    featureRowsSet[t] = new BitSet();
    return this;
  }

  /** Declares an attribute column and returns its builder (the same builder when declared again). */
  public AttributeColumn.Builder attribute(NodeType type, String name, AttributeKind kind) {
    AttributeColumn.Builder existing = attributes[schema.indexOf(type)].get(name);
    if (existing != null) {
      if (existing.kind() != kind) {
        throw new IllegalArgumentException("attribute '" + name + "' of '" + type + "' is already "
            + existing.kind() + " (asked for " + kind + ")");
      }
      return existing;
    }
    AttributeColumn.Builder column = new AttributeColumn.Builder(name, kind);
    attributes[schema.indexOf(type)].put(name, column);
    return column;
  }

  /** The dense index of {@code externalId}, adding the node on first sight. */
  public int addNode(NodeType type, String externalId) {
    return ids[schema.indexOf(type)].getOrAdd(externalId);
  }

  /** The dense index of {@code externalId}, or -1 when the node has not been added. */
  public int nodeIndex(NodeType type, String externalId) {
    return ids[schema.indexOf(type)].indexOf(externalId);
  }

  public int nodeCount(NodeType type) {
    return ids[schema.indexOf(type)].size();
  }

  /** Sets the feature row of node {@code node}; values must be finite. */
  public HeteroGraphBuilder setFeatures(NodeType type, int node, float[] row) {
    int t = schema.indexOf(type);
    List<String> columns = featureColumns[t];
    if (columns == null) {
      throw new IllegalStateException("features of '" + type + "' were not declared");
    }
    if (row.length != columns.size()) {
      throw new IllegalArgumentException("feature row of '" + type + "' needs " + columns.size()
          + " values (got " + row.length + ")");
    }
    for (int c = 0; c < row.length; c++) {
      if (!Float.isFinite(row[c])) {
        throw new IllegalArgumentException("feature '" + columns.get(c) + "' is not finite (got " + row[c] + ")");
      }
    }
    FloatArrayList values = featureValues[t];
    int needed = (node + 1) * row.length;
    if (values.size() < needed) {
      if (needed > values.elements().length) {
        // FloatArrayList.size(n) alone reallocates to exactly n: grow geometrically or rows cost O(n^2).
        values.ensureCapacity(Math.max(needed, 2 * values.elements().length));
      }
      values.size(needed);
    }
    System.arraycopy(row, 0, values.elements(), node * row.length, row.length);
    featureRowsSet[t].set(node);
    return this;
  }

  public HeteroGraphBuilder addEdge(EdgeType type, int source, int target) {
    int e = edgeIndex(type, source, target);
    if (weights[e] != null || timestamps[e] != null) {
      throw new IllegalArgumentException("relation '" + type.relation() + "' needs "
          + (weights[e] != null ? "a weight" : "a timestamp") + " on every edge");
    }
    src[e].add(source);
    dst[e].add(target);
    return this;
  }

  public HeteroGraphBuilder addEdge(EdgeType type, int source, int target, float weight) {
    int e = edgeIndex(type, source, target);
    if (weights[e] == null || timestamps[e] != null) {
      throw new IllegalArgumentException("relation '" + type.relation() + "' was declared "
          + (weights[e] == null ? "without weights" : "with timestamps"));
    }
    requireFiniteWeight(type, weight);
    src[e].add(source);
    dst[e].add(target);
    weights[e].add(weight);
    return this;
  }

  /** Adds a timestamped edge; {@code weight} is ignored for relations declared without weights. */
  public HeteroGraphBuilder addEdge(EdgeType type, int source, int target, float weight, long timestamp) {
    int e = edgeIndex(type, source, target);
    if (timestamps[e] == null) {
      throw new IllegalArgumentException("relation '" + type.relation() + "' was declared without timestamps");
    }
    src[e].add(source);
    dst[e].add(target);
    if (weights[e] != null) {
      requireFiniteWeight(type, weight);
      weights[e].add(weight);
    }
    timestamps[e].add(timestamp);
    return this;
  }

  /** Edges added so far to {@code type}, duplicates included. */
  public int addedEdgeCount(EdgeType type) {
    return src[schema.indexOf(type)].size();
  }

  /** Bytes the graph will hold and the peak while building, from the counts so far. */
  public GraphMemoryEstimate estimateMemory() {
    long graph = 0;
    long buffered = 0;
    long largestSort = 0;
    for (int e = 0; e < src.length; e++) {
      EdgeType type = schema.edgeTypes().get(e);
      long m = src[e].size();
      boolean w = weights[e] != null;
      boolean ts = timestamps[e] != null;
      graph += GraphMemoryEstimate.relationBytes(ids[schema.indexOf(type.src())].size(),
          ids[schema.indexOf(type.dst())].size(), m, w, ts);
      buffered += m * GraphMemoryEstimate.bufferedEdgeBytes(w, ts);
      largestSort = Math.max(largestSort, 8 * m);
    }
    for (FloatArrayList f : featureValues) {
      graph += f == null ? 0 : 4L * f.size();
    }
    return new GraphMemoryEstimate(graph, buffered + largestSort + graph);
  }

  /**
   * Builds the graph. Relations are built one at a time and their edge buffers released as soon as
   * they are in CSR form, so the peak stays near {@link #estimateMemory()}.
   *
   * @throws IllegalStateException when a node of a featured type has no feature row
   */
  public HeteroGraph build() {
    return build(ProgressTracker.NONE);
  }

  /** Builds the graph, reporting one step per relation to {@code progress}. */
  public HeteroGraph build(ProgressTracker progress) {
    if (built) {
      throw new IllegalStateException("this builder has already built its graph");
    }
    built = true;
    int nt = schema.nodeTypeCount();
    int et = schema.edgeTypeCount();
    IdMap[] idMaps = new IdMap[nt];
    NodeFeatures[] features = new NodeFeatures[nt];
    NodeAttributes[] attrs = new NodeAttributes[nt];
    for (int t = 0; t < nt; t++) {
      idMaps[t] = ids[t].build();
      int n = idMaps[t].size();
      features[t] = buildFeatures(t, n);
      List<AttributeColumn> columns = new ArrayList<>();
      for (AttributeColumn.Builder c : attributes[t].values()) {
        columns.add(c.build(n));
      }
      attrs[t] = new NodeAttributes(n, columns);
    }
    CsrAdjacency[] out = new CsrAdjacency[et];
    CsrAdjacency[] in = new CsrAdjacency[et];
    progress.begin("build adjacency", et);
    for (int e = 0; e < et; e++) {
      EdgeType type = schema.edgeTypes().get(e);
      int m = src[e].size();
      CsrAdjacency.Built b = CsrAdjacency.fromEdges(idMaps[schema.indexOf(type.src())].size(),
          idMaps[schema.indexOf(type.dst())].size(), src[e].elements(), dst[e].elements(),
          weights[e] == null ? null : weights[e].elements(),
          timestamps[e] == null ? null : timestamps[e].elements(), m);
      src[e] = null;
      dst[e] = null;
      weights[e] = null;
      timestamps[e] = null;
      out[e] = b.adjacency();
      in[e] = out[e].transpose();
      merged.put(type, b.mergedDuplicates());
      progress.step(1);
    }
    progress.end();
    return new HeteroGraph(schema, idMaps, features, attrs, out, in);
  }

  /** Duplicate edges merged per relation by {@link #build()} (available after building). */
  public Map<EdgeType, Integer> mergedDuplicateEdges() {
    if (!built) {
      throw new IllegalStateException("duplicates are merged when the graph is built");
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(merged));
  }

  private NodeFeatures buildFeatures(int t, int n) {
    if (featureColumns[t] == null) {
      return null;
    }
    int missing = n - featureRowsSet[t].cardinality();
    if (missing > 0) {
      throw new IllegalStateException(missing + " node(s) of '" + schema.nodeTypes().get(t)
          + "' have no feature row, e.g. '" + ids[t].build().externalId(featureRowsSet[t].nextClearBit(0)) + "'");
    }
    int d = featureColumns[t].size();
    float[] values = Arrays.copyOf(featureValues[t].elements(), n * d);
    featureValues[t] = null;
    return new NodeFeatures(featureColumns[t], n, values);
  }

  private int edgeIndex(EdgeType type, int source, int target) {
    int e = schema.indexOf(type);
    int ns = ids[schema.indexOf(type.src())].size();
    int nd = ids[schema.indexOf(type.dst())].size();
    if (source < 0 || source >= ns) {
      throw new IndexOutOfBoundsException("source " + source + " of " + type + " is not an added node (0.." + (ns - 1) + ")");
    }
    if (target < 0 || target >= nd) {
      throw new IndexOutOfBoundsException("target " + target + " of " + type + " is not an added node (0.." + (nd - 1) + ")");
    }
    return e;
  }

  private void requireNoEdgesYet(int e, String what) {
    if (!src[e].isEmpty()) {
      throw new IllegalStateException("declare " + what + " of '" + schema.edgeTypes().get(e).relation()
          + "' before adding its edges");
    }
  }

  private static void requireFiniteWeight(EdgeType type, float weight) {
    if (!Float.isFinite(weight)) {
      throw new IllegalArgumentException("weight of '" + type.relation() + "' is not finite (got " + weight + ")");
    }
  }
}
