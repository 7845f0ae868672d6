package dev.polyphony.graph.sample;

import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable corpus of walks on a heterogeneous graph, stored as parallel flat arrays: walk {@code w}
 * occupies positions {@code [offsets[w], offsets[w + 1])} of {@code nodes} (dense per-type node ids) and
 * {@code types} (the schema index of each position's node type). Types are stored per position rather
 * than implied by a metapath because restarts and uniform heterogeneous walks break the periodicity.
 * Five bytes per visited node.
 *
 * <p>Walks from {@link RandomWalker} are ordered by start node (in the order given), then by walk index
 * {@code 0..walksPerNode-1}; each walk starts with its start node.
 */
public final class Walks {
  private final GraphSchema schema;
  private final int[] offsets;
  private final int[] nodes;
  private final byte[] types;

  /**
   * Wraps walk arrays, which the corpus owns from now on.
   *
   * @throws IllegalArgumentException when offsets are not a non-decreasing prefix sum over
   *     {@code nodes}, a walk is empty, the arrays differ in length, or a type index is outside the schema
   */
  public Walks(GraphSchema schema, int[] offsets, int[] nodes, byte[] types) {
    this.schema = Objects.requireNonNull(schema, "schema");
    if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != nodes.length) {
      throw new IllegalArgumentException("offsets must start at 0 and end at the number of nodes ("
          + nodes.length + ")");
    }
    if (types.length != nodes.length) {
      throw new IllegalArgumentException("types length " + types.length + " != nodes " + nodes.length);
    }
    for (int w = 0; w + 1 < offsets.length; w++) {
      if (offsets[w + 1] <= offsets[w]) {
        throw new IllegalArgumentException("walk " + w + " is empty or offsets decrease (offsets "
            + offsets[w] + ", " + offsets[w + 1] + ")");
      }
    }
    for (int i = 0; i < types.length; i++) {
      if (types[i] < 0 || types[i] >= schema.nodeTypeCount()) {
        throw new IllegalArgumentException("position " + i + " has node type index " + types[i]
            + " outside the schema's " + schema.nodeTypeCount() + " types");
      }
    }
    this.offsets = offsets;
    this.nodes = nodes;
    this.types = types;
  }

  public GraphSchema schema() {
    return schema;
  }

  public int walkCount() {
    return offsets.length - 1;
  }

  /** Number of nodes in walk {@code w} (steps taken + 1). */
  public int length(int w) {
    return offsets[w + 1] - offsets[w];
  }

  /** The node at {@code position} of walk {@code w}. */
  public int node(int w, int position) {
    return nodes[offsets[w] + position];
  }

  /** The schema index of the node type at {@code position} of walk {@code w}. */
  public int typeIndex(int w, int position) {
    return types[offsets[w] + position];
  }

  public NodeType type(int w, int position) {
    return schema.nodeTypes().get(typeIndex(w, position));
  }

  /** The start node of walk {@code w}. */
  public int start(int w) {
    return nodes[offsets[w]];
  }

  /** A copy of the node ids of walk {@code w}. */
  public int[] walk(int w) {
    return Arrays.copyOfRange(nodes, offsets[w], offsets[w + 1]);
  }

  /** Nodes stored over all walks. */
  public int positionCount() {
    return nodes.length;
  }

  /** Steps taken over all walks (each walk contributes its length minus one). */
  public long stepCount() {
    return (long) nodes.length - walkCount();
  }

  /** Read-only view of the walk offsets ({@code walkCount() + 1} entries). */
  public IntBuffer offsetsView() {
    return IntBuffer.wrap(offsets).asReadOnlyBuffer();
  }

  /** Read-only view of all node ids, walk after walk. */
  public IntBuffer nodesView() {
    return IntBuffer.wrap(nodes).asReadOnlyBuffer();
  }

  /** Read-only view of the per-position node type indexes, aligned with {@link #nodesView()}. */
  public ByteBuffer typesView() {
    return ByteBuffer.wrap(types).asReadOnlyBuffer();
  }

  public long bytes() {
    return 4L * offsets.length + 4L * nodes.length + types.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Walks other && schema.equals(other.schema) && Arrays.equals(offsets, other.offsets)
        && Arrays.equals(nodes, other.nodes) && Arrays.equals(types, other.types);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(nodes) * 31 + Arrays.hashCode(offsets);
  }

  @Override
  public String toString() {
    return "Walks{walks=" + walkCount() + ", positions=" + nodes.length + "}";
  }
}
