package dev.polyphony.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.sample.NeighborSampler;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.SampledBlocks;
import org.junit.jupiter.api.Test;

class SlotLayoutTest {
  private final HeteroGraph graph = TinyGraphs.fiveUsers();
  private final NeighborSamplerConfig sampling = NeighborSamplerConfig.of("knows:all;knows:all", 3);
  private final TreePlan plan = TreePlan.of(graph.schema(), sampling, TinyGraphs.USER);

  private ComputationTree tree(NeighborCut cut, int... seeds) {
    SampledBlocks sample = new NeighborSampler(graph, sampling).sample(TinyGraphs.USER, seeds, 0);
    return ComputationTree.of(plan, sample, cut);
  }

  @Test
  void givesEveryParentRowAsManySlotsAsTheBusiestOneAndPadsTheRest() {
    // Undirected neighbourhoods: u0 {u1, u2}, u1 {u0, u3}, u2 {u0}, u3 {u1}, u4 {}.
    // Tree: seeds u0, u4; below u0: u1, u2; below u1: u0, u3; below u2: u0.
    ComputationTree tree = tree(NeighborCut.NONE, 0, 4);
    SlotLayout layout = SlotLayout.of(tree);

    assertThat(layout.rows(0)).isEqualTo(64);
    assertThat(layout.rowsOf(0)).containsExactly(0, 1);
    assertThat(layout.slots(1)).isEqualTo(2);
    assertThat(layout.rows(1)).isEqualTo(128);
    assertThat(layout.rowsOf(1)).containsExactly(0, 1);
    assertThat(layout.slots(2)).isEqualTo(2);
    assertThat(layout.rows(2)).isEqualTo(256);
    assertThat(layout.rowsOf(2)).containsExactly(0, 1, 2);
    int[] siblings = layout.siblingCounts(2, tree);
    assertThat(siblings).hasSize(256);
    assertThat(java.util.Arrays.copyOf(siblings, 4)).containsExactly(2, 2, 1, 0);
    assertThat(java.util.Arrays.stream(siblings).sum()).isEqualTo(5);
  }

  @Test
  void placesChildrenUnderTheSlotsOfTheirParentsFedRows() {
    // Seed u0 does not see u2: below u0: u1; below u1: u0, u3; then below those, their hop-2 draws.
    ComputationTree tree = tree(new NeighborCut(TinyGraphs.USER, new int[] {2, -1}), 0, 1);
    SlotLayout layout = SlotLayout.of(tree);

    // seed row 0 has one child, seed row 1 two: two slots each
    assertThat(layout.rowsOf(1)).containsExactly(0, 2, 3);
    // tree rows of block 1 sit at fed rows 0, 2, 3; their children (2, 2 and 1) fill those rows' slots
    assertThat(layout.rowsOf(2)).containsExactly(0, 1, 4, 5, 6);
    assertThat(layout.rows(2)).isEqualTo(64 * 2 * 2);
  }
}
