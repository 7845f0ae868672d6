package dev.polyphony.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.ProgressTracker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTrainerTest {
  private final ImpressionSplit split = RankFixtures.smallSplit();

  private RankTrainResult train(RankingModel model, RankTrainConfig config) {
    return new RankingTrainer(config).train(model, split.train(), split.validation(), ProgressTracker.NONE);
  }

  @Test
  void lossFallsAndTheBestEpochsWeightsAreKept() {
    RankingModel model = RankingModel.forTraining(HeadConfig.parse("shared-bottom"), split.train(), 2);
    int[] first = new int[RankingTrainer.LOSS_ROWS];
    for (int i = 0; i < first.length; i++) {
      first[i] = i;
    }
    double untrained = model.loss(split.train(), first);

    RankTrainResult result = train(model, new RankTrainConfig(4, 512, 0.005, 0, 4, 2));

    List<RankTrainResult.Epoch> history = result.history();
    assertThat(history).hasSize(4);
    assertThat(history.get(0).trainingLoss()).isLessThan(0.5 * untrained);
    assertThat(history.get(3).trainingLoss()).isLessThan(history.get(0).trainingLoss());
    // 11,200 training impressions in full batches of 512.
    assertThat(result.steps()).isEqualTo(4 * 22);
    double kept = RankingTrainer.meanAuc(split.validation(), model.predict(split.validation()));
    assertThat(kept).isEqualTo(result.bestValidation());
    assertThat(result.bestValidation()).isEqualTo(history.get(result.bestEpoch() - 1).validation());
  }

  @Test
  void oneSeedGivesTheSameRunTwice() {
    RankTrainConfig config = new RankTrainConfig(2, 512, 0.005, 0, 2, 4);
    RankingModel a = RankingModel.forTraining(HeadConfig.parse("esmm"), split.train(), 4);
    RankingModel b = RankingModel.forTraining(HeadConfig.parse("esmm"), split.train(), 4);

    RankTrainResult ra = train(a, config);
    RankTrainResult rb = train(b, config);

    assertThat(rb.history()).isEqualTo(ra.history());
    assertThat(b.predict(split.test())).containsExactly(a.predict(split.test()));
  }

  @Test
  void stopsWhenValidationStopsImproving() {
    RankingModel model = RankingModel.forTraining(HeadConfig.parse("shared-bottom"), split.train(), 5);
    RankTrainResult result = train(model, new RankTrainConfig(40, 512, 0.05, 0, 1, 5));
    assertThat(result.history().size()).isLessThan(40).isEqualTo(result.bestEpoch() + 1);
  }

  @Test
  void reportsEveryEpochAsAStage() {
    List<String> stages = new ArrayList<>();
    ProgressTracker recorder = new ProgressTracker() {
      @Override
      public void begin(String stage, long totalSteps) {
        stages.add(stage + ":" + totalSteps);
      }

      @Override
      public void step(long steps) {}

      @Override
      public void end() {}
    };
    RankingModel model = RankingModel.forTraining(HeadConfig.parse("clicked-only"), split.train(), 1);
    new RankingTrainer(new RankTrainConfig(2, 1024, 0.005, 0, 2, 1)).train(model, split.train(), split.validation(),
        recorder);
    assertThat(stages).containsExactly("clicked-only epoch 1/2:11", "clicked-only epoch 2/2:11");
  }

  @Test
  void batchesWrapAroundSoEveryBatchIsFull() {
    int[] order = {4, 2, 0, 1, 3};
    assertThat(RankingTrainer.batchRows(order, 0, 2)).containsExactly(4, 2);
    assertThat(RankingTrainer.batchRows(order, 2, 2)).containsExactly(3, 4);
    assertThat(RankingTrainer.batchRows(order, 0, 7)).containsExactly(4, 2, 0, 1, 3, 4, 2);
  }

  @Test
  void rejectsImpressionsOfOtherTasks() {
    RankingModel model = RankingModel.forTraining(HeadConfig.parse("shared-bottom"), RankFixtures.tinyLog(), 1);
    assertThatThrownBy(() -> new RankingTrainer(RankTrainConfig.defaults()).train(model, split.train(),
        split.validation(), ProgressTracker.NONE))
        .hasMessage("the impressions' tasks (click -> save -> subscribe) differ from the model's (click -> save)");
    assertThatThrownBy(() -> new RankTrainConfig(0, 1, 0.1, 0, 1, 0)).hasMessage("epochs must be > 0 (got 0)");
  }
}
