package dev.polyphony.rank.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.HeadKind;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.ImpressionSplit;
import dev.polyphony.rank.RankTrainConfig;
import dev.polyphony.rank.RankingModel;
import dev.polyphony.rank.RankingTasks;
import dev.polyphony.rank.RankingTrainer;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
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

  @Test
  void gatesOfUnrelatedTasksLearnDifferentExpertMixtures() {
    // Task a depends on features 0-2 only, task b on features 4-6 only.
    ImpressionSplit split = ImpressionSplit.byQuery(unrelatedTasks(8000, 1), 0.7, 0.15, 1);
    HeadConfig config = new HeadConfig(HeadKind.MMOE, 4, 8, 4, 2, 1, 2, 0.6, null);
    RankingModel model = RankingModel.forTraining(config, split.train(), 1);
    float[] x = split.test().features();
    double before = meanGateDistance(model.diagnostic(Mmoe.GATES, x, split.test().rows()));

    new RankingTrainer(new RankTrainConfig(15, 256, 0.01, 0, 4, 1)).train(model, split.train(), split.validation(),
        ProgressTracker.NONE);

    double after = meanGateDistance(model.diagnostic(Mmoe.GATES, x, split.test().rows()));
    assertThat(after).isGreaterThan(0.3).isGreaterThan(3 * before);
  }

  /** L1 distance between the two tasks' gate weights averaged over samples. */
  private static double meanGateDistance(INDArray gates) {
    INDArray mean = gates.mean(0);
    double distance = 0;
    for (int e = 0; e < mean.size(1); e++) {
      distance += Math.abs(mean.getDouble(0, e) - mean.getDouble(1, e));
    }
    return distance;
  }

  private static ImpressionLog unrelatedTasks(int rows, long seed) {
    RankingTasks tasks = new RankingTasks(List.of("a", "b"), new int[] {-1, -1});
    ImpressionLog.Builder b = new ImpressionLog.Builder(tasks, List.of("x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7"),
        Set.of(), false);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < rows; i++) {
      float[] x = new float[8];
      for (int j = 0; j < 8; j++) {
        x[j] = (float) random.nextGaussian();
      }
      double pa = 1 / (1 + Math.exp(-3 * (x[0] + x[1] - x[2])));
      double pb = 1 / (1 + Math.exp(-3 * (x[4] * x[5] + x[6])));
      b.add(i / 10, i, x, new byte[] {(byte) (random.nextDouble() < pa ? 1 : 0),
          (byte) (random.nextDouble() < pb ? 1 : 0)}, new float[0], null);
    }
    return b.build();
  }
}
