package dev.polyphony.graph.split;

import dev.polyphony.graph.HeteroGraph;
import java.util.Objects;

/**
 * The outcome of {@link TemporalSplit}.
 *
 * @param holdOut training and inference graphs, held-out (later) nodes and their held-out edges
 * @param trainingNodes nodes of the type that stay in training (dated before the cutoff, plus null-dated
 *     ones when {@code nullDates} is {@link NullDateSide#TRAINING})
 * @param nullDateNodes nodes without a date, wherever they went
 * @param nullDates the side the null-dated nodes went to
 */
public record TemporalSplitResult(InductiveHoldOut holdOut, int trainingNodes, int nullDateNodes,
    NullDateSide nullDates) {

  public TemporalSplitResult {
    Objects.requireNonNull(holdOut, "holdOut");
    Objects.requireNonNull(nullDates, "nullDates");
  }

  public HeteroGraph training() {
    return holdOut.training();
  }

  public HeteroGraph inference() {
    return holdOut.inference();
  }

  /** Nodes dated on or after the cutoff (and null-dated ones when held out), ascending; read-only. */
  public int[] heldOutNodes() {
    return holdOut.heldOutNodes();
  }
}
