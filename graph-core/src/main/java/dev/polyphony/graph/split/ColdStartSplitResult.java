package dev.polyphony.graph.split;

import dev.polyphony.graph.HeteroGraph;
import java.util.Objects;

/**
 * The outcome of {@link ColdStartSplit}.
 *
 * @param holdOut training and inference graphs, cold nodes ({@code heldOutNodes}) and the held-out edges
 * @param eligibleNodes nodes that had at least one edge of a held-out relation, among which the cold
 *     ones were drawn
 */
public record ColdStartSplitResult(InductiveHoldOut holdOut, int eligibleNodes) {

  public ColdStartSplitResult {
    Objects.requireNonNull(holdOut, "holdOut");
  }

  public HeteroGraph training() {
    return holdOut.training();
  }

  public HeteroGraph inference() {
    return holdOut.inference();
  }

  /** The cold nodes, ascending (shared array: read-only). */
  public int[] coldNodes() {
    return holdOut.heldOutNodes();
  }
}
