package dev.polyphony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.model.SageModel;
import dev.polyphony.task.CatalogTasks;
import dev.polyphony.task.MultiTaskConfig;
import dev.polyphony.task.TinyCatalogs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class MultiTaskTrainingTest {
  private static final int PER_STYLE = 12;
  private final HeteroGraph graph = TinyCatalogs.twoStyles(PER_STYLE, 4, 5);
  private final CatalogTasks catalog = new CatalogTasks(graph, "contains", List.of("genre"), "popularity");
  private final MultiTaskConfig tasks = new MultiTaskConfig(CatalogTasks.NAMES, "fixed", Map.of(), 0.2, 8, 4, 2.0, 3, true);
  @TempDir
  Path dir;

  private TrainConfig config(int epochs) {
    return new TrainConfig(epochs, 8, 0.02, 0, "contains:4,by_artist:1;contains:3,by_artist:2", 0, 3,
        LearningRateSchedule.COSINE);
  }

  private SageModel model(TrainConfig config) {
    SageEncoderConfig encoder = SageEncoderConfig.builder().hiddenDim(8).outputDim(8).inputProjectionDim(8)
        .dropout(0.1).idEmbeddingTypes(List.of("playlist", "track")).idDropout(0.3).seed(1).build();
    return new SageModel(graph, TinyCatalogs.TRACK, encoder, config.sampling());
  }

  private TrainingPlan plan(MultiTaskConfig t, TrainConfig config) {
    return new TrainingPlan(catalog.tasks(t), CatalogTasks.weighting(t), catalog.batches(t, config.seed()), null);
  }

  @Test
  void allFourTasksLearnAndThePlantedStylesSeparate() {
    TrainConfig config = config(30);
    SageModel model = model(config);
    TrainResult result = new SageTrainer(config).train(model, plan(tasks, config), ProgressTracker.NONE);

    EpochStats first = result.history().get(0);
    EpochStats last = result.history().get(result.history().size() - 1);
    assertThat(first.taskLosses().keySet()).containsExactlyElementsOf(CatalogTasks.NAMES);
    for (String task : CatalogTasks.NAMES) {
      assertThat(last.taskLosses().get(task)).as(task).isLessThan(first.taskLosses().get(task));
    }
    assertThat(last.learningRate()).isLessThan(first.learningRate());
    int[] all = new int[2 * PER_STYLE];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    INDArray z = model.embed(all, 1);
    double within = 0;
    double across = 0;
    for (int i = 0; i < all.length; i++) {
      for (int j = i + 1; j < all.length; j++) {
        double cos = z.getRow(i).mul(z.getRow(j)).sumNumber().doubleValue();
        if (i / PER_STYLE == j / PER_STYLE) {
          within += cos;
        } else {
          across += cos;
        }
      }
    }
    int pairsWithin = 2 * PER_STYLE * (PER_STYLE - 1) / 2;
    int pairsAcross = PER_STYLE * PER_STYLE;
    assertThat(within / pairsWithin).isGreaterThan(across / pairsAcross + 0.3);
  }

  @Test
  void resumingAMultiTaskRunWithIdVectorsAndDwaEqualsTheUninterruptedRun() throws IOException {
    MultiTaskConfig dwa = tasks.withWeighting("dwa");
    TrainConfig full = config(4);
    SageModel uninterrupted = model(full);
    TrainResult expected = new SageTrainer(full).train(uninterrupted, plan(dwa, full), ProgressTracker.NONE);

    Path file = dir.resolve("run.ckpt");
    assertThatThrownBy(() -> new SageTrainer(full).train(model(full), plan(dwa, full), ProgressTracker.NONE, file,
        e -> {
          if (e.epoch() == 2) {
            throw new IllegalStateException("killed after epoch 2");
          }
        })).hasMessage("killed after epoch 2");
    SageModel resumed = model(full);
    TrainResult actual = new SageTrainer(full).train(resumed, plan(dwa, full), ProgressTracker.NONE, file, e -> {});

    assertThat(actual.history()).extracting(EpochStats::taskLosses)
        .containsExactlyElementsOf(expected.history().stream().map(EpochStats::taskLosses).toList());
    assertThat(actual.history()).extracting(EpochStats::taskWeights)
        .containsExactlyElementsOf(expected.history().stream().map(EpochStats::taskWeights).toList());
    int[] nodes = {0, 5, 13, 20};
    assertThat(resumed.embed(nodes, 2).data().asFloat()).containsExactly(uninterrupted.embed(nodes, 2).data().asFloat());
    assertThat(resumed.idEmbeddings().values(TinyCatalogs.PLAYLIST))
        .containsExactly(uninterrupted.idEmbeddings().values(TinyCatalogs.PLAYLIST));
  }

  @Test
  void twoRunsWithOneSeedAreEqual() {
    TrainConfig config = config(2);
    SageModel a = model(config);
    SageModel b = model(config);
    new SageTrainer(config).train(a, plan(tasks.withWeighting("uncertainty"), config), ProgressTracker.NONE);
    new SageTrainer(config).train(b, plan(tasks.withWeighting("uncertainty"), config), ProgressTracker.NONE);
    int[] nodes = {1, 2, 3};
    assertThat(a.embed(nodes, 4).data().asFloat()).containsExactly(b.embed(nodes, 4).data().asFloat());
  }
}
