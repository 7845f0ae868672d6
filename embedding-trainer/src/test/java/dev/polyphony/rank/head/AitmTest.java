package dev.polyphony.rank.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.HeadKind;
import dev.polyphony.rank.RankingModel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AitmTest {
  @Test
  void calibratorPenalisesOnlyStepsLikelierThanTheirParent() {
    SameDiff sd = SameDiff.create();
    HeadBuilder b = new HeadBuilder(new HeadParameters(sd, 1), HeadTesting.FUNNEL);
    SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 3);
    SDVariable penalty = Aitm.calibratorPenalty(b, y);

    INDArray probabilities = Nd4j.create(new float[] {0.5f, 0.6f, 0.1f, 0.4f, 0.2f, 0.3f}, new long[] {2, 3}, 'c');
    double value = sd.output(Map.of("y", probabilities), penalty.name()).get(penalty.name()).getDouble(0);

    // save over click: max(0.1, 0) and max(-0.2, 0), mean 0.05; subscribe over save: 0 and 0.1, mean 0.05.
    assertThat(value).isCloseTo(0.1, within(1e-7));
  }

  @Test
  void theModelsCalibratorMatchesItsOwnPredictions() {
    RankingModel aitm = HeadTesting.model(HeadConfig.defaults(HeadKind.AITM));
    float[] x = HeadTesting.rows(8, 5);
    float[] p = aitm.predict(x, 8);

    double expected = 0;
    for (int t = 1; t < 3; t++) {
      double sum = 0;
      for (int r = 0; r < 8; r++) {
        sum += Math.max(0, p[r * 3 + t] - p[r * 3 + t - 1]);
      }
      expected += sum / 8;
    }
    assertThat(aitm.diagnostic(Aitm.CALIBRATOR, x, 8).getDouble(0)).isCloseTo(expected, within(1e-6));
  }

  @Test
  void attentionWeighsTheTransferredInformationPerSampleInZeroToOne() {
    RankingModel aitm = HeadTesting.model(HeadConfig.defaults(HeadKind.AITM));
    INDArray weights = aitm.diagnostic(Aitm.ATTENTION + "save", HeadTesting.rows(4, 6), 4);
    assertThat(weights.shape()).containsExactly(4, 1);
    for (int r = 0; r < 4; r++) {
      assertThat(weights.getDouble(r, 0)).isStrictlyBetween(0.0, 1.0);
    }
    assertThat(aitm.diagnosticNames()).contains(Aitm.ATTENTION + "subscribe").doesNotContain(Aitm.ATTENTION + "click");
  }

  @Test
  void rejectsANegativeCalibratorWeight() {
    assertThatThrownBy(() -> new Aitm(8, 4, -0.1))
        .hasMessage("calibratorWeight must be a finite number >= 0 (got -0.1)");
  }
}
