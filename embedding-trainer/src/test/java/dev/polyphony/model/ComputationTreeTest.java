package dev.polyphony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.sample.NeighborSampler;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.SampledBlocks;
import org.junit.jupiter.api.Test;

class ComputationTreeTest {
  private final HeteroGraph graph = TinyGraphs.fiveUsers();

  private ComputationTree tree(String fanouts, int... seeds) {
    NeighborSamplerConfig sampling = NeighborSamplerConfig.of(fanouts, 3);
    TreePlan plan = TreePlan.of(graph.schema(), sampling, TinyGraphs.USER);
    SampledBlocks sample = new NeighborSampler(graph, sampling).sample(TinyGraphs.USER, seeds, 0);
    return ComputationTree.of(plan, sample);
  }

  private int[] globals(ComputationTree tree, int block) {
    int[] out = new int[tree.rows(block)];
    for (int r = 0; r < out.length; r++) {
      out[r] = tree.sample().globalId(TinyGraphs.USER, tree.localId(block, r));
    }
    return out;
  }

  private int[] parents(ComputationTree tree, int block) {
    int[] out = new int[tree.rows(block)];
    for (int r = 0; r < out.length; r++) {
      out[r] = tree.parentRow(block, r);
    }
    return out;
  }

  @Test
  void unrollsEveryTreeNodeWithTheNeighboursDrawnWhereItWasFirstReached() {
    // Undirected neighbourhoods: u0 {u1, u2}, u1 {u0, u3}, u2 {u0}, u3 {u1}, u4 {}.
    ComputationTree tree = tree("knows:all;knows:all", 0, 4);

    assertThat(globals(tree, 0)).containsExactly(0, 4);
    assertThat(globals(tree, 1)).containsExactly(1, 2);
    assertThat(parents(tree, 1)).containsExactly(0, 0);
    // u0 reappears below u1 and u2: the seed's own hop-1 draws are reused, not a fresh sample.
    assertThat(globals(tree, 2)).containsExactly(0, 3, 0);
    assertThat(parents(tree, 2)).containsExactly(0, 0, 1);
    assertThat(tree.size()).isEqualTo(7);
  }

  @Test
  void aCutHidesOneFirstHopNeighbourWithItsSubtreeFromOneSeedOnly() {
    NeighborSamplerConfig sampling = NeighborSamplerConfig.of("knows:all;knows:all", 3);
    TreePlan plan = TreePlan.of(graph.schema(), sampling, TinyGraphs.USER);
    SampledBlocks sample = new NeighborSampler(graph, sampling).sample(TinyGraphs.USER, new int[] {0, 1}, 0);
    // seed u0 must not see u2; seed u1 sees everything
    ComputationTree tree = ComputationTree.of(plan, sample, new NeighborCut(TinyGraphs.USER, new int[] {2, -1}));

    assertThat(globals(tree, 1)).containsExactly(1, 0, 3);
    assertThat(parents(tree, 1)).containsExactly(0, 1, 1);
    // below u1 (child of u0): u0 and u3; below u0 (child of u1): u1 and u2 -- the cut acts at the first hop only
    assertThat(globals(tree, 2)).containsExactly(0, 3, 1, 2, 1);
    assertThat(parents(tree, 2)).containsExactly(0, 0, 1, 1, 2);
  }

  @Test
  void anIsolatedSeedHasNoChildren() {
    ComputationTree tree = tree("knows:all;knows:all", 4);

    assertThat(tree.rows(0)).isEqualTo(1);
    assertThat(tree.rows(1)).isZero();
    assertThat(tree.rows(2)).isZero();
  }

  @Test
  void rejectsASampleOfAnotherDepth() {
    NeighborSamplerConfig twoHops = NeighborSamplerConfig.of("knows:all;knows:all", 3);
    TreePlan plan = TreePlan.of(graph.schema(), twoHops, TinyGraphs.USER);
    SampledBlocks oneHop = new NeighborSampler(graph, NeighborSamplerConfig.of("knows:all", 3))
        .sample(TinyGraphs.USER, new int[] {0}, 0);

    assertThatThrownBy(() -> ComputationTree.of(plan, oneHop))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 hops");
  }
}
