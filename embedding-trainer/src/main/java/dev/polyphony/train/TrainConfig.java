package dev.polyphony.train;

import dev.polyphony.graph.sample.NeighborSamplerConfig;
import java.util.Objects;

/**
 * Optimisation settings of a training run.
 *
 * @param epochs maximum number of passes over the training seeds ({@code > 0})
 * @param batchSize seeds per step ({@code > 0})
 * @param learningRate Adam step size ({@code > 0})
 * @param weightDecay L2 penalty on weight matrices (not biases), added to their gradients ({@code >= 0})
 * @param fanouts neighbours drawn per hop and relation, as {@link NeighborSamplerConfig#parseFanouts} reads
 *     them; the hop count must equal the encoder's layer count
 * @param patience epochs without a better validation score before stopping; 0 never stops early
 * @param seed the run seed: sampling, shuffling and dropout streams derive from it
 * @param schedule how the learning rate changes from epoch to epoch
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, double weightDecay, String fanouts,
    int patience, long seed, LearningRateSchedule schedule) {

  /** A run with a constant learning rate. */
  public TrainConfig(int epochs, int batchSize, double learningRate, double weightDecay, String fanouts,
      int patience, long seed) {
    this(epochs, batchSize, learningRate, weightDecay, fanouts, patience, seed, LearningRateSchedule.CONSTANT);
  }

  public TrainConfig {
    if (epochs <= 0) {
      throw new IllegalArgumentException("epochs must be > 0 (got " + epochs + ")");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0 (got " + batchSize + ")");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0 (got " + learningRate + ")");
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weightDecay must be >= 0 (got " + weightDecay + ")");
    }
    Objects.requireNonNull(fanouts, "fanouts");
    NeighborSamplerConfig.parseFanouts(fanouts);
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0, 0 for none (got " + patience + ")");
    }
    Objects.requireNonNull(schedule, "schedule");
  }

  /** 50 epochs of 512 seeds, Adam 0.01, weight decay 5e-4, patience 10, seed 0, with the given fan-outs. */
  public static TrainConfig defaults(String fanouts) {
    return new TrainConfig(50, 512, 0.01, 5e-4, fanouts, 10, 0);
  }

  /** The sampler settings of this run: uniform draws without replacement, seeded by the run seed. */
  public NeighborSamplerConfig sampling() {
    return NeighborSamplerConfig.builder().fanouts(fanouts).seed(seed).build();
  }

  /** The learning rate of 1-based epoch {@code epoch}. */
  public double learningRate(int epoch) {
    return schedule.rate(learningRate, epoch, epochs);
  }

  public TrainConfig withSeed(long newSeed) {
    return new TrainConfig(epochs, batchSize, learningRate, weightDecay, fanouts, patience, newSeed, schedule);
  }

  public TrainConfig withEpochs(int newEpochs) {
    return new TrainConfig(newEpochs, batchSize, learningRate, weightDecay, fanouts, patience, seed, schedule);
  }
}
