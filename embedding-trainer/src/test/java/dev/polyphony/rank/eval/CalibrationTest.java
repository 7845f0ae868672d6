package dev.polyphony.rank.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void expectedCalibrationErrorOverEqualCountBins() {
    float[] p = {0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f};
    boolean[] y = {false, false, false, false, false, true, true, true, true, true};

    Calibration c = Calibration.of(p, y, null);

    assertThat(c.meanPredicted()).isCloseTo(0.5, within(1e-7));
    assertThat(c.observedRate()).isEqualTo(0.5);
    assertThat(c.expectedCalibrationError()).isCloseTo(0.1, within(1e-7));
  }

  @Test
  void binsAverageBeforeTakingTheGap() {
    // 20 rows, bins of 2: each bin predicts 0.5 and holds one positive, so the error vanishes.
    float[] p = new float[20];
    boolean[] y = new boolean[20];
    for (int i = 0; i < 20; i++) {
      p[i] = 0.5f;
      y[i] = i % 2 == 0;
    }
    assertThat(Calibration.of(p, y, null).expectedCalibrationError()).isCloseTo(0, within(1e-9));
  }

  @Test
  void anEmptySelectionHasNoCalibration() {
    Calibration c = Calibration.of(new float[] {0.3f}, new boolean[] {true}, new boolean[] {false});
    assertThat(c.meanPredicted()).isNaN();
  }
}
