package dev.polyphony.rank.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.HeadKind;
import dev.polyphony.rank.RankingModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MmoeTest {
  private final RankingModel mmoe = HeadTesting.model(HeadConfig.defaults(HeadKind.MMOE));
  private final float[] x = HeadTesting.rows(6, 3);

  @Test
  void everyTaskHasASoftmaxGatePerSample() {
    INDArray gates = mmoe.diagnostic(Mmoe.GATES, x, 6);

    assertThat(gates.shape()).containsExactly(6, 3, 4);
    for (int r = 0; r < 6; r++) {
      for (int t = 0; t < 3; t++) {
        double sum = 0;
        for (int e = 0; e < 4; e++) {
          double g = gates.getDouble(r, t, e);
          assertThat(g).isGreaterThan(0);
          sum += g;
        }
        assertThat(sum).isCloseTo(1, within(1e-6));
      }
    }
  }

  @Test
  void gatesDependOnTheSampleAndTheTask() {
    INDArray gates = mmoe.diagnostic(Mmoe.GATES, x, 6);
    assertThat(gates.getDouble(0, 0, 0)).isNotEqualTo(gates.getDouble(1, 0, 0));
    assertThat(gates.getDouble(0, 0, 0)).isNotEqualTo(gates.getDouble(0, 1, 0));
  }

  @Test
  void outputsAreProbabilities() {
    float[] p = mmoe.predict(x, 6);
    assertThat(p).hasSize(18);
    for (float v : p) {
      assertThat(v).isBetween(0f, 1f);
    }
  }
}
