package dev.polyphony.model;

import dev.polyphony.graph.NodeType;
import java.util.Arrays;
import java.util.Objects;

/**
 * First-hop neighbours to leave out of the seeds' computation trees: seed row {@code i} does not see node
 * {@code neighborOfSeed[i]} of {@code type} ({@code -1}: it sees all its neighbours). Used for link
 * objectives, so that a positive pair's shared playlist is not visible to the positive while training, as it
 * is not visible to a held-out track at test time (the usual removal of target edges from message passing).
 */
public record NeighborCut(NodeType type, int[] neighborOfSeed) {
  /** No cut. */
  public static final NeighborCut NONE = new NeighborCut(NodeType.of("none"), new int[0]);

  public NeighborCut {
    Objects.requireNonNull(type, "type");
    neighborOfSeed = neighborOfSeed.clone();
  }

  public boolean isNone() {
    return neighborOfSeed.length == 0;
  }

  /** Whether seed row {@code seedRow} must not see node {@code node} of {@code nodeType}. */
  public boolean cuts(int seedRow, NodeType nodeType, int node) {
    return seedRow < neighborOfSeed.length && neighborOfSeed[seedRow] == node && type.equals(nodeType);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NeighborCut c && type.equals(c.type) && Arrays.equals(neighborOfSeed, c.neighborOfSeed);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(neighborOfSeed);
  }
}
