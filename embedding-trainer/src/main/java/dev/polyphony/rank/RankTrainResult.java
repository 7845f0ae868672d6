package dev.polyphony.rank;

import java.util.List;

/**
 * The outcome of training a ranking head; the model holds the weights of {@code bestEpoch}.
 *
 * @param history one entry per epoch run
 * @param bestEpoch the epoch (1-based) with the best validation score
 * @param bestValidation that score: the mean AUC over tasks on the validation impressions
 * @param steps optimiser steps taken
 * @param seconds wall time
 */
public record RankTrainResult(List<Epoch> history, int bestEpoch, double bestValidation, long steps, double seconds) {

  public RankTrainResult {
    history = List.copyOf(history);
  }

  /**
   * One epoch.
   *
   * @param epoch 1-based
   * @param trainingLoss the training loss after it, on a fixed set of training rows
   * @param validation mean AUC over tasks on the validation impressions after it
   */
  public record Epoch(int epoch, double trainingLoss, double validation) {}
}
