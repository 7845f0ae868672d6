package dev.polyphony.bench;

import dev.polyphony.bench.gds.GdsPeer;
import dev.polyphony.bench.gds.GdsSettings;
import dev.polyphony.bench.gds.HomogeneousGraph;
import dev.polyphony.bench.gds.PeakMemory;
import dev.polyphony.eval.CatalogTraining;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.job.TrainingJobConfig;
import dev.polyphony.job.TrainingJobConfigReader;
import dev.polyphony.model.SageModel;
import dev.polyphony.train.SageTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One speed measurement in a fresh JVM, so peak heap and resident set belong to one system: GDS GraphSAGE or
 * Polyphony's GraphSAGE (organisational task) trained for {@code epochs} at the same dimension, batch size
 * and fan-outs, then every node embedded. An epoch is one pass over each system's training seeds: every node
 * for GDS ({@link GdsSettings#onePassPerEpoch()}), as many (playlist context, track) pairs as the training
 * graph has playlist-track edges for Polyphony. Prints one line {@code RESULT {json}}; peaks count from after
 * the graph is read (GDS: including the projection).
 *
 * <p>Arguments: {@code gds|polyphony spotify|synthetic epochs [syntheticScale]}.
 */
public final class GdsSpeedProbe {
  private GdsSpeedProbe() {}

  /** The Polyphony job overrides of a graph: the synthetic catalog has no albums and one label. */
  static List<String> overrides(String graph, int epochs) {
    List<String> o = new ArrayList<>(List.of("tasks.tasks=[organisational]", "training.validationHoldOut=0",
        "training.epochs=" + epochs));
    if (graph.equals("synthetic")) {
      o.addAll(List.of("training.fanouts=contains:10,by_artist:3;contains:5,by_artist:2",
          "training.inferenceFanouts=contains:20,by_artist:5;contains:10,by_artist:5",
          "encoder.idEmbeddingTypes=[playlist,artist,track]", "catalog.labelAttributes=[genre]"));
    }
    return o;
  }

  /** GDS sample sizes per hop: the sum of Polyphony's per-relation fan-outs of that hop. */
  static List<Integer> sampleSizes(String fanouts) {
    List<Integer> sizes = new ArrayList<>();
    for (String hop : fanouts.split(";")) {
      int sum = 0;
      for (String part : hop.split(",")) {
        sum += Integer.parseInt(part.substring(part.indexOf(':') + 1).trim());
      }
      sizes.add(sum);
    }
    return sizes;
  }

  static HeteroGraph load(String graph, double scale) throws Exception {
    return graph.equals("synthetic") ? SyntheticCatalogFixture.load(scale)
        : new SpotifySongsReader().read(BenchmarkDatasets.spotifySongsZip(), new RejectReport()).graph();
  }

  public static void main(String[] args) throws Exception {
    String system = args[0];
    String graphName = args[1];
    int epochs = Integer.parseInt(args[2]);
    double scale = args.length > 3 ? Double.parseDouble(args[3]) : 0.1;
    HeteroGraph graph = load(graphName, scale);
    TrainingJobConfig job = TrainingJobConfigReader.load(null, overrides(graphName, epochs)).resolved();
    job.checkAgainst(graph);
    GdsSettings settings = GdsSettings.matching(job.encoder().outputDim(), sampleSizes(job.training().fanouts()),
        epochs, job.training().batchSize(), job.training().learningRate(), job.seed()).onePassPerEpoch();
    System.gc();
    PeakMemory.reset();
    double trainSeconds;
    double embedSeconds;
    long embedded;
    long steps;
    long seedsPerEpoch;
    if (system.equals("gds")) {
      try (GdsPeer peer = GdsPeer.start()) {
        HomogeneousGraph h = HomogeneousGraph.of(graph);
        long started = System.nanoTime();
        peer.project("g", h);
        double projectSeconds = (System.nanoTime() - started) / 1e9;
        System.err.printf(Locale.ROOT, "projected %,d nodes in %.1f s%n", h.nodeCount(), projectSeconds);
        started = System.nanoTime();
        String model = peer.trainGraphSage("g", settings);
        trainSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        peer.graphSage("g", model, h.nodeCount(), settings);
        embedSeconds = (System.nanoTime() - started) / 1e9;
        embedded = h.nodeCount();
        steps = (long) epochs * settings.maxIterations();
        seedsPerEpoch = h.nodeCount();
      }
    } else {
      CatalogTraining training = new CatalogTraining(graph, job.catalog().playlistRelation(), job.recommenderConfig());
      SageModel model = training.newModel();
      var plan = training.plan();
      long started = System.nanoTime();
      var result = new SageTrainer(job.trainConfig()).train(model, plan, ProgressTracker.NONE);
      trainSeconds = (System.nanoTime() - started) / 1e9;
      steps = result.steps();
      seedsPerEpoch = steps / epochs * job.training().batchSize();
      started = System.nanoTime();
      model.embedAll(1024, job.seed(), ProgressTracker.NONE);
      embedSeconds = (System.nanoTime() - started) / 1e9;
      embedded = graph.nodeCount(model.seedType());
    }
    System.out.printf(Locale.ROOT, "RESULT {\"system\":\"%s\",\"graph\":\"%s\",\"epochs\":%d,\"sampleSizes\":\"%s\","
        + "\"batchSize\":%d,\"dimension\":%d,\"steps\":%d,\"seedsPerEpoch\":%d,\"trainSeconds\":%.3f,"
        + "\"embedSeconds\":%.3f,\"nodesEmbedded\":%d,\"peakHeapBytes\":%d,\"peakRssBytes\":%d}%n", system,
        graphName, epochs, settings.sampleSizes(), settings.batchSize(), settings.dimension(), steps, seedsPerEpoch,
        trainSeconds, embedSeconds, embedded, PeakMemory.heapBytes(), PeakMemory.rssBytes());
  }
}
