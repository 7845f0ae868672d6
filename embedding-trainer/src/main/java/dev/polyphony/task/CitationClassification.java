package dev.polyphony.task;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.model.Aggregator;
import dev.polyphony.model.Combination;
import dev.polyphony.model.FeatureNormalization;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.model.SageModel;
import dev.polyphony.train.SageTrainer;
import dev.polyphony.train.TrainConfig;
import dev.polyphony.train.TrainResult;
import java.util.Objects;

/**
 * Supervised GraphSAGE-mean node classification on a citation graph read with {@code docs/examples/cora-schema.yaml}
 * (papers with a {@code label} and a Planetoid {@code split} attribute, {@code cites} edges), under the protocol
 * of GCN (Kipf and Welling, ICLR 2017) on the Planetoid split (Yang, Cohen and Salakhutdinov, ICML 2016): the
 * settings of the project's reported Cora runs. Two mean layers of 64 with sum combination, dropout 0.5,
 * row-normalised bag-of-words features; up to 200 epochs of Adam at 0.005 with weight decay 5e-4 over the 140
 * training papers in one batch, 25 then 10 sampled citations while training and every citation when
 * predicting, stopping after 50 epochs without a better validation accuracy.
 */
public final class CitationClassification {
  /** The node type classified. */
  public static final NodeType PAPER = NodeType.of("paper");
  /** Seed of the evaluation passes (dropout is off; the fan-outs take every citation). */
  private static final long EVALUATION_SEED = 12345;

  private final HeteroGraph graph;
  private final NodeClassificationTask task;

  /** The task on {@code graph}, whose papers carry {@code label} and {@code split} attributes. */
  public CitationClassification(HeteroGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.task = new NodeClassificationTask(graph, PAPER, "label", "split");
  }

  /** The labels and the train / validation / test papers. */
  public NodeClassificationTask task() {
    return task;
  }

  /** One trained run: its best validation accuracy and the test accuracy of the kept model. */
  public record Run(long seed, double validationAccuracy, double testAccuracy) {}

  /** Trains a new model with {@code seed} (initialisation, sampling, dropout) and scores it. */
  public Run train(long seed) {
    TrainConfig train = new TrainConfig(200, 140, 0.005, 5e-4, "cites:25;cites:10", 50, seed);
    SageEncoderConfig encoder = SageEncoderConfig.builder().layers(2).hiddenDim(64).outputDim(64)
        .aggregator(Aggregator.MEAN).combination(Combination.SUM).dropout(0.5).normalizeOutput(false)
        .featureNormalization(FeatureNormalization.ROW_SUM).seed(seed).build();
    SageModel model = new SageModel(graph, PAPER, encoder, train.sampling(),
        NeighborSamplerConfig.of("cites:all;cites:all", seed));
    TrainResult result = new SageTrainer(train).train(model, task, ProgressTracker.NONE);
    return new Run(seed, result.bestValidation(), task.accuracy(model, task.testNodes(), EVALUATION_SEED));
  }
}
