package dev.polyphony.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingJobTest {
  /** A metrics line with the epoch's wall time taken out, which differs from run to run. */
  private static List<String> withoutSeconds(Path metrics) throws IOException {
    return Files.readAllLines(metrics).stream().map(l -> l.replaceFirst("\"seconds\":[0-9.E-]+,", "")).toList();
  }

  @TempDir
  Path dir;

  private final HeteroGraph graph = JobFixtures.catalog();

  @Test
  void resumingAfterAnInterruptionEndsWithTheModelOfAnUninterruptedRun() throws Exception {
    TrainingJobConfig config = JobFixtures.tinyJob("training.epochs=3", "tasks.weighting=dwa");
    Path whole = dir.resolve("whole");
    TrainingJobResult uninterrupted = new TrainingJob(config, graph).run(whole, false, ProgressTracker.NONE, e -> {});
    assertThat(uninterrupted.resumedAfterEpoch()).isZero();
    assertThat(uninterrupted.training().history()).hasSize(3);

    Path parts = dir.resolve("parts");
    assertThatThrownBy(() -> new TrainingJob(config, graph).run(parts, false, ProgressTracker.NONE, e -> {
      if (e.epoch() == 2) {
        throw new IllegalStateException("stopped after epoch 2");
      }
    })).hasMessage("stopped after epoch 2");
    assertThat(parts.resolve(TrainingJob.CHECKPOINT)).exists();
    assertThat(parts.resolve(TrainingJob.MODEL)).doesNotExist();
    assertThat(Files.readAllLines(parts.resolve(TrainingJob.METRICS))).hasSize(2);

    TrainingJobResult resumed = new TrainingJob(config, graph).run(parts, true, ProgressTracker.NONE, e -> {});
    assertThat(resumed.resumedAfterEpoch()).isEqualTo(2);
    assertThat(resumed.training().history()).hasSize(3);
    assertThat(resumed.bundle().modelHash()).isEqualTo(uninterrupted.bundle().modelHash());
    assertThat(ModelBundle.read(parts.resolve(TrainingJob.MODEL)).modelHash())
        .isEqualTo(ModelBundle.read(whole.resolve(TrainingJob.MODEL)).modelHash());
    assertThat(withoutSeconds(parts.resolve(TrainingJob.METRICS)))
        .isEqualTo(withoutSeconds(whole.resolve(TrainingJob.METRICS)));
    assertThat(TrainingJobConfigReader.fromJson(Files.readString(parts.resolve(TrainingJob.JOB)), "job.json"))
        .isEqualTo(config.resolved());
  }

  @Test
  void metricsLinesHaveOneObjectPerEpoch() throws Exception {
    TrainingJobConfig config = JobFixtures.tinyJob();
    TrainingJob job = new TrainingJob(config, graph);
    int steps = job.plan().batches().batchesPerEpoch();
    job.run(dir, false, ProgressTracker.NONE, e -> {});
    List<String> lines = Files.readAllLines(dir.resolve(TrainingJob.METRICS));
    assertThat(lines).hasSize(2);
    String number = "-?[0-9]+\\.[0-9]+(E-?[0-9]+)?";
    for (int epoch = 1; epoch <= 2; epoch++) {
      double rate = config.trainConfig().learningRate(epoch);
      assertThat(lines.get(epoch - 1)).matches("\\{\"epoch\":" + epoch + ",\"seconds\":" + number + ",\"steps\":"
          + steps + ",\"learningRate\":" + java.util.regex.Pattern.quote(Double.toString(rate))
          + ",\"loss\":\\{\"total\":" + number + ",\"content\":" + number + ",\"engagement\":" + number
          + ",\"organisational\":" + number + ",\"stylistic\":" + number + "\\},\"taskWeights\":\\{\"content\":0.2,"
          + "\"engagement\":0.2,\"organisational\":1.0,\"stylistic\":0.2\\},\"validation\":\\{\\}\\}");
    }
  }

  @Test
  void aValidationHoldOutScoresEveryEpoch() throws Exception {
    TrainingJobConfig config = JobFixtures.tinyJob("training.validationHoldOut=0.2");
    TrainingJob job = new TrainingJob(config, graph);
    assertThat(job.trainingGraph().edgeCount(graph.schema().edgeType("contains")))
        .isLessThan(graph.edgeCount(graph.schema().edgeType("contains")));
    TrainingJobResult result = job.run(dir, false, ProgressTracker.NONE, e -> {});
    assertThat(result.training().bestEpoch()).isBetween(1, 2);
    for (String line : Files.readAllLines(dir.resolve(TrainingJob.METRICS))) {
      assertThat(line).containsPattern("\"validation\":\\{\"validation recall@50\":[0-9.]+\\}\\}$");
    }
    assertThat(ModelBundle.read(dir.resolve(TrainingJob.MODEL)).model(graph)).isNotNull();
  }

  @Test
  void aCheckpointIsResumedOnlyWhenAskedAndOnlyByItsOwnJob() throws Exception {
    new TrainingJob(JobFixtures.tinyJob("training.epochs=1"), graph).run(dir, false, ProgressTracker.NONE, e -> {});
    assertThatThrownBy(() -> new TrainingJob(JobFixtures.tinyJob("training.epochs=1"), graph)
        .run(dir, false, ProgressTracker.NONE, e -> {})).isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("holds a checkpoint of an earlier run");
    assertThatThrownBy(() -> new TrainingJob(JobFixtures.tinyJob("training.epochs=2", "encoder.hiddenDim=16",
        "tasks.temperature=0.5"), graph).run(dir, true, ProgressTracker.NONE, e -> {}))
        .isInstanceOf(IOException.class)
        .hasMessage(dir.resolve(TrainingJob.JOB) + ": the checkpoint was made by another job config, which differs in"
            + " encoder.hiddenDim, tasks.temperature; resume with that config or train into another directory");
    TrainingJobResult longer = new TrainingJob(JobFixtures.tinyJob("training.epochs=2"), graph)
        .run(dir, true, ProgressTracker.NONE, e -> {});
    assertThat(longer.resumedAfterEpoch()).isEqualTo(1);
    assertThat(longer.training().history()).extracting(s -> s.epoch()).containsExactly(1, 2);
  }

  @Test
  void namesTheKeyOfWhatTheGraphLacks() {
    assertThatThrownBy(() -> new TrainingJob(JobFixtures.tinyJob("catalog.playlistRelation=has"), graph))
        .isInstanceOf(JobConfigException.class)
        .hasMessage("catalog.playlistRelation: the graph has no relation 'has' (relations: [contains, by_artist, "
            + "on_album])");
    assertThatThrownBy(() -> new TrainingJob(JobFixtures.tinyJob("encoder.idEmbeddingTypes=[track, label]"), graph))
        .hasMessage("encoder.idEmbeddingTypes[1]: the graph has no node type 'label' (node types: [track, playlist, "
            + "artist, album])");
    assertThatThrownBy(() -> new TrainingJob(JobFixtures.tinyJob("catalog.engagementAttribute=plays"), graph))
        .hasMessage("catalog.engagementAttribute: the engagement task needs attribute 'plays' on 'track' nodes "
            + "(attributes: [popularity])");
    assertThatThrownBy(() -> new TrainingJob(JobFixtures.tinyJob(
        "training.fanouts=contains:2,likes:2;contains:2", "training.inferenceFanouts=contains:4,likes:4;contains:4"),
        graph))
        .hasMessage("training.fanouts: hop 1 names relation 'likes', which the graph does not have (relations: "
            + "[contains, by_artist, on_album])");
  }
}
