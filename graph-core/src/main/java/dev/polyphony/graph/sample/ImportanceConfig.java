package dev.polyphony.graph.sample;

import dev.polyphony.graph.NodeType;
import java.util.Objects;

/**
 * Parameters of {@link ImportanceNeighborhoods#compute}.
 *
 * @param neighborType node type of the neighbours kept (PinSage: the same type as the node)
 * @param topT neighbours kept per node, {@code > 0} (PinSage's T)
 * @param walks the short walks with restarts run from every node (PinSage: restarts, short lengths)
 */
public record ImportanceConfig(NodeType neighborType, int topT, WalkConfig walks) {

  public ImportanceConfig {
    Objects.requireNonNull(neighborType, "neighborType");
    Objects.requireNonNull(walks, "walks");
    if (topT <= 0) {
      throw new IllegalArgumentException("topT must be > 0 (got " + topT + ")");
    }
  }
}
