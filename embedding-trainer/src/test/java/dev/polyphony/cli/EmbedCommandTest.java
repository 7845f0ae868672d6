package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.job.JobFixtures;
import dev.polyphony.job.ModelBundle;
import dev.polyphony.job.TrainingJob;
import dev.polyphony.model.TinyGraphs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedCommandTest {
  @TempDir
  static Path dir;

  private Path model;
  private Path grown;
  private ModelBundle bundle;

  @BeforeAll
  void train() throws Exception {
    Path run = dir.resolve("run");
    new TrainingJob(JobFixtures.tinyJob(), JobFixtures.catalog()).run(run, false, ProgressTracker.NONE, e -> {});
    model = run.resolve(TrainingJob.MODEL);
    bundle = ModelBundle.read(model);
    grown = dir.resolve("grown.snap");
    GraphSnapshot.write(JobFixtures.catalogWithNewTrack(), grown);
  }

  @Test
  void embedsEveryTrackIncludingNewOnesIntoAnExport() throws Exception {
    Path out = dir.resolve("embeddings");
    CliRun run = CliRun.of("embed", "--model", model.toString(), "--graph", grown.toString(), "--out", out.toString(),
        "--format", "npy,voyager", "--batch-size", "8");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("embedded 21 track nodes in 4 dimensions (cosine, normalisation l2, model "
        + bundle.modelHash() + ") to " + out, "1 track node is new to the model: no learned vector, embedded from "
        + "features and neighbours", "embeddings.npy", "ids.tsv", "index.voy", "manifest.json");
    EmbeddingTable table = EmbeddingExport.read(out, ExportFormat.NPY);
    assertThat(table.size()).isEqualTo(21);
    assertThat(table.nodeType()).isEqualTo("track");
    assertThat(table.metadata().modelHash()).isEqualTo(bundle.modelHash());
    assertThat(table.metadata().normalization()).isEqualTo(Normalization.L2);
    assertThat(table.metadata().properties()).containsEntry("batchSize", "8")
        .containsEntry("inferenceFanouts", "contains:5,by_artist:3,on_album:3;contains:5,by_artist:3,on_album:3");
    float[] fresh = table.vector(table.rowOf(JobFixtures.NEW_TRACK));
    assertThat(fresh).isNotEqualTo(new float[4]);
    assertThat(table.vector(table.rowOf("t0"))).isNotEqualTo(fresh);

    Path again = dir.resolve("again");
    assertThat(CliRun.of("embed", "--model", model.toString(), "--graph", grown.toString(), "--out", again.toString(),
        "--batch-size", "8").exitCode()).isZero();
    EmbeddingTable second = EmbeddingExport.read(again);
    for (int row = 0; row < table.size(); row++) {
      assertThat(second.vector(row)).containsExactly(table.vector(row));
    }
  }

  @Test
  void hashSamplingGivesTheSameVectorsWhateverTheBatchSize() throws Exception {
    Path small = dir.resolve("hash-3");
    Path large = dir.resolve("hash-64");
    for (Object[] run : new Object[][] {{small, "3"}, {large, "64"}}) {
      CliRun r = CliRun.of("embed", "--model", model.toString(), "--graph", grown.toString(), "--out",
          run[0].toString(), "--sampling", "hash", "--batch-size", (String) run[1]);
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    EmbeddingTable a = EmbeddingExport.read(small);
    EmbeddingTable b = EmbeddingExport.read(large);
    assertThat(a.metadata().properties()).containsEntry("sampling", "hash");
    for (int row = 0; row < a.size(); row++) {
      assertThat(b.vector(row)).containsExactly(a.vector(row), org.assertj.core.data.Offset.offset(1e-6f));
    }
    CliRun bad = CliRun.of("embed", "--model", model.toString(), "--graph", grown.toString(), "--out",
        dir.resolve("y").toString(), "--sampling", "walk");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--sampling must be random or hash (got 'walk')");
  }

  @Test
  void aNodeTypeOtherThanTheModelsIsAUsageError() {
    CliRun run = CliRun.of("embed", "--model", model.toString(), "--graph", grown.toString(), "--out",
        dir.resolve("x").toString(), "--node-type", "playlist");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("polyphony: error: the model embeds 'track' nodes, not 'playlist'");
    CliRun format = CliRun.of("embed", "--model", model.toString(), "--graph", grown.toString(), "--out",
        dir.resolve("x").toString(), "--format", "parquet");
    assertThat(format.exitCode()).isEqualTo(2);
  }

  @Test
  void aDamagedModelOrAnotherSchemaFailsNamingTheProblem() throws Exception {
    Path copy = dir.resolve("damaged");
    bundle.write(copy);
    Path weights = copy.resolve(ModelBundle.WEIGHTS);
    byte[] bytes = Files.readAllBytes(weights);
    Files.write(weights, Arrays.copyOf(bytes, bytes.length / 2));
    CliRun damaged = CliRun.of("embed", "--model", copy.toString(), "--graph", grown.toString(), "--out",
        dir.resolve("x").toString());
    assertThat(damaged.exitCode()).isEqualTo(1);
    assertThat(damaged.err()).contains("polyphony: error: " + weights + ": size mismatch: manifest.json says "
        + bytes.length + " bytes, file has " + bytes.length / 2);

    Path users = dir.resolve("users.snap");
    GraphSnapshot.write(TinyGraphs.fiveUsers(), users);
    CliRun schema = CliRun.of("embed", "--model", model.toString(), "--graph", users.toString(), "--out",
        dir.resolve("y").toString());
    assertThat(schema.exitCode()).isEqualTo(1);
    assertThat(schema.err()).contains("polyphony: error: the graph's schema differs from the model's");

    CliRun missing = CliRun.of("embed", "--model", dir.resolve("none").toString(), "--graph", grown.toString(),
        "--out", dir.resolve("z").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("polyphony: error: no such file: " + dir.resolve("none"));
  }
}
