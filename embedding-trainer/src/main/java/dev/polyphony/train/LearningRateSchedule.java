package dev.polyphony.train;

/** How the learning rate moves over the epochs of a run. */
public enum LearningRateSchedule {
  /** The configured rate throughout. */
  CONSTANT,
  /**
   * Cosine annealing without restarts (Loshchilov and Hutter, "SGDR", ICLR 2017): epoch {@code e} of
   * {@code E} uses {@code lr * (1 + cos(pi (e-1) / E)) / 2}.
   */
  COSINE;

  /** The rate of 1-based epoch {@code epoch} of {@code epochs}, from base rate {@code base}. */
  public double rate(double base, int epoch, int epochs) {
    return switch (this) {
      case CONSTANT -> base;
      case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * (epoch - 1) / epochs));
    };
  }
}
