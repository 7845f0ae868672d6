package dev.polyphony.train;

import java.util.List;

/**
 * Outcome of {@link SageTrainer#train}: the model holds the weights of {@link #bestEpoch()}.
 *
 * @param history one entry per epoch run
 * @param bestEpoch the 1-based epoch with the best validation metric, whose weights were kept
 * @param bestValidation that metric
 * @param steps optimisation steps taken over all epochs
 * @param seconds wall time of training
 */
public record TrainResult(List<EpochStats> history, int bestEpoch, double bestValidation, long steps,
    double seconds) {
  public TrainResult {
    history = List.copyOf(history);
  }

  /** Steps per second over the whole run, validation included. */
  public double stepsPerSecond() {
    return seconds > 0 ? steps / seconds : Double.NaN;
  }
}
