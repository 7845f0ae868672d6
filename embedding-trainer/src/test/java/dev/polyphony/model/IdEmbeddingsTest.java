package dev.polyphony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.HeteroGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdEmbeddingsTest {
  private final HeteroGraph graph = TinyGraphs.fiveUsers();

  @Test
  void rowsStartSmallAndSeeded() {
    IdEmbeddings a = new IdEmbeddings(graph, List.of(TinyGraphs.USER), 3, 7);
    IdEmbeddings b = new IdEmbeddings(graph, List.of(TinyGraphs.USER), 3, 7);
    assertThat(a.values(TinyGraphs.USER)).hasSize(graph.nodeCount(TinyGraphs.USER) * 3)
        .containsExactly(b.values(TinyGraphs.USER));
    for (float v : a.values(TinyGraphs.USER)) {
      assertThat(Math.abs(v)).isLessThan((float) (6 * IdEmbeddings.INIT_STD));
    }
    assertThat(new IdEmbeddings(graph, List.of(TinyGraphs.USER), 3, 8).values(TinyGraphs.USER))
        .isNotEqualTo(a.values(TinyGraphs.USER));
  }

  @Test
  void lazyAdamMovesOnlyTouchedRowsByTheFirstStepSize() {
    IdEmbeddings ids = new IdEmbeddings(graph, List.of(TinyGraphs.USER), 2, 1);
    float[] before = ids.values(TinyGraphs.USER).clone();
    // node 1 appears twice (its gradients add up), node 3 once, -1 is padding
    ids.accumulate(TinyGraphs.USER, new int[] {1, 3, 1, -1}, 4, new float[] {1, -2, 4, 0, 1, 1, 9, 9});
    ids.applyAdam(0.1, 1);
    float[] after = ids.values(TinyGraphs.USER);
    // the first Adam step moves every coordinate with a non-zero gradient by lr against its sign
    assertThat(after[2] - before[2]).isCloseTo(-0.1f, within(1e-6f));
    assertThat(after[3] - before[3]).isCloseTo(0.1f, within(1e-6f));
    assertThat(after[6] - before[6]).isCloseTo(-0.1f, within(1e-6f));
    assertThat(after[7] - before[7]).isCloseTo(0f, within(1e-6f));
    for (int node : new int[] {0, 2, 4}) {
      assertThat(after[2 * node]).isEqualTo(before[2 * node]);
      assertThat(after[2 * node + 1]).isEqualTo(before[2 * node + 1]);
    }
    float[] once = after.clone();
    ids.applyAdam(0.1, 2);
    assertThat(ids.values(TinyGraphs.USER)).as("pending gradients are cleared").containsExactly(once);
  }

  @Test
  void stateRoundTripsAndMismatchesAreRefused() {
    IdEmbeddings ids = new IdEmbeddings(graph, List.of(TinyGraphs.USER), 2, 1);
    ids.accumulate(TinyGraphs.USER, new int[] {0}, 1, new float[] {1, 1});
    ids.applyAdam(0.1, 1);
    IdEmbeddings copy = new IdEmbeddings(graph, List.of(TinyGraphs.USER), 2, 99);
    copy.restore(ids.state());
    assertThat(copy.values(TinyGraphs.USER)).containsExactly(ids.values(TinyGraphs.USER));
    assertThatThrownBy(() -> copy.restore(Map.of())).hasMessageContaining("id tables");
    assertThatThrownBy(() -> new IdEmbeddings(graph, List.of(TinyGraphs.USER), 0, 1)).hasMessage("dim must be > 0 (got 0)");
  }
}
