package dev.polyphony.train;

import java.util.Map;

/**
 * What one epoch did.
 *
 * @param epoch 1-based epoch number
 * @param steps optimisation steps taken
 * @param meanLoss mean total (weighted) training loss over the epoch's steps
 * @param taskLosses mean unweighted loss of each task, in task order
 * @param taskWeights the weight of each task's loss at the end of the epoch
 * @param learningRate the epoch's learning rate
 * @param validation the validation metric after the epoch (NaN without validation)
 * @param seconds wall time of the epoch, validation included
 */
public record EpochStats(int epoch, int steps, double meanLoss, Map<String, Double> taskLosses,
    Map<String, Double> taskWeights, double learningRate, double validation, double seconds) {
  public EpochStats {
    taskLosses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(taskLosses));
    taskWeights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(taskWeights));
  }
}
