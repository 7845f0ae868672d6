package dev.polyphony.rank;

/**
 * Optimisation settings of a ranking head's training.
 *
 * @param epochs maximum passes over the training impressions, {@code > 0}
 * @param batchSize impressions per step, {@code > 0}
 * @param learningRate Adam step size, {@code > 0}
 * @param l2 L2 weight on all trainable variables (SameDiff's regularisation), {@code >= 0}
 * @param patience epochs without a better validation score before stopping, {@code > 0}
 * @param seed the run seed: initialisation and every epoch's order derive from it
 */
public record RankTrainConfig(int epochs, int batchSize, double learningRate, double l2, int patience, long seed) {

  public RankTrainConfig {
    if (epochs <= 0) {
      throw new IllegalArgumentException("epochs must be > 0 (got " + epochs + ")");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0 (got " + batchSize + ")");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be a finite number > 0 (got " + learningRate + ")");
    }
    if (!(l2 >= 0) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException("l2 must be a finite number >= 0 (got " + l2 + ")");
    }
    if (patience <= 0) {
      throw new IllegalArgumentException("patience must be > 0 (got " + patience + ")");
    }
  }

  /** 30 epochs of 512 impressions, Adam 0.003, no L2, patience 3, seed 0. */
  public static RankTrainConfig defaults() {
    return new RankTrainConfig(30, 512, 0.003, 0, 3, 0);
  }

  public RankTrainConfig withSeed(long newSeed) {
    return new RankTrainConfig(epochs, batchSize, learningRate, l2, patience, newSeed);
  }

  public RankTrainConfig withEpochs(int newEpochs) {
    return new RankTrainConfig(newEpochs, batchSize, learningRate, l2, patience, seed);
  }

  public RankTrainConfig withBatchSize(int newBatchSize) {
    return new RankTrainConfig(epochs, newBatchSize, learningRate, l2, patience, seed);
  }

  public RankTrainConfig withLearningRate(double newLearningRate) {
    return new RankTrainConfig(epochs, batchSize, newLearningRate, l2, patience, seed);
  }
}
