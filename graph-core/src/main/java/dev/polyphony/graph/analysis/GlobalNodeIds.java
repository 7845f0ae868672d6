package dev.polyphony.graph.analysis;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import java.util.Arrays;
import java.util.List;

/**
 * One int id space over all node types of a graph: the global id of local node {@code i} of type
 * index {@code t} is {@code offset(t) + i}, with types laid out in schema order. Lets homogeneous
 * algorithms (JGraphT) run over a heterogeneous graph.
 */
public final class GlobalNodeIds {
  private final List<NodeType> types;
  private final int[] offsets;

  public GlobalNodeIds(HeteroGraph graph) {
    types = graph.schema().nodeTypes();
    offsets = new int[types.size() + 1];
    long total = 0;
    for (int t = 0; t < types.size(); t++) {
      total += graph.nodeCount(types.get(t));
      if (total > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("the graph has more than " + Integer.MAX_VALUE
            + " nodes, beyond one int id space");
      }
      offsets[t + 1] = (int) total;
    }
  }

  /** Total number of nodes. */
  public int size() {
    return offsets[offsets.length - 1];
  }

  /** The first global id of the node type with schema index {@code typeIndex}. */
  public int offset(int typeIndex) {
    return offsets[typeIndex];
  }

  public int global(int typeIndex, int local) {
    return offsets[typeIndex] + local;
  }

  /** The node type of a global id. */
  public NodeType typeOf(int global) {
    return types.get(typeIndexOf(global));
  }

  /** The local id of a global id within its node type. */
  public int localOf(int global) {
    return global - offsets[typeIndexOf(global)];
  }

  private int typeIndexOf(int global) {
    if (global < 0 || global >= size()) {
      throw new IndexOutOfBoundsException("global id " + global + " outside [0, " + size() + ")");
    }
    // Last offset <= global; empty types share their offset with the next type, so skip past them.
    int i = Arrays.binarySearch(offsets, global);
    if (i < 0) {
      return -i - 2;
    }
    while (i + 1 < offsets.length - 1 && offsets[i + 1] == global) {
      i++;
    }
    return i;
  }
}
