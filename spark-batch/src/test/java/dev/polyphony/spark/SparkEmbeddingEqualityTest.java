package dev.polyphony.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.job.EmbeddingJob;
import dev.polyphony.job.ModelBundle;
import dev.polyphony.job.TrainingJob;
import dev.polyphony.job.TrainingJobConfig;
import dev.polyphony.job.TrainingJobConfigReader;
import dev.polyphony.model.SageModel;
import dev.polyphony.train.SageTrainer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Spark job and the single-machine {@code embed --sampling hash} give the same vectors for one model and
 * one seed, on a synthetic catalog with fan-outs that shrink from hop to hop (so tree levels matter).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkEmbeddingEqualityTest {
  /** Widths 8 to 16, learned vectors on three types, two hops whose inference fan-outs differ. */
  static final String SYNTH_JOB = """
      seed: 5
      encoder:
        hiddenDim: 16
        outputDim: 8
        inputProjectionDim: 8
        idEmbeddingTypes: [playlist, artist, track]
      training:
        epochs: 1
        fanouts: "contains:4,by_artist:2,listened:3;contains:3,by_artist:2,listened:2"
        inferenceFanouts: "contains:6,by_artist:2,listened:4;contains:3,by_artist:1,listened:2"
        validationHoldOut: 0.0
      tasks:
        tasks: [organisational]
        pairsPerBatch: 32
        negativesPerBatch: 16
      catalog:
        labelAttributes: [genre]
      """;

  private HeteroGraph graph;
  private TrainingJobConfig config;
  private ModelBundle bundle;

  @BeforeAll
  void train() {
    graph = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(400).playlists(40).creators(40)
        .users(60).listensPerUser(8).genres(4).meanPlaylistLength(12).seed(11).build());
    config = TrainingJobConfigReader.fromYaml(SYNTH_JOB, "synth-job.yaml", List.of());
    TrainingJob job = new TrainingJob(config, graph);
    SageModel model = job.newModel();
    new SageTrainer(job.config().trainConfig()).train(model, job.plan(), ProgressTracker.NONE);
    bundle = ModelBundle.of(model, job.config());
  }

  @Test
  void sparkEmbeddingsEqualSingleMachineHashEmbeddingsOnSyntheticCatalog() {
    NeighborSamplerConfig sampling = EmbeddingJob.hashSampling(bundle.config());
    EmbeddingTable single = EmbeddingJob.embed(bundle, graph, 64, sampling, ProgressTracker.NONE);
    List<Row> rows = new SparkEmbeddingJob(SharedSpark.get(), bundle, sampling, 100)
        .embed(GraphTables.of(SharedSpark.get(), graph)).collectAsList();

    double maxDiff = maxAbsDifference(single, rows);
    System.out.println("synthetic catalog: " + rows.size() + " tracks, max abs difference Spark vs single machine "
        + maxDiff);
    assertThat(maxDiff).isLessThanOrEqualTo(1e-5);
  }

  @Test
  void hashSampledEmbeddingsDoNotDependOnTheBatches() {
    NeighborSamplerConfig sampling = EmbeddingJob.hashSampling(bundle.config());
    EmbeddingTable a = EmbeddingJob.embed(bundle, graph, 64, sampling, ProgressTracker.NONE);
    EmbeddingTable b = EmbeddingJob.embed(bundle, graph, 17, sampling, ProgressTracker.NONE);
    float[] x = new float[a.size() * a.dimension()];
    float[] y = new float[x.length];
    a.valuesView().get(x);
    b.valuesView().get(y);
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      max = Math.max(max, Math.abs(x[i] - y[i]));
    }
    assertThat(max).isLessThanOrEqualTo(1e-6);
  }

  /** Max over every track and coordinate of |Spark - single machine|; every track present once on both sides. */
  static double maxAbsDifference(EmbeddingTable single, List<Row> spark) {
    assertThat(spark).hasSize(single.size());
    Map<String, float[]> byId = new HashMap<>();
    for (Row r : spark) {
      List<Object> values = r.getList(1);
      float[] v = new float[values.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = ((Number) values.get(i)).floatValue();
      }
      assertThat(byId.put(r.getString(0), v)).as("repeated id %s", r.getString(0)).isNull();
    }
    double max = 0;
    for (int row = 0; row < single.size(); row++) {
      float[] expected = single.vector(row);
      float[] actual = byId.get(single.id(row));
      assertThat(actual).as("track %s", single.id(row)).isNotNull().hasSize(expected.length);
      for (int i = 0; i < expected.length; i++) {
        max = Math.max(max, Math.abs(expected[i] - actual[i]));
      }
    }
    return max;
  }
}
