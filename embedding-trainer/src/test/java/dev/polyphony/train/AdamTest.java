package dev.polyphony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamTest {
  @Test
  void firstStepMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
    Adam adam = new Adam(0.1, 0);
    INDArray w = Nd4j.createFromArray(1f, -2f);

    adam.beginStep();
    adam.update("w", w, Nd4j.createFromArray(0.5f, -3f), false);

    assertThat(w.toFloatVector()).containsExactly(new float[] {0.9f, -1.9f}, within(1e-6f));
  }

  @Test
  void secondStepFollowsTheBiasCorrectedMoments() {
    Adam adam = new Adam(0.1, 0);
    INDArray w = Nd4j.createFromArray(1f);
    adam.beginStep();
    adam.update("w", w, Nd4j.createFromArray(1f), false);
    adam.beginStep();
    adam.update("w", w, Nd4j.createFromArray(0.5f), false);

    // m = 0.9*0.1 + 0.1*0.5 = 0.14, v = 0.999*0.001 + 0.001*0.25 = 0.001249,
    // step = 0.1 * sqrt(1 - 0.999^2) / (1 - 0.9^2) * m / sqrt(v)
    double step = 0.1 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81) * 0.14 / Math.sqrt(0.001249);
    assertThat(w.getDouble(0)).isCloseTo(0.9 - step, within(1e-6));
  }

  @Test
  void weightDecayAddsToTheGradientOnlyWhereAsked() {
    Adam adam = new Adam(0.1, 1.0);
    INDArray decayed = Nd4j.createFromArray(2f);
    INDArray bias = Nd4j.createFromArray(2f);
    adam.beginStep();
    // Gradient -1 plus decay 1 * 2 is +1: the decayed weight moves down, the bias up.
    adam.update("w", decayed, Nd4j.createFromArray(-1f), true);
    adam.update("b", bias, Nd4j.createFromArray(-1f), false);

    assertThat(decayed.getDouble(0)).isCloseTo(1.9, within(1e-6));
    assertThat(bias.getDouble(0)).isCloseTo(2.1, within(1e-6));
    assertThat(adam.step()).isEqualTo(1);
  }

  @Test
  void rejectsUpdatesBeforeAStepAndBadRates() {
    Adam adam = new Adam(0.1, 0);

    assertThatThrownBy(() -> adam.update("w", Nd4j.createFromArray(1f), Nd4j.createFromArray(1f), false))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Adam(0, 0)).hasMessageContaining("(got 0.0)");
    assertThatThrownBy(() -> new Adam(0.1, -1)).hasMessageContaining("(got -1.0)");
  }
}
