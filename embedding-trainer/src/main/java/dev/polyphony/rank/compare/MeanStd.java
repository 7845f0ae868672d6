package dev.polyphony.rank.compare;

import java.util.List;

/**
 * Mean and sample standard deviation of a metric over runs (seeds); values that are {@code NaN} (not
 * applicable) are left out, and a metric with no value is {@code NaN} with {@code n = 0}.
 *
 * @param mean mean over the counted values
 * @param std sample standard deviation ({@code n - 1} in the denominator; 0 for one value)
 * @param n values counted
 */
public record MeanStd(double mean, double std, int n) {

  public static MeanStd of(List<Double> values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    if (n == 0) {
      return new MeanStd(Double.NaN, Double.NaN, 0);
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        squares += (v - mean) * (v - mean);
      }
    }
    return new MeanStd(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
  }

  public boolean present() {
    return n > 0;
  }
}
