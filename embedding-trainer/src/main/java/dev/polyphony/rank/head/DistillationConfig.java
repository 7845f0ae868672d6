package dev.polyphony.rank.head;

/**
 * Settings of {@link CrossTaskDistillation}.
 *
 * @param weight weight of the distillation loss (student against the calibrated teacher), {@code >= 0}
 * @param rankingWeight weight of the teacher's cross-task ranking loss, {@code >= 0}
 * @param errorCorrection whether teacher targets on the wrong side of the task's base rate are replaced by
 *     the hard label
 * @param pairRows the ranking loss compares the pairs among the first {@code pairRows} rows of a batch (a
 *     random subset, batches being shuffled), since its cost grows with the square of the rows; batches
 *     must have at least this many rows, {@code > 1}
 */
public record DistillationConfig(double weight, double rankingWeight, boolean errorCorrection, int pairRows) {

  public DistillationConfig {
    requireWeight("weight", weight);
    requireWeight("rankingWeight", rankingWeight);
    if (pairRows < 2) {
      throw new IllegalArgumentException("pairRows must be > 1 (got " + pairRows + ")");
    }
  }

  /** Weights 0.5 and 0.5 with error correction, pairs among 128 rows per batch. */
  public static DistillationConfig defaults() {
    return new DistillationConfig(0.5, 0.5, true, 128);
  }

  public DistillationConfig withPairRows(int rows) {
    return new DistillationConfig(weight, rankingWeight, errorCorrection, rows);
  }

  private static void requireWeight(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0 (got " + value + ")");
    }
  }
}
