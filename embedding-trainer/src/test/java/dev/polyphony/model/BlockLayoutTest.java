package dev.polyphony.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.sample.NeighborSampler;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.SampledBlocks;
import org.junit.jupiter.api.Test;

class BlockLayoutTest {
  private static final boolean[] SLOTTED = {false, true, true};
  private static final boolean[] COMPACT = {false, false, false};

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
    BlockLayout layout = BlockLayout.of(tree, SLOTTED);

    assertThat(layout.rows(0)).isEqualTo(64);
    assertThat(layout.rowsOf(0)).containsExactly(0, 1);
    assertThat(layout.slots(1)).isEqualTo(2);
    assertThat(layout.rows(1)).isEqualTo(128);
    assertThat(layout.rowsOf(1)).containsExactly(0, 1);
    assertThat(layout.slots(2)).isEqualTo(2);
    assertThat(layout.rows(2)).isEqualTo(256);
    assertThat(layout.rowsOf(2)).containsExactly(0, 1, 2);
    float[] mean = layout.weights(2, tree, true);
    assertThat(mean).hasSize(256);
    assertThat(java.util.Arrays.copyOf(mean, 4)).containsExactly(0.5f, 0.5f, 1f, 0f);
    assertThat(layout.weights(2, tree, false)).containsExactly(padded(256, 1f, 1f, 1f));
  }

  @Test
  void aCompactBlockKeepsTreeRowsInOrderWithADenseMeanMatrixOverItsParentsFedRows() {
    ComputationTree tree = tree(NeighborCut.NONE, 0, 4);
    BlockLayout layout = BlockLayout.of(tree, COMPACT);

    assertThat(layout.slotted(1)).isFalse();
    assertThat(layout.rows(2)).isEqualTo(64);
    assertThat(layout.rowsOf(2)).containsExactly(0, 1, 2);
    float[] a = layout.weights(2, tree, true);
    // [block-1 rows = 64, block-2 rows = 64]: row 0 (u1) averages tree rows 0 and 1, row 1 (u2) row 2
    assertThat(a).hasSize(64 * 64);
    assertThat(java.util.Arrays.copyOf(a, 3)).containsExactly(0.5f, 0.5f, 0f);
    assertThat(java.util.Arrays.copyOfRange(a, 64, 67)).containsExactly(0f, 0f, 1f);
    double total = 0;
    for (float w : a) {
      total += w;
    }
    assertThat(total).isEqualTo(2.0);
  }

  @Test
  void mixesCompactParentsWithSlottedChildren() {
    // Block 1 compact (tree rows at fed rows 0, 1, 2), block 2 slotted under them.
    ComputationTree tree = tree(new NeighborCut(TinyGraphs.USER, new int[] {2, -1}), 0, 1);
    BlockLayout layout = BlockLayout.of(tree, SLOTTED_BELOW_FIRST_HOP);

    assertThat(layout.rowsOf(1)).containsExactly(0, 1, 2);
    assertThat(layout.rowsOf(2)).containsExactly(0, 1, 2, 3, 4);
    assertThat(layout.rows(2)).isEqualTo(64 * 2);
  }

  private static final boolean[] SLOTTED_BELOW_FIRST_HOP = {false, false, true};

  private static float[] padded(int length, float... head) {
    return java.util.Arrays.copyOf(head, length);
  }

  @Test
  void placesChildrenUnderTheSlotsOfTheirParentsFedRows() {
    // Seed u0 does not see u2: below u0: u1; below u1: u0, u3; then below those, their hop-2 draws.
    ComputationTree tree = tree(new NeighborCut(TinyGraphs.USER, new int[] {2, -1}), 0, 1);
    BlockLayout layout = BlockLayout.of(tree, SLOTTED);

    // seed row 0 has one child, seed row 1 two: two slots each
    assertThat(layout.rowsOf(1)).containsExactly(0, 2, 3);
    // tree rows of block 1 sit at fed rows 0, 2, 3; their children (2, 2 and 1) fill those rows' slots
    assertThat(layout.rowsOf(2)).containsExactly(0, 1, 4, 5, 6);
    assertThat(layout.rows(2)).isEqualTo(64 * 2 * 2);
  }
}
