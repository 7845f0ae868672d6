package dev.polyphony.graph;

import java.util.Arrays;

/**
 * Per-column statistics of a feature matrix, used to normalise features the same way at training
 * and at inference time (a new track is scaled with the statistics of the training catalog).
 * Standard deviations are population deviations; a constant column has std 0 and normalises to 0.
 */
public record FeatureStats(float[] mean, float[] std, float[] min, float[] max) {
  public FeatureStats {
    int d = mean.length;
    if (std.length != d || min.length != d || max.length != d) {
      throw new IllegalArgumentException("all statistics need " + d + " columns");
    }
  }

  /** Statistics of a row-major {@code rows x cols} matrix (computed in double precision). */
  public static FeatureStats of(float[] values, int rows, int cols) {
    double[] sum = new double[cols];
    double[] sumSq = new double[cols];
    float[] min = new float[cols];
    float[] max = new float[cols];
    Arrays.fill(min, Float.POSITIVE_INFINITY);
    Arrays.fill(max, Float.NEGATIVE_INFINITY);
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      for (int c = 0; c < cols; c++) {
        float x = values[base + c];
        sum[c] += x;
        sumSq[c] += (double) x * x;
        min[c] = Math.min(min[c], x);
        max[c] = Math.max(max[c], x);
      }
    }
    float[] mean = new float[cols];
    float[] std = new float[cols];
    for (int c = 0; c < cols; c++) {
      if (rows == 0) {
        min[c] = 0;
        max[c] = 0;
        continue;
      }
      double m = sum[c] / rows;
      mean[c] = (float) m;
      std[c] = (float) Math.sqrt(Math.max(0, sumSq[c] / rows - m * m));
    }
    return new FeatureStats(mean, std, min, max);
  }

  public int columns() {
    return mean.length;
  }

  /** The z-score of {@code x} in column {@code c}; 0 for constant columns, never NaN. */
  public float standardize(int c, float x) {
    float s = std[c];
    return s > 1e-12f ? (x - mean[c]) / s : 0f;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureStats other
        && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std)
        && Arrays.equals(min, other.min) && Arrays.equals(max, other.max);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "FeatureStats[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
  }
}
