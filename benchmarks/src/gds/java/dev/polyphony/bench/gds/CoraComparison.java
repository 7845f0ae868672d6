package dev.polyphony.bench.gds;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GenericReader;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.model.Aggregator;
import dev.polyphony.model.Combination;
import dev.polyphony.model.FeatureNormalization;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.model.SageModel;
import dev.polyphony.task.NodeClassificationTask;
import dev.polyphony.train.SageTrainer;
import dev.polyphony.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Node classification on Cora's Planetoid split (140 train, 1,000 test papers): a {@link LogisticRegression} on
 * each GDS algorithm's unsupervised embeddings, and Polyphony's GraphSAGE trained supervised (the settings of
 * the project's Cora test: mean aggregator, 25/10 sampled citations, 64 dimensions, 200 epochs with early
 * stopping on the 500 validation papers). Test accuracy for each.
 */
public final class CoraComparison {
  private static final NodeType PAPER = NodeType.of("paper");

  private CoraComparison() {}

  public static Map<String, Double> run(Path coraDir, Path schema, GdsPeer peer, GdsSettings settings,
      ProgressTracker progress) throws IOException {
    HeteroGraph cora = new GenericReader(schema).read(coraDir, new RejectReport()).graph();
    NodeClassificationTask task = new NodeClassificationTask(cora, PAPER, "label", "split");
    int n = cora.nodeCount(PAPER);
    int[] labels = new int[n];
    for (int v = 0; v < n; v++) {
      labels[v] = task.label(v);
    }
    Map<String, Double> accuracy = new LinkedHashMap<>();
    HomogeneousGraph graph = HomogeneousGraph.of(cora);
    peer.project("cora", graph);
    for (GdsAlgorithm algorithm : GdsAlgorithm.values()) {
      progress.begin("Cora: " + algorithm.label(), -1);
      float[] e = switch (algorithm) {
        case FASTRP -> peer.fastRp("cora", n, settings);
        case NODE2VEC -> peer.node2Vec("cora", n, settings);
        case GRAPHSAGE -> {
          String model = peer.trainGraphSage("cora", settings);
          float[] out = peer.graphSage("cora", model, n, settings);
          peer.dropModel(model);
          yield out;
        }
      };
      LogisticRegression probe = LogisticRegression.fit(e, settings.dimension(), labels, task.classes(),
          task.trainSeeds(), LogisticRegression.Config.defaults());
      accuracy.put(algorithm.label() + " + logistic regression",
          probe.accuracy(e, labels, task.testNodes()));
      progress.end();
    }
    peer.drop("cora");
    progress.begin("Cora: Polyphony GraphSAGE supervised", -1);
    long seed = settings.seed();
    TrainConfig train = new TrainConfig(200, 140, 0.005, 5e-4, "cites:25;cites:10", 50, seed);
    SageEncoderConfig encoder = SageEncoderConfig.builder().layers(2).hiddenDim(64).outputDim(64)
        .aggregator(Aggregator.MEAN).combination(Combination.SUM).dropout(0.5).normalizeOutput(false)
        .featureNormalization(FeatureNormalization.ROW_SUM).seed(seed).build();
    SageModel model = new SageModel(cora, PAPER, encoder, train.sampling(),
        NeighborSamplerConfig.of("cites:all;cites:all", seed));
    new SageTrainer(train).train(model, task, ProgressTracker.NONE);
    accuracy.put("Polyphony GraphSAGE, supervised", task.accuracy(model, task.testNodes(), 12345));
    progress.end();
    return accuracy;
  }
}
