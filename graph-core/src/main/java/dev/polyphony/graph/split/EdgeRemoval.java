package dev.polyphony.graph.split;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeAttributes;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Derives a graph from a source graph with some edges removed: the basis of every evaluation split.
 *
 * <p>Contract: the derived graph has the source's schema, node ids (no renumbering, so embeddings of
 * the derived graph align row by row with the source), features and attributes (shared, they are
 * immutable). Each relation keeps exactly the source edges not marked for removal, in both directions,
 * with their weights and timestamps; relations without removals share the source's adjacency. Removals
 * accumulate across calls and marking an edge twice removes it once. Edges are named by their position
 * in the source's out CSR ({@link HeteroGraph#out}), by {@code (src, dst)} pairs, or by detaching nodes
 * (removing every edge of chosen relations that touches them). {@link #build()} costs O(V + E) per
 * relation with removals: the kept runs of the out CSR are copied in bulk and the in CSR is its
 * transpose.
 */
public final class EdgeRemoval {
  private final HeteroGraph source;
  private final BitSet[] removed;

  public EdgeRemoval(HeteroGraph source) {
    this.source = Objects.requireNonNull(source, "source");
    this.removed = new BitSet[source.schema().edgeTypeCount()];
  }

  public HeteroGraph source() {
    return source;
  }

  /**
   * Removes each edge {@code src[i] -> dst[i]} of {@code type}.
   *
   * @throws IllegalArgumentException when a pair is not an edge of the source graph (it names the pair);
   *     nothing is marked then
   */
  public EdgeRemoval removeEdges(EdgeType type, int[] src, int[] dst) {
    if (src.length != dst.length) {
      throw new IllegalArgumentException("src has " + src.length + " entries, dst " + dst.length);
    }
    CsrAdjacency out = source.out(type);
    int[] positions = new int[src.length];
    for (int i = 0; i < src.length; i++) {
      requireNode(type.src(), src[i], out.rowCount());
      requireNode(type.dst(), dst[i], out.targetCount());
      positions[i] = positionOf(out, src[i], dst[i]);
      if (positions[i] < 0) {
        throw new IllegalArgumentException("edge " + i + " (" + src[i] + " -> " + dst[i] + ") of relation '"
            + type.relation() + "' is not in the source graph");
      }
    }
    BitSet marks = marks(type);
    for (int p : positions) {
      marks.set(p);
    }
    return this;
  }

  /** Removes the edges of a list (its type names the relation). */
  public EdgeRemoval removeEdges(EdgeList edges) {
    return removeEdges(edges.type(), edges.src(), edges.dst());
  }

  /**
   * Removes the edges of {@code type} whose out-CSR position {@code p} has {@code removeAt[p]} true.
   *
   * @param removeAt one flag per edge of the relation ({@code edgeCount(type)} entries)
   */
  public EdgeRemoval removeMasked(EdgeType type, boolean[] removeAt) {
    int m = source.edgeCount(type);
    if (removeAt.length != m) {
      throw new IllegalArgumentException("mask of relation '" + type.relation() + "' needs " + m
          + " entries (got " + removeAt.length + ")");
    }
    BitSet marks = marks(type);
    for (int p = 0; p < m; p++) {
      if (removeAt[p]) {
        marks.set(p);
      }
    }
    return this;
  }

  /** Removes the edges of {@code type} at the out-CSR positions set in {@code positions}. */
  public EdgeRemoval removePositions(EdgeType type, BitSet positions) {
    int m = source.edgeCount(type);
    if (positions.length() > m) {
      throw new IllegalArgumentException("position " + (positions.length() - 1) + " of relation '"
          + type.relation() + "' is outside [0, " + m + ")");
    }
    marks(type).or(positions);
    return this;
  }

  /**
   * Removes every edge of the given relations that has one of {@code nodes} (of {@code type}) at either
   * end. The nodes stay in the graph with their features and attributes. Arguments are checked before
   * anything is marked, so a failed call changes nothing.
   *
   * @throws IllegalArgumentException when a relation does not touch {@code type}
   */
  public EdgeRemoval detachNodes(NodeType type, int[] nodes, Collection<EdgeType> relations) {
    int n = source.nodeCount(type);
    for (int node : nodes) {
      requireNode(type, node, n);
    }
    for (EdgeType relation : relations) {
      source.schema().indexOf(relation);
      if (!relation.src().equals(type) && !relation.dst().equals(type)) {
        throw new IllegalArgumentException("relation '" + relation.relation() + "' " + relation
            + " does not touch node type '" + type + "'");
      }
    }
    for (EdgeType relation : relations) {
      boolean asSource = relation.src().equals(type);
      boolean asTarget = relation.dst().equals(type);
      CsrAdjacency out = source.out(relation);
      BitSet marks = marks(relation);
      for (int node : nodes) {
        if (asSource) {
          marks.set(out.start(node), out.end(node));
        }
        if (asTarget) {
          CsrAdjacency in = source.in(relation);
          for (int q = in.start(node), end = in.end(node); q < end; q++) {
            marks.set(positionOf(out, in.target(q), node));
          }
        }
      }
    }
    return this;
  }

  /** Detaches {@code nodes} from every relation that touches {@code type}. */
  public EdgeRemoval detachNodes(NodeType type, int[] nodes) {
    return detachNodes(type, nodes, source.schema().edgeTypesTouching(type));
  }

  /** Number of distinct edges of {@code type} marked for removal so far. */
  public int removedCount(EdgeType type) {
    BitSet marks = removed[source.schema().indexOf(type)];
    return marks == null ? 0 : marks.cardinality();
  }

  /** The edges of {@code type} marked for removal, in out-CSR order (by source, then target). */
  public EdgeList removedEdges(EdgeType type) {
    BitSet marks = removed[source.schema().indexOf(type)];
    int[] positions = marks == null ? new int[0] : marks.stream().toArray();
    return EdgeList.atPositions(type, source.out(type), positions);
  }

  /** The derived graph: the source without the marked edges. */
  public HeteroGraph build() {
    GraphSchema schema = source.schema();
    List<NodeType> nodeTypes = schema.nodeTypes();
    List<EdgeType> edgeTypes = schema.edgeTypes();
    IdMap[] ids = new IdMap[nodeTypes.size()];
    NodeFeatures[] features = new NodeFeatures[nodeTypes.size()];
    NodeAttributes[] attributes = new NodeAttributes[nodeTypes.size()];
    for (int t = 0; t < ids.length; t++) {
      NodeType type = nodeTypes.get(t);
      ids[t] = source.ids(type);
      features[t] = source.features(type).orElse(null);
      attributes[t] = source.attributes(type);
    }
    CsrAdjacency[] out = new CsrAdjacency[edgeTypes.size()];
    CsrAdjacency[] in = new CsrAdjacency[edgeTypes.size()];
    for (int e = 0; e < out.length; e++) {
      EdgeType type = edgeTypes.get(e);
      if (removed[e] == null || removed[e].isEmpty()) {
        out[e] = source.out(type);
        in[e] = source.in(type);
      } else {
        out[e] = without(source.out(type), removed[e]);
        in[e] = out[e].transpose();
      }
    }
    return new HeteroGraph(schema, ids, features, attributes, out, in);
  }

  /**
   * The position of {@code u -> v} in {@code adjacency}, or -1 when absent (binary search in the sorted
   * row of {@code u}).
   */
  static int positionOf(CsrAdjacency adjacency, int u, int v) {
    int lo = adjacency.start(u);
    int hi = adjacency.end(u) - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int t = adjacency.target(mid);
      if (t < v) {
        lo = mid + 1;
      } else if (t > v) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** {@code adjacency} without the positions in {@code drop}: offsets shift, kept runs copy in bulk. */
  private static CsrAdjacency without(CsrAdjacency adjacency, BitSet drop) {
    int rows = adjacency.rowCount();
    int m = adjacency.edgeCount();
    int kept = m - drop.cardinality();
    int[] offsets = new int[rows + 1];
    int next = drop.nextSetBit(0);
    int dropped = 0;
    for (int u = 0; u < rows; u++) {
      int end = adjacency.end(u);
      while (next >= 0 && next < end) {
        dropped++;
        next = drop.nextSetBit(next + 1);
      }
      offsets[u + 1] = end - dropped;
    }
    int[] targets = new int[kept];
    FloatBuffer weightsView = adjacency.weightsView();
    LongBuffer timestampsView = adjacency.timestampsView();
    float[] weights = weightsView == null ? null : new float[kept];
    long[] timestamps = timestampsView == null ? null : new long[kept];
    var targetsView = adjacency.targetsView();
    int runStart = 0;
    int written = 0;
    for (int cut = drop.nextSetBit(0); ; cut = drop.nextSetBit(cut + 1)) {
      int runEnd = cut < 0 ? m : cut;
      int length = runEnd - runStart;
      if (length > 0) {
        targetsView.get(runStart, targets, written, length);
        if (weights != null) {
          weightsView.get(runStart, weights, written, length);
        }
        if (timestamps != null) {
          timestampsView.get(runStart, timestamps, written, length);
        }
        written += length;
      }
      if (cut < 0) {
        break;
      }
      runStart = cut + 1;
    }
    return new CsrAdjacency(offsets, targets, weights, timestamps, adjacency.targetCount());
  }

  private BitSet marks(EdgeType type) {
    int e = source.schema().indexOf(type);
    if (removed[e] == null) {
      removed[e] = new BitSet(source.edgeCount(type));
    }
    return removed[e];
  }

  private static void requireNode(NodeType type, int node, int count) {
    if (node < 0 || node >= count) {
      throw new IndexOutOfBoundsException("node " + node + " of type '" + type + "' is outside [0, " + count + ")");
    }
  }
}
