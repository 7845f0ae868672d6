package dev.polyphony.rank.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.FeatureScaling;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.HeadKind;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankFixtures;
import dev.polyphony.rank.RankingModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

class CrossTaskDistillationTest {
  private static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }

  @Test
  void levelsGradeEachTaskByItsPartner() {
    // Rows (click, save): (1,1), (1,0), (0,0). click's partner is save, save's is click.
    float[] levels = CrossTaskDistillation.levels(RankFixtures.CLICK_SAVE, new byte[] {1, 1, 1, 0, 0, 0}, 3);
    assertThat(levels).containsExactly(3, 3, 2, 1, 0, 0);
  }

  @Test
  void rankingLossAveragesOverOrderedPairs() {
    SameDiff sd = SameDiff.create();
    SDVariable s = sd.placeHolder("s", DataType.FLOAT, -1, 1);
    SDVariable l = sd.placeHolder("l", DataType.FLOAT, -1, 1);
    SDVariable m = sd.placeHolder("m", DataType.FLOAT, -1, 1);
    SDVariable loss = CrossTaskDistillation.rankingLoss(sd, s, l, m);

    double value = sd.output(Map.of("s", column(1, 0, 2), "l", column(2, 1, 0), "m", column(1, 1, 1)), loss.name())
        .get(loss.name()).getDouble(0);
    // Pairs with a higher level first: (0,1) gap 1, (0,2) gap -1, (1,2) gap -2; plus one in the denominator.
    double expected = (softplus(-1) + softplus(1) + softplus(2)) / 4;
    assertThat(value).isCloseTo(expected, within(1e-6));

    double masked = sd.output(Map.of("s", column(1, 0, 2), "l", column(2, 1, 0), "m", column(1, 1, 0)), loss.name())
        .get(loss.name()).getDouble(0);
    assertThat(masked).isCloseTo(softplus(-1) / 2, within(1e-6));
  }

  @Test
  void maskedCrossEntropyAveragesOverTheMaskedRowsOfEachTask() {
    SameDiff sd = SameDiff.create();
    SDVariable p = sd.placeHolder("p", DataType.FLOAT, -1, 2);
    SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 2);
    SDVariable m = sd.placeHolder("m", DataType.FLOAT, -1, 2);
    SDVariable loss = Losses.maskedBce(sd, p, y, m);
    INDArray probabilities = Nd4j.create(new float[] {0.8f, 0.5f, 0.4f, 0.9f}, new long[] {2, 2}, 'c');
    INDArray labels = Nd4j.create(new float[] {1, 0, 0, 1}, new long[] {2, 2}, 'c');
    INDArray mask = Nd4j.create(new float[] {1, 0, 1, 1}, new long[] {2, 2}, 'c');

    double value = sd.output(Map.of("p", probabilities, "y", labels, "m", mask), loss.name()).get(loss.name())
        .getDouble(0);

    double task0 = (-Math.log(0.8) - Math.log(0.6)) / (2 + 1e-6);
    double task1 = -Math.log(0.9) / (1 + 1e-6);
    assertThat(value).isCloseTo(task0 + task1, within(1e-5));
  }

  @Test
  void theCalibratorDoesNotTrainTheTeacherAndZeroWeightsLeaveTheStudentAlone() {
    ImpressionLog log = RankFixtures.tinyLog();
    double[] rates = {0.5, 0.3};
    HeadConfig plain = HeadConfig.defaults(HeadKind.SHARED_BOTTOM);
    HeadConfig silent = plain.withDistillation(new DistillationConfig(0, 0, true, 2));
    RankingModel student = new RankingModel(plain, log.tasks(), FeatureScaling.fit(log), rates, 3);
    RankingModel distilled = new RankingModel(silent, log.tasks(), FeatureScaling.fit(log), rates, 3);
    int[] rows = {0, 1, 2, 3, 4, 5};

    Map<String, INDArray> plainGradients = gradients(student, log, rows);
    Map<String, INDArray> distilledGradients = gradients(distilled, log, rows);

    for (String name : student.parameterNames()) {
      assertThat(distilledGradients.get(name).data().asFloat()).as(name)
          .containsExactly(plainGradients.get(name).data().asFloat());
    }
    for (String name : distilled.parameterNames()) {
      INDArray g = distilledGradients.get(name);
      if (name.startsWith("teacher")) {
        assertThat(g.amaxNumber().doubleValue()).as(name).isEqualTo(0.0);
      } else if (name.startsWith("calibrator")) {
        assertThat(g.amaxNumber().doubleValue()).as(name).isGreaterThan(0.0);
      }
    }
  }

  @Test
  void aBatchMustHoldTheDistillationPairs() {
    ImpressionLog log = RankFixtures.tinyLog();
    RankingModel distilled = RankingModel.forTraining(HeadConfig.parse("mmoe+kd"), log, 1);
    assertThatThrownBy(() -> distilled.batch(log, new int[] {0, 1}))
        .hasMessage("a batch of mmoe+kd needs at least 128 rows for the distillation pairs (got 2)");
  }

  private static Map<String, INDArray> gradients(RankingModel model, ImpressionLog log, int[] rows) {
    MultiDataSet batch = model.batch(log, rows);
    Map<String, INDArray> in = new HashMap<>();
    in.put(RankingModel.FEATURES, batch.getFeatures(0));
    in.put(RankingModel.LABELS, batch.getLabels(0));
    in.put(RankingModel.MASK, batch.getLabels(1));
    if (batch.getLabels().length > 2) {
      in.put(RankingModel.LEVELS, batch.getLabels(2));
    }
    SameDiff sd = model.sameDiff();
    List<String> names = model.parameterNames();
    return sd.calculateGradients(in, names);
  }

  private static INDArray column(float... values) {
    return Nd4j.create(values, new long[] {values.length, 1}, 'c');
  }
}
