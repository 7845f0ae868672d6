package dev.polyphony.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.rank.eval.Auc;
import dev.polyphony.rank.eval.HeadMetrics;
import dev.polyphony.rank.eval.TaskMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Heads trained on the synthetic funnel (sparse conversions, related steps) recover its planted structure.
 * Each head is trained once, with seed 1.
 */
class PlantedFunnelTest {
  private static final ImpressionSplit SPLIT = RankFixtures.smallSplit();
  private static final ImpressionLog TEST = SPLIT.test();
  private static final Map<String, float[]> JOINT = new HashMap<>();
  private static final Map<String, List<TaskMetrics>> METRICS = new HashMap<>();

  @BeforeAll
  static void train() {
    for (String head : List.of("mmoe", "esmm", "clicked-only", "aitm")) {
      RankingModel model = RankingModel.forTraining(HeadConfig.parse(head), SPLIT.train(), 1);
      new RankingTrainer(new RankTrainConfig(10, 512, 0.005, 0, 3, 1)).train(model, SPLIT.train(), SPLIT.validation(),
          ProgressTracker.NONE);
      float[] joint = model.predict(TEST);
      JOINT.put(head, joint);
      METRICS.put(head, HeadMetrics.of(TEST, joint, model.predictConditional(TEST)));
    }
  }

  @Test
  void mmoeAndEsmmBeatTheTrivialPopularityRankingByAMargin() {
    int popularity = TEST.featureNames().indexOf("popularity");
    float[] score = new float[TEST.rows()];
    for (int r = 0; r < score.length; r++) {
      score[r] = TEST.feature(r, popularity);
    }
    for (int t = 0; t < 2; t++) {
      double trivial = Auc.of(score, RankingTrainer.labels(TEST, t));
      assertThat(METRICS.get("mmoe").get(t).auc()).as("mmoe task %d", t).isGreaterThan(trivial + 0.15);
      assertThat(METRICS.get("esmm").get(t).auc()).as("esmm task %d", t).isGreaterThan(trivial + 0.15);
    }
  }

  @Test
  void noHeadRanksBetterThanTheTrueProbabilities() {
    for (int t = 0; t < 3; t++) {
      float[] truth = new float[TEST.rows()];
      for (int r = 0; r < truth.length; r++) {
        truth[r] = (float) TEST.trueJoint(r, t);
      }
      double ceiling = Auc.of(truth, RankingTrainer.labels(TEST, t));
      for (Map.Entry<String, List<TaskMetrics>> e : METRICS.entrySet()) {
        assertThat(e.getValue().get(t).auc()).as("%s task %d", e.getKey(), t).isLessThan(ceiling + 0.02);
      }
    }
  }

  @Test
  void esmmRecoversConversionRatesOnTheEntireSpaceBetterThanTheClickedOnlyModel() {
    for (int t = 1; t < 3; t++) {
      assertThat(METRICS.get("esmm").get(t).conditionalRmse()).as("task %d", t)
          .isLessThan(METRICS.get("clicked-only").get(t).conditionalRmse());
    }
  }

  @Test
  void aitmsCalibratorKeepsLaterStepsBelowEarlierOnes() {
    float[] p = JOINT.get("aitm");
    int violations = 0;
    for (int r = 0; r < TEST.rows(); r++) {
      violations += p[r * 3 + 1] > p[r * 3] || p[r * 3 + 2] > p[r * 3 + 1] ? 1 : 0;
    }
    assertThat(violations).isLessThanOrEqualTo(TEST.rows() / 200);
  }
}
