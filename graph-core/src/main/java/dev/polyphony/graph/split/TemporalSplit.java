package dev.polyphony.graph.split;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Temporal split by a node date: nodes dated before the cutoff train, nodes dated on or after it are
 * held out inductively exactly as in {@link ColdStartSplit} (their held-out relations become the
 * evaluation targets; see {@link InductiveHoldOut}). Deterministic: no randomness is involved.
 *
 * <p>Null dates go to the side named by {@link TemporalSplitConfig#nullDates()} and are counted in the
 * result. Unlike the cold-start split every held-out node is kept, including those without an edge of a
 * held-out relation (they simply contribute no target).
 */
public final class TemporalSplit {
  private final HeteroGraph graph;
  private final TemporalSplitConfig config;
  private final ProgressTracker progress;

  public TemporalSplit(HeteroGraph graph, TemporalSplitConfig config, ProgressTracker progress) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  public TemporalSplit(HeteroGraph graph, TemporalSplitConfig config) {
    this(graph, config, ProgressTracker.NONE);
  }

  public TemporalSplitResult compute() {
    NodeType type = graph.schema().nodeType(config.nodeType());
    AttributeColumn dates = graph.attributes(type).column(config.dateAttribute());
    if (dates.kind() != AttributeKind.DATE) {
      throw new IllegalArgumentException("attribute '" + config.dateAttribute() + "' of '" + type + "' is "
          + dates.kind() + ", not DATE");
    }
    List<EdgeType> relations = InductiveHoldOut.relationsTouching(graph, type, config.heldOutRelations());
    long cutoff = config.cutoff().toEpochDay();
    boolean nullsHeldOut = config.nullDates() == NullDateSide.HELD_OUT;
    int n = graph.nodeCount(type);

    progress.begin("split nodes by " + config.dateAttribute(), n);
    IntArrayList heldOut = new IntArrayList();
    int nullDates = 0;
    for (int node = 0; node < n; node++) {
      boolean isNull = dates.isNull(node);
      if (isNull) {
        nullDates++;
      }
      if (isNull ? nullsHeldOut : dates.getEpochDay(node) >= cutoff) {
        heldOut.add(node);
      }
    }
    progress.step(n);
    progress.end();

    progress.begin("build training and inference graphs", 1);
    InductiveHoldOut holdOut = InductiveHoldOut.of(graph, type, heldOut.toIntArray(), relations,
        config.isolateInTraining());
    progress.step(1);
    progress.end();
    return new TemporalSplitResult(holdOut, n - heldOut.size(), nullDates, config.nullDates());
  }
}
