package dev.polyphony.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.graph.io.SpotifySongsSchema;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.testing.Datasets;
import dev.polyphony.job.EmbeddingJob;
import dev.polyphony.job.ModelBundle;
import dev.polyphony.job.TrainingJob;
import dev.polyphony.job.TrainingJobConfig;
import dev.polyphony.job.TrainingJobConfigReader;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The Spark job equals the single-machine hash-sampled embedding on the Spotify songs catalog, with the
 * default job's encoder (learned vectors on every type, standardised features) at small widths. The model is
 * freshly initialised rather than trained: inference reads the weights whatever their values, and training
 * on the whole catalog would take minutes (the synthetic test uses a trained model).
 */
class SparkEmbeddingSpotifyTest {
  static final String JOB = """
      seed: 9
      encoder:
        hiddenDim: 16
        outputDim: 8
        inputProjectionDim: 8
      training:
        fanouts: "contains:4,by_artist:2,on_album:2;contains:2,by_artist:1,on_album:1"
        inferenceFanouts: "contains:5,by_artist:2,on_album:2;contains:3,by_artist:1,on_album:1"
      """;

  @Test
  void sparkEmbeddingsEqualSingleMachineHashEmbeddingsOnSpotifySongs() throws Exception {
    long t0 = System.nanoTime();
    HeteroGraph graph = new SpotifySongsReader().read(Datasets.spotifySongsZip(), new RejectReport()).graph();
    TrainingJobConfig config = TrainingJobConfigReader.fromYaml(JOB, "spotify-job.yaml", List.of());
    TrainingJob job = new TrainingJob(config, graph);
    ModelBundle bundle = ModelBundle.of(job.newModel(), job.config());
    NeighborSamplerConfig sampling = EmbeddingJob.hashSampling(bundle.config());

    long t1 = System.nanoTime();
    EmbeddingTable single = EmbeddingJob.embed(bundle, graph, 1024, sampling, ProgressTracker.NONE);
    long t2 = System.nanoTime();
    List<Row> rows = new SparkEmbeddingJob(SharedSpark.get(), bundle, sampling, 2048)
        .embed(GraphTables.of(SharedSpark.get(), graph)).collectAsList();
    long t3 = System.nanoTime();
    System.out.printf("spotify songs: read and model %.1f s, single machine %.1f s, Spark %.1f s%n", (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, (t3 - t2) / 1e9);

    assertThat(single.size()).isEqualTo(graph.nodeCount(SpotifySongsSchema.TRACK));
    double maxDiff = SparkEmbeddingEqualityTest.maxAbsDifference(single, rows);
    System.out.println("spotify songs: " + rows.size() + " tracks, max abs difference Spark vs single machine "
        + maxDiff);
    assertThat(maxDiff).isLessThanOrEqualTo(1e-5);
  }
}
