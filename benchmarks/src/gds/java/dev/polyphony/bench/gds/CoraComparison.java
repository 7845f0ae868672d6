package dev.polyphony.bench.gds;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GenericReader;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.task.CitationClassification;
import dev.polyphony.task.NodeClassificationTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Node classification on Cora's Planetoid split (140 train, 1,000 test papers): a {@link LogisticRegression} on
 * each GDS algorithm's unsupervised embeddings, and Polyphony's GraphSAGE trained supervised
 * ({@link CitationClassification}). Test accuracy for each.
 */
public final class CoraComparison {
  private CoraComparison() {}

  public static Map<String, Double> run(Path coraDir, Path schema, GdsPeer peer, GdsSettings settings,
      ProgressTracker progress) throws IOException {
    HeteroGraph cora = new GenericReader(schema).read(coraDir, new RejectReport()).graph();
    CitationClassification classification = new CitationClassification(cora);
    NodeClassificationTask task = classification.task();
    int n = cora.nodeCount(CitationClassification.PAPER);
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
    accuracy.put("Polyphony GraphSAGE, supervised", classification.train(settings.seed()).testAccuracy());
    progress.end();
    return accuracy;
  }
}
