package dev.polyphony.rank;

import java.util.Arrays;

/**
 * Standardisation of feature columns, {@code (x - mean) / std}, with the statistics of training rows only
 * (validation and test rows never inform them). A column with standard deviation below {@code 1e-6} keeps
 * scale 1, so constant columns pass through centred rather than blowing up.
 *
 * @param means per column mean
 * @param scales per column divisor (standard deviation, or 1)
 */
public record FeatureScaling(float[] means, float[] scales) {
  private static final double MIN_STD = 1e-6;

  public FeatureScaling {
    if (means.length != scales.length) {
      throw new IllegalArgumentException("means and scales differ in length: " + means.length + " and " + scales.length);
    }
    for (int c = 0; c < scales.length; c++) {
      if (!(scales[c] > 0) || !Float.isFinite(scales[c]) || !Float.isFinite(means[c])) {
        throw new IllegalArgumentException("column " + c + " needs a finite mean and a scale > 0 (got " + means[c]
            + ", " + scales[c] + ")");
      }
    }
    means = means.clone();
    scales = scales.clone();
  }

  /** The identity: means 0, scales 1. */
  public static FeatureScaling identity(int columns) {
    float[] ones = new float[columns];
    Arrays.fill(ones, 1f);
    return new FeatureScaling(new float[columns], ones);
  }

  /** Column means and population standard deviations of {@code log}'s rows. */
  public static FeatureScaling fit(ImpressionLog log) {
    int d = log.featureCount();
    int n = log.rows();
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit feature scaling on an empty impression log");
    }
    double[] sum = new double[d];
    double[] squares = new double[d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        double v = log.feature(r, c);
        sum[c] += v;
      }
    }
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        double v = log.feature(r, c) - sum[c] / n;
        squares[c] += v * v;
      }
    }
    float[] means = new float[d];
    float[] scales = new float[d];
    for (int c = 0; c < d; c++) {
      means[c] = (float) (sum[c] / n);
      double std = Math.sqrt(squares[c] / n);
      scales[c] = std < MIN_STD ? 1f : (float) std;
    }
    return new FeatureScaling(means, scales);
  }

  public int columns() {
    return means.length;
  }

  @Override
  public float[] means() {
    return means.clone();
  }

  @Override
  public float[] scales() {
    return scales.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureScaling other && Arrays.equals(means, other.means) && Arrays.equals(scales, other.scales);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(means) + Arrays.hashCode(scales);
  }

  @Override
  public String toString() {
    return "FeatureScaling" + Arrays.toString(means) + "/" + Arrays.toString(scales);
  }
}
