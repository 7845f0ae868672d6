package dev.polyphony.rank.eval;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Calibration of predicted probabilities against 0/1 outcomes.
 *
 * @param meanPredicted mean predicted probability
 * @param observedRate share of positive outcomes
 * @param expectedCalibrationError {@code sum_b (n_b / n) |mean prediction_b - positive rate_b|} over
 *     {@value #BINS} bins of equal count in prediction order (Naeini, Cooper and Hauskrecht, AAAI 2015)
 */
public record Calibration(double meanPredicted, double observedRate, double expectedCalibrationError) {
  public static final int BINS = 10;

  /** Calibration over the rows where {@code include} is true (every row when {@code null}). */
  public static Calibration of(float[] predictions, boolean[] labels, boolean[] include) {
    if (predictions.length != labels.length || include != null && include.length != labels.length) {
      throw new IllegalArgumentException("predictions, labels and include must have equal lengths");
    }
    int n = 0;
    for (int i = 0; i < labels.length; i++) {
      if (include == null || include[i]) {
        n++;
      }
    }
    if (n == 0) {
      return new Calibration(Double.NaN, Double.NaN, Double.NaN);
    }
    int[] rows = new int[n];
    for (int i = 0, k = 0; i < labels.length; i++) {
      if (include == null || include[i]) {
        rows[k++] = i;
      }
    }
    IntArrays.quickSort(rows, (a, b) -> a == b ? 0 : predictions[a] != predictions[b]
        ? Float.compare(predictions[a], predictions[b]) : Integer.compare(a, b));
    double predictedSum = 0;
    long positives = 0;
    double error = 0;
    for (int bin = 0; bin < BINS; bin++) {
      int from = (int) ((long) bin * n / BINS);
      int to = (int) ((long) (bin + 1) * n / BINS);
      if (to == from) {
        continue;
      }
      double p = 0;
      long y = 0;
      for (int k = from; k < to; k++) {
        p += predictions[rows[k]];
        y += labels[rows[k]] ? 1 : 0;
      }
      predictedSum += p;
      positives += y;
      error += Math.abs(p - y) / n;
    }
    return new Calibration(predictedSum / n, (double) positives / n, error);
  }
}
