package dev.polyphony.train;

/**
 * What one epoch did.
 *
 * @param epoch 1-based epoch number
 * @param steps optimisation steps taken
 * @param meanLoss mean training loss over the epoch's steps
 * @param validation the task's validation metric after the epoch
 * @param seconds wall time of the epoch, validation included
 */
public record EpochStats(int epoch, int steps, double meanLoss, double validation, double seconds) {}
