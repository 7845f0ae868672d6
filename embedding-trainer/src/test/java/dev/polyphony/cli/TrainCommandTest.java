package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.job.JobFixtures;
import dev.polyphony.job.ModelBundle;
import dev.polyphony.job.TrainingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir
  Path dir;

  private Path snapshot;
  private Path job;

  @BeforeEach
  void files() throws Exception {
    snapshot = dir.resolve("catalog.snap");
    GraphSnapshot.write(JobFixtures.catalog(), snapshot);
    job = dir.resolve("job.yaml");
    Files.writeString(job, JobFixtures.TINY_JOB);
  }

  @Test
  void trainsIntoARunDirectoryAndSavesTheModel() throws Exception {
    Path run = dir.resolve("run");
    CliRun result = CliRun.of("train", "--graph", snapshot.toString(), "--config", job.toString(), "--out",
        run.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    ModelBundle bundle = ModelBundle.read(run.resolve(TrainingJob.MODEL));
    assertThat(result.out()).startsWith("trained 4-dimensional 'track' embeddings on " + snapshot + ": 2 epochs, ")
        .contains("epoch", "organisational", "content", "stylistic", "engagement",
            "model:   " + run.resolve(TrainingJob.MODEL),
            "(hash " + bundle.modelHash() + ")", "metrics: " + run.resolve(TrainingJob.METRICS))
        .doesNotContain(SameDiffOutputFilter.PREFIX);
    assertThat(result.err()).contains("epoch 1/2: loss ", "epoch 2/2: loss ");
    assertThat(Files.readAllLines(run.resolve(TrainingJob.METRICS))).hasSize(2)
        .allSatisfy(l -> assertThat(l).startsWith("{\"epoch\":").endsWith(",\"validation\":{}}"));
    assertThat(run.resolve(TrainingJob.CHECKPOINT)).exists();
    assertThat(run.resolve(TrainingJob.JOB)).content().contains("\"hiddenDim\" : 8", "\"seed\" : 3");
  }

  @Test
  void anEarlierRunIsContinuedOnlyWithResume() throws Exception {
    Path run = dir.resolve("run");
    CliRun first = CliRun.of("train", "--graph", snapshot.toString(), "--config", job.toString(), "--set",
        "training.epochs=1", "--out", run.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();

    CliRun again = CliRun.of("train", "--graph", snapshot.toString(), "--config", job.toString(), "--out",
        run.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("polyphony: error: " + run + " holds the checkpoint of an earlier run "
        + "(checkpoint.bin); add --resume to continue it, or choose another --out");

    CliRun resumed = CliRun.of("train", "--graph", snapshot.toString(), "--config", job.toString(), "--out",
        run.toString(), "--resume");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains(": 2 epochs (resumed after epoch 1), ");
    assertThat(resumed.err()).doesNotContain("epoch 1/2: loss").contains("epoch 2/2: loss");
    assertThat(Files.readAllLines(run.resolve(TrainingJob.METRICS))).hasSize(2);

    // The cosine schedule starts every run at the base rate, so one epoch then a second is the two-epoch run.
    Path whole = dir.resolve("whole");
    CliRun uninterrupted = CliRun.of("train", "--graph", snapshot.toString(), "--config", job.toString(), "--out",
        whole.toString(), "--resume");
    assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
    assertThat(uninterrupted.err()).contains("no checkpoint in " + whole + "; starting at epoch 1");
    assertThat(ModelBundle.read(run.resolve(TrainingJob.MODEL)).modelHash())
        .isEqualTo(ModelBundle.read(whole.resolve(TrainingJob.MODEL)).modelHash());
  }

  @Test
  void badJobSettingsNameTheKey() throws Exception {
    Path run = dir.resolve("run");
    CliRun missing = CliRun.of("train", "--graph", snapshot.toString(), "--config", dir.resolve("nope.yaml").toString(),
        "--out", run.toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("polyphony: error: no such file: " + dir.resolve("nope.yaml"));

    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "encoder:\n  aggregater: pool\n");
    CliRun unknown = CliRun.of("train", "--graph", snapshot.toString(), "--config", typo.toString(), "--out",
        run.toString());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).startsWith("polyphony: error: " + typo + " (line 2): encoder.aggregater: unknown field "
        + "(known: layers, hiddenDim, ");
    assertThat(unknown.errorLines()).isEqualTo(1);

    CliRun override = CliRun.of("train", "--graph", snapshot.toString(), "--config", job.toString(), "--set",
        "training.learningRate=-1", "--out", run.toString());
    assertThat(override.exitCode()).as(override.err()).isEqualTo(2);
    assertThat(override.err()).startsWith("polyphony: error: --set training.learningRate=-1: training.learningRate: "
        + "must be > 0 (got -1.0)");

    CliRun relation = CliRun.of("train", "--graph", snapshot.toString(), "--config", job.toString(), "--set",
        "catalog.playlistRelation=has", "--out", run.toString());
    assertThat(relation.exitCode()).isEqualTo(1);
    assertThat(relation.err()).contains("polyphony: error: catalog.playlistRelation: the graph has no relation "
        + "'has' (relations: [contains, by_artist, on_album])");
    assertThat(run.resolve(TrainingJob.MODEL)).doesNotExist();
  }
}
