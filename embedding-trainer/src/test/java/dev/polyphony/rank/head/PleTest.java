package dev.polyphony.rank.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.HeadKind;
import dev.polyphony.rank.RankingModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PleTest {
  /** Two levels of 2 shared experts and 1 expert per task: experts 0-1 shared, 2 click, 3 save, 4 subscribe. */
  private final RankingModel ple = HeadTesting.model(HeadConfig.defaults(HeadKind.PLE));
  private final Ple architecture = (Ple) HeadConfig.defaults(HeadKind.PLE).architecture();
  private final float[] x = HeadTesting.rows(5, 4);

  @Test
  void aTaskGateWeighsOnlyItsOwnAndTheSharedExperts() {
    for (String level : new String[] {"gates_level1", "gates_level2"}) {
      INDArray gates = ple.diagnostic(level, x, 5);
      assertThat(gates.shape()).containsExactly(5, 3, 5);
      for (int r = 0; r < 5; r++) {
        for (int t = 0; t < 3; t++) {
          double sum = 0;
          for (int e = 0; e < 5; e++) {
            double g = gates.getDouble(r, t, e);
            if (architecture.taskSees(t, e)) {
              assertThat(g).isGreaterThan(0);
            } else {
              assertThat(g).isEqualTo(0);
            }
            sum += g;
          }
          assertThat(sum).isCloseTo(1, within(1e-6));
        }
      }
    }
  }

  @Test
  void expertOwnershipFollowsTheIndexLayout() {
    assertThat(architecture.expertsPerLevel(3)).isEqualTo(5);
    assertThat(architecture.taskSees(0, 1)).isTrue();
    assertThat(architecture.taskSees(0, 2)).isTrue();
    assertThat(architecture.taskSees(0, 3)).isFalse();
    assertThat(architecture.taskSees(2, 4)).isTrue();
    assertThat(architecture.taskSees(1, 4)).isFalse();
  }

  @Test
  void oneLevelIsCustomizedGateControl() {
    RankingModel cgc = HeadTesting.model(new HeadConfig(HeadKind.PLE, 8, 4, 4, 1, 2, 1, 0.6, null));
    INDArray gates = cgc.diagnostic(Ple.GATES, x, 5);
    // 1 shared + 3 x 2 task experts.
    assertThat(gates.shape()).containsExactly(5, 3, 7);
    assertThat(cgc.diagnosticNames()).containsExactly("gates_level1", Ple.GATES);
  }
}
