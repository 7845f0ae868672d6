package dev.polyphony.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.MultiDataSet;

class RankingModelTest {
  private final ImpressionLog log = RankFixtures.tinyLog();

  @Test
  void oneSeedGivesOneModel() {
    float[] x = log.features();
    RankingModel a = RankingModel.forTraining(HeadConfig.parse("mmoe"), log, 7);
    RankingModel b = RankingModel.forTraining(HeadConfig.parse("mmoe"), log, 7);
    RankingModel c = RankingModel.forTraining(HeadConfig.parse("mmoe"), log, 8);
    assertThat(b.predict(x, 6)).containsExactly(a.predict(x, 6));
    assertThat(c.predict(x, 6)).isNotEqualTo(a.predict(x, 6));
  }

  @Test
  void theLossIsTheCrossEntropyOfItsPredictions() {
    RankingModel model = RankingModel.forTraining(HeadConfig.parse("shared-bottom"), log, 1);
    float[] p = model.predict(log);
    double expected = 0;
    for (int t = 0; t < 2; t++) {
      double sum = 0;
      for (int r = 0; r < 6; r++) {
        double q = p[r * 2 + t];
        sum += log.label(r, t) == 1 ? -Math.log(q) : -Math.log(1 - q);
      }
      expected += sum / (6 + 1e-6);
    }
    assertThat(model.loss(log, new int[] {0, 1, 2, 3, 4, 5})).isCloseTo(expected, within(1e-5));
  }

  @Test
  void theClickedOnlyModelLearnsConversionsOnClickedImpressions() {
    RankingModel model = RankingModel.forTraining(HeadConfig.parse("clicked-only"), log, 1);
    MultiDataSet batch = model.batch(log, new int[] {0, 1, 2, 3, 4, 5});

    // Mask: click counts everywhere, save where click is 1 (rows 0, 1, 4, 5).
    assertThat(batch.getLabels(1).data().asFloat()).containsExactly(1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1);
    assertThat(batch.getLabels(0).data().asFloat()).containsExactly(1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0);
  }

  @Test
  void entireSpaceHeadsLearnEveryTaskOnEveryImpression() {
    RankingModel model = RankingModel.forTraining(HeadConfig.parse("esmm"), log, 1);
    float[] mask = model.batch(log, new int[] {0, 2}).getLabels(1).data().asFloat();
    assertThat(mask).containsExactly(1, 1, 1, 1);
  }

  @Test
  void standardisesRawFeaturesWithTheTrainingStatistics() {
    FeatureScaling scaling = FeatureScaling.fit(log);
    RankingModel scaled = new RankingModel(HeadConfig.parse("esmm"), log.tasks(), scaling, new double[2], 3);
    RankingModel plain = new RankingModel(HeadConfig.parse("esmm"), log.tasks(), FeatureScaling.identity(2),
        new double[2], 3);
    float[] raw = {4f, 6f};
    float[] standard = {(4f - 2.5f) / scaling.scales()[0], (6f - 7.5f) / scaling.scales()[1]};
    float[] a = scaled.predict(raw, 1);
    float[] b = plain.predict(standard, 1);
    assertThat(a[0]).isCloseTo(b[0], within(1e-6f));
    assertThat(a[1]).isCloseTo(b[1], within(1e-6f));
  }

  @Test
  void rejectsFeatureRowsOfTheWrongWidth() {
    RankingModel model = RankingModel.forTraining(HeadConfig.parse("ple"), log, 1);
    assertThatThrownBy(() -> model.predict(new float[5], 2))
        .hasMessage("expected 2 x 2 = 4 feature values (got 5)");
    assertThatThrownBy(() -> model.diagnostic("gates_level9", new float[2], 1))
        .hasMessageStartingWith("head 'ple' has no diagnostic 'gates_level9'");
  }
}
