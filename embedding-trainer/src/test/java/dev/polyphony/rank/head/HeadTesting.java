package dev.polyphony.rank.head;

import dev.polyphony.rank.FeatureScaling;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.RankingModel;
import dev.polyphony.rank.RankingTasks;
import java.util.SplittableRandom;

/** Untrained heads on random rows, for exact checks of their structure. */
final class HeadTesting {
  static final RankingTasks FUNNEL = RankingTasks.chain("click", "save", "subscribe");
  static final int FEATURES = 4;

  private HeadTesting() {}

  static RankingModel model(HeadConfig config) {
    return new RankingModel(config, FUNNEL, FeatureScaling.identity(FEATURES), new double[] {0.2, 0.1, 0.05}, 9);
  }

  /** {@code rows x FEATURES} standard normal values. */
  static float[] rows(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * FEATURES];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }
}
