package dev.polyphony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.model.SageModel;
import dev.polyphony.model.TinyGraphs;
import dev.polyphony.task.NodeClassificationTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  private final HeteroGraph graph = TinyGraphs.twoCommunities(20, 4, 3);
  @TempDir
  Path dir;

  private SageModel model(TrainConfig config) {
    SageEncoderConfig encoder = SageEncoderConfig.builder().hiddenDim(8).outputDim(4).dropout(0.3).seed(1).build();
    return new SageModel(graph, TinyGraphs.USER, encoder, config.sampling());
  }

  private NodeClassificationTask task() {
    return new NodeClassificationTask(graph, TinyGraphs.USER, "label", "split");
  }

  @Test
  void resumingFromACheckpointEqualsTheUninterruptedRun() throws IOException {
    TrainConfig full = new TrainConfig(4, 3, 0.02, 1e-4, "knows:5;knows:5", 0, 8);
    SageModel uninterrupted = model(full);
    TrainResult expected = new SageTrainer(full).train(uninterrupted, task(), ProgressTracker.NONE);

    Path file = dir.resolve("run.ckpt");
    new SageTrainer(full.withEpochs(2)).train(model(full), task(), ProgressTracker.NONE, file);
    SageModel resumed = model(full);
    TrainResult actual = new SageTrainer(full).train(resumed, task(), ProgressTracker.NONE, file);

    assertThat(actual.history()).extracting(EpochStats::meanLoss)
        .containsExactlyElementsOf(expected.history().stream().map(EpochStats::meanLoss).toList());
    assertThat(actual.bestEpoch()).isEqualTo(expected.bestEpoch());
    assertThat(actual.steps()).isEqualTo(expected.steps());
    int[] nodes = {0, 5, 20, 33};
    assertThat(resumed.embed(nodes, 2).data().asFloat()).containsExactly(uninterrupted.embed(nodes, 2).data().asFloat());
  }

  @Test
  void refusesACheckpointOfAnotherRunAndADamagedOne() throws IOException {
    TrainConfig config = new TrainConfig(1, 3, 0.02, 0, "knows:5;knows:5", 0, 8);
    Path file = dir.resolve("run.ckpt");
    new SageTrainer(config).train(model(config), task(), ProgressTracker.NONE, file);

    TrainConfig other = config.withSeed(9);
    assertThatThrownBy(() -> new SageTrainer(other).train(model(other), task(), ProgressTracker.NONE, file))
        .isInstanceOf(IOException.class).hasMessageContaining("cannot resume");

    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(file, bytes);
    assertThatThrownBy(() -> Checkpoint.read(file, config.withEpochs(2)))
        .isInstanceOf(IOException.class).hasMessageContaining(file.toString());
  }
}
