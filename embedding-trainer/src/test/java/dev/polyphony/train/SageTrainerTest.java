package dev.polyphony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.model.SageModel;
import dev.polyphony.model.TinyGraphs;
import dev.polyphony.task.NodeClassificationTask;
import dev.polyphony.task.SupervisedTask;
import dev.polyphony.task.TrainingBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class SageTrainerTest {
  private final HeteroGraph communities = TinyGraphs.twoCommunities(40, 6, 7);

  private static SageEncoderConfig encoder() {
    return SageEncoderConfig.builder().hiddenDim(16).outputDim(8).dropout(0.2).normalizeOutput(false).seed(3).build();
  }

  private static TrainConfig training(int epochs) {
    return new TrainConfig(epochs, 4, 0.01, 5e-4, "knows:10;knows:10", 0, 5);
  }

  private TrainResult train(SageModel model, TrainConfig config, ProgressTracker progress) {
    NodeClassificationTask task = new NodeClassificationTask(communities, TinyGraphs.USER, "label", "split");
    return new SageTrainer(config).train(model, task, progress);
  }

  @Test
  void recoversPlantedCommunitiesThatOwnFeaturesBarelyShow() {
    TrainConfig config = training(40);
    SageModel model = new SageModel(communities, TinyGraphs.USER, encoder(), config.sampling());
    NodeClassificationTask task = new NodeClassificationTask(communities, TinyGraphs.USER, "label", "split");

    TrainResult result = new SageTrainer(config).train(model, task, ProgressTracker.NONE);

    List<EpochStats> history = result.history();
    assertThat(history).hasSize(40);
    assertThat(history.get(history.size() - 1).meanLoss()).isLessThan(0.5 * history.get(0).meanLoss());
    assertThat(task.accuracy(model, task.testNodes(), 1)).isGreaterThanOrEqualTo(0.9);
    assertThat(result.steps()).isEqualTo(40 * 3);
  }

  @Test
  void oneSeedGivesTheSameRunTwice() {
    TrainConfig config = training(3);
    SageModel a = new SageModel(communities, TinyGraphs.USER, encoder(), config.sampling());
    SageModel b = new SageModel(communities, TinyGraphs.USER, encoder(), config.sampling());

    TrainResult ra = train(a, config, ProgressTracker.NONE);
    TrainResult rb = train(b, config, ProgressTracker.NONE);

    assertThat(rb.history()).extracting(EpochStats::meanLoss)
        .containsExactlyElementsOf(ra.history().stream().map(EpochStats::meanLoss).toList());
    int[] nodes = {0, 1, 2, 40, 41};
    INDArray za = a.embed(nodes, 4);
    INDArray zb = b.embed(nodes, 4);
    assertThat(zb.data().asFloat()).containsExactly(za.data().asFloat());
  }

  @Test
  void reportsEveryEpochAsAStage() {
    TrainConfig config = training(2);
    SageModel model = new SageModel(communities, TinyGraphs.USER, encoder(), config.sampling());
    List<String> events = new ArrayList<>();
    ProgressTracker recorder = new ProgressTracker() {
      @Override
      public void begin(String stage, long totalSteps) {
        events.add(stage + ":" + totalSteps);
      }

      @Override
      public void step(long steps) {
        events.add("+" + steps);
      }

      @Override
      public void end() {
        events.add("end");
      }
    };

    train(model, config, recorder);

    assertThat(events).containsExactly("epoch 1/2:3", "+1", "+1", "+1", "end", "epoch 2/2:3", "+1", "+1", "+1", "end");
  }

  @Test
  void stopsAfterPatienceEpochsWithoutImprovement() {
    TrainConfig config = new TrainConfig(200, 40, 0.05, 0, "knows:10;knows:10", 3, 5);
    SageModel model = new SageModel(communities, TinyGraphs.USER, encoder(), config.sampling());

    TrainResult result = train(model, config, ProgressTracker.NONE);

    assertThat(result.history().size()).isEqualTo(result.bestEpoch() + 3);
  }

  @Test
  void rejectsATaskOfAnotherSeedType() {
    TrainConfig config = training(1);
    SageModel model = new SageModel(communities, TinyGraphs.USER, encoder(), config.sampling());
    NodeClassificationTask real = new NodeClassificationTask(communities, TinyGraphs.USER, "label", "split");
    SupervisedTask task = new SupervisedTask() {
      @Override
      public String name() {
        return real.name();
      }

      @Override
      public NodeType seedType() {
        return NodeType.of("artist");
      }

      @Override
      public String buildLoss(SageModel m) {
        return real.buildLoss(m);
      }

      @Override
      public int[] trainSeeds() {
        return real.trainSeeds();
      }

      @Override
      public java.util.Map<String, INDArray> targets(TrainingBatch batch) {
        return real.targets(batch);
      }

      @Override
      public String metric() {
        return real.metric();
      }

      @Override
      public double score(SageModel m, long sampleSeed) {
        return real.score(m, sampleSeed);
      }
    };

    assertThatThrownBy(() -> new SageTrainer(config).train(model, task, ProgressTracker.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'artist'");
  }

  @Test
  void shuffleIsAPermutationFixedBySeed() {
    int[] values = {5, 6, 7, 8, 9, 10};

    assertThat(SeedBatches.shuffled(values, 1)).containsExactlyInAnyOrder(values)
        .containsExactly(SeedBatches.shuffled(values, 1));
    assertThat(SeedBatches.shuffled(values, 1)).isNotEqualTo(SeedBatches.shuffled(values, 2));
  }
}
