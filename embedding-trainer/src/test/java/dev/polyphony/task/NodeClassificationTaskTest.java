package dev.polyphony.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.model.TinyGraphs;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class NodeClassificationTaskTest {
  private final HeteroGraph graph = TinyGraphs.twoCommunities(12, 3, 1);

  @Test
  void readsLabelsAndSplitsFromAttributes() {
    NodeClassificationTask task = new NodeClassificationTask(graph, TinyGraphs.USER, "label", "split");

    assertThat(task.classes()).isEqualTo(2);
    assertThat(task.trainSeeds()).containsExactly(0, 1, 2, 3, 4, 12, 13, 14, 15, 16);
    assertThat(task.validationNodes()).containsExactly(5, 6, 7, 8, 9, 17, 18, 19, 20, 21);
    assertThat(task.testNodes()).containsExactly(10, 11, 22, 23);
    assertThat(task.label(13)).isEqualTo(1);
  }

  @Test
  void targetsAreOneHotRowsInSeedOrder() {
    NodeClassificationTask task = new NodeClassificationTask(graph, TinyGraphs.USER, "label", "split");

    INDArray y = task.targets(TrainingBatch.of(new int[] {12, 0})).get(NodeClassificationTask.LABELS);

    assertThat(y.toFloatMatrix()).isDeepEqualTo(new float[][] {{0, 1}, {1, 0}});
  }

  @Test
  void namesAMissingOrMistypedAttribute() {
    assertThatThrownBy(() -> new NodeClassificationTask(graph, TinyGraphs.USER, "genre", "split"))
        .hasMessageContaining("no attribute 'genre'").hasMessageContaining("[label, split]");
    assertThatThrownBy(() -> new NodeClassificationTask(graph, TinyGraphs.USER, "split", "label"))
        .hasMessageContaining("must be INT (got STRING)");
  }
}
