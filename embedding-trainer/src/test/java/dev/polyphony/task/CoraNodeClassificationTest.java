package dev.polyphony.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GenericReader;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.testing.Datasets;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * GraphSAGE-mean on the Planetoid split of Cora (140 train, 500 validation, 1,000 test papers), the GCN
 * protocol ({@link CitationClassification}): the GCN paper reports 81.5% test accuracy.
 */
class CoraNodeClassificationTest {
  private static final Path SCHEMA = Path.of("..", "docs", "examples", "cora-schema.yaml");

  @Test
  void reachesEightyPercentTestAccuracy() throws IOException {
    HeteroGraph cora = new GenericReader(SCHEMA).read(Datasets.cora(), new RejectReport()).graph();
    CitationClassification classification = new CitationClassification(cora);
    NodeClassificationTask task = classification.task();
    assertThat(task.trainSeeds()).hasSize(140);
    assertThat(task.validationNodes()).hasSize(500);
    assertThat(task.testNodes()).hasSize(1000);
    assertThat(task.classes()).isEqualTo(7);
    // Seeds 1..5 are reported by the CoraAccuracy benchmark; seed 3 is checked here.
    CitationClassification.Run run = classification.train(3);

    assertThat(run.validationAccuracy()).isGreaterThan(0.75);
    assertThat(run.testAccuracy()).isGreaterThanOrEqualTo(0.80);
  }
}
