package dev.polyphony.bench;

import dev.polyphony.cli.SameDiffOutputFilter;
import dev.polyphony.eval.CatalogTraining;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.job.TrainingJobConfig;
import dev.polyphony.model.SageModel;
import dev.polyphony.task.TrainingBatch;
import dev.polyphony.train.BatchSource;
import dev.polyphony.train.SageTrainer;
import dev.polyphony.train.TrainResult;
import dev.polyphony.train.TrainingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Training and inference throughput of the default training job (the built-in job config) on the Spotify
 * songs graph and on a synthetic catalog of about one million edges, side by side in one run: optimisation
 * steps/s and training seeds/s over the first {@code steps} steps of the first epoch (all tasks, no validation;
 * the time includes building the training graph once), and nodes embedded per second when embedding every
 * track with the inference fan-outs. Prints a Markdown table.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.polyphony.bench.TrainingThroughput [steps]
 * [syntheticScale]} (defaults 300 and 0.1; scale 0.1 of the default synthetic catalog is about 1M edges). The
 * launcher's ND4J settings apply: {@code OMP_NUM_THREADS=1} and the malloc variables of DESIGN.md.
 */
public final class TrainingThroughput {
  private static final int EMBED_BATCH = 1024;

  private TrainingThroughput() {}

  /** One measured graph. */
  record Row(String graph, long edges, int tracks, long steps, double stepsPerSecond, double seedsPerSecond,
      double embedNodesPerSecond) {}

  public static void main(String[] args) throws Exception {
    try (SameDiffOutputFilter quiet = new SameDiffOutputFilter()) {
      run(args);
    }
  }

  private static void run(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    double scale = args.length > 1 ? Double.parseDouble(args[1]) : 0.1;
    List<Row> rows = new ArrayList<>();
    HeteroGraph spotify = new SpotifySongsReader().read(BenchmarkDatasets.spotifySongsZip(), new RejectReport()).graph();
    rows.add(measure("Spotify songs", spotify, TrainingJobConfig.defaults(), steps));
    HeteroGraph synthetic = SyntheticCatalogFixture.load(scale);
    TrainingJobConfig syntheticConfig = dev.polyphony.job.TrainingJobConfigReader.load(null, List.of(
        "training.fanouts=contains:10,by_artist:3;contains:5,by_artist:2",
        "training.inferenceFanouts=contains:20,by_artist:5;contains:10,by_artist:5",
        "encoder.idEmbeddingTypes=[playlist,artist,track]",
        "catalog.labelAttributes=[genre]"));
    rows.add(measure("synthetic x" + scale, synthetic, syntheticConfig, steps));
    System.out.println();
    System.out.println("| graph | edges | tracks | steps | steps/s | training seeds/s | embedded nodes/s |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %.2f | %,.0f | %,.0f |%n", r.graph(), r.edges(),
          r.tracks(), r.steps(), r.stepsPerSecond(), r.seedsPerSecond(), r.embedNodesPerSecond());
    }
    System.out.printf(Locale.ROOT, "%nload average at the end: %.2f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static Row measure(String name, HeteroGraph graph, TrainingJobConfig job, int steps) {
    TrainingJobConfig config = job.resolved();
    config.checkAgainst(graph);
    CatalogTraining training = new CatalogTraining(graph, config.catalog().playlistRelation(),
        config.recommenderConfig());
    SageModel model = training.newModel();
    TrainingPlan full = training.plan();
    BatchSource batches = new FirstBatches(full.batches(), Math.min(steps, full.batches().batchesPerEpoch()));
    TrainingPlan plan = new TrainingPlan(full.tasks(), full.weighting(), batches, null);
    long seeds = 0;
    for (int b = 0; b < batches.batchesPerEpoch(); b++) {
      seeds += batches.batch(1, b).size();
    }
    System.err.printf(Locale.ROOT, "%s: %d of the %d steps of an epoch%n", name, batches.batchesPerEpoch(),
        full.batches().batchesPerEpoch());
    TrainResult result = new SageTrainer(config.trainConfig().withEpochs(1)).train(model, plan, ProgressTracker.NONE);
    double trainSeconds = result.history().stream().mapToDouble(e -> e.seconds()).sum();
    long started = System.nanoTime();
    int tracks = graph.nodeCount(model.seedType());
    model.embedAll(EMBED_BATCH, 1, ProgressTracker.NONE);
    double embedSeconds = (System.nanoTime() - started) / 1e9;
    long edges = 0;
    for (var type : graph.schema().edgeTypes()) {
      edges += graph.edgeCount(type);
    }
    return new Row(name, edges, tracks, result.steps(), result.steps() / trainSeconds,
        seeds / trainSeconds, tracks / embedSeconds);
  }

  /** The first {@code count} batches of each epoch of another source. */
  private record FirstBatches(BatchSource source, int count) implements BatchSource {
    @Override
    public int batchesPerEpoch() {
      return count;
    }

    @Override
    public TrainingBatch batch(int epoch, int index) {
      return source.batch(epoch, index);
    }
  }
}
