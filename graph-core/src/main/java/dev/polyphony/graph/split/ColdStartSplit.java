package dev.polyphony.graph.split;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Inductive cold-start split: a share of the nodes of one type (tracks) is treated as newly released.
 * Their edges of the held-out relations (their playlists) are the evaluation targets; their features and
 * other relations (artist, album) stay available for inference, as they would be for a new release.
 * See {@link InductiveHoldOut} for the exact contents of the training and inference graphs.
 *
 * <p>Contract: eligible nodes are those with at least one edge of a held-out relation (others would have
 * nothing to evaluate). {@code round(coldFraction * eligible)} of them (round half up) are drawn
 * uniformly without replacement by a partial Fisher-Yates shuffle of the eligible ids in ascending
 * order, seeded by the run seed.
 */
public final class ColdStartSplit {
  private final HeteroGraph graph;
  private final ColdStartSplitConfig config;
  private final ProgressTracker progress;

  public ColdStartSplit(HeteroGraph graph, ColdStartSplitConfig config, ProgressTracker progress) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  public ColdStartSplit(HeteroGraph graph, ColdStartSplitConfig config) {
    this(graph, config, ProgressTracker.NONE);
  }

  public ColdStartSplitResult compute() {
    NodeType type = graph.schema().nodeType(config.nodeType());
    List<EdgeType> relations = InductiveHoldOut.relationsTouching(graph, type, config.heldOutRelations());
    int n = graph.nodeCount(type);

    progress.begin("draw cold nodes", n);
    IntArrayList eligible = new IntArrayList();
    for (int node = 0; node < n; node++) {
      if (hasHeldOutEdge(node, type, relations)) {
        eligible.add(node);
      }
    }
    int[] pool = eligible.toIntArray();
    int k = (int) Math.round(config.coldFraction() * pool.length);
    Shuffle.partial(pool, pool.length, k, new SplittableRandom(config.seed()));
    int[] cold = Arrays.copyOf(pool, k);
    Arrays.sort(cold);
    progress.step(n);
    progress.end();

    progress.begin("build training and inference graphs", 1);
    InductiveHoldOut holdOut = InductiveHoldOut.of(graph, type, cold, relations, config.isolateInTraining());
    progress.step(1);
    progress.end();
    return new ColdStartSplitResult(holdOut, eligible.size());
  }

  private boolean hasHeldOutEdge(int node, NodeType type, List<EdgeType> relations) {
    for (EdgeType relation : relations) {
      if (relation.src().equals(type) && graph.out(relation).degree(node) > 0) {
        return true;
      }
      if (relation.dst().equals(type) && graph.in(relation).degree(node) > 0) {
        return true;
      }
    }
    return false;
  }
}
