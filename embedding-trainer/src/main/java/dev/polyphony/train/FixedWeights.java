package dev.polyphony.train;

import java.util.Arrays;

/** Constant task weights given up front. */
public final class FixedWeights extends HostLossWeighting {
  private final double[] weights;

  /** @param weights one weight {@code >= 0} per task, in task order */
  public FixedWeights(double... weights) {
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("task weights must be finite and >= 0 (got " + Arrays.toString(weights) + ")");
      }
    }
    this.weights = weights.clone();
  }

  /** Weight 1 for each of {@code tasks} tasks. */
  public static FixedWeights equal(int tasks) {
    double[] ones = new double[tasks];
    Arrays.fill(ones, 1);
    return new FixedWeights(ones);
  }

  @Override
  public String name() {
    return "fixed";
  }

  @Override
  public double[] weights() {
    if (weights.length != tasks()) {
      throw new IllegalStateException(weights.length + " fixed weights for " + tasks() + " tasks");
    }
    return weights.clone();
  }

  @Override
  public void endEpoch(double[] meanTaskLosses) {}

  @Override
  public double[] state() {
    return new double[0];
  }

  @Override
  public void restore(double[] state) {}
}
