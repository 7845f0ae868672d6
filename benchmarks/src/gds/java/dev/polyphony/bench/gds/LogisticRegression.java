package dev.polyphony.bench.gds;

import java.util.Objects;

/**
 * Multinomial logistic regression (softmax) with an L2 penalty, fitted by full-batch gradient descent with
 * Adam on standardised inputs: the usual linear probe of node-embedding papers. Deterministic: the weights
 * start at zero and every step uses every training row.
 */
public final class LogisticRegression {
  /**
   * @param iterations gradient steps
   * @param learningRate Adam step size
   * @param l2 penalty on the weights (not the biases)
   */
  public record Config(int iterations, double learningRate, double l2) {
    public Config {
      if (iterations <= 0) {
        throw new IllegalArgumentException("iterations must be > 0 (got " + iterations + ")");
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("learningRate must be > 0 (got " + learningRate + ")");
      }
      if (!(l2 >= 0)) {
        throw new IllegalArgumentException("l2 must be >= 0 (got " + l2 + ")");
      }
    }

    public static Config defaults() {
      return new Config(500, 0.05, 1e-3);
    }
  }

  private final int d;
  private final int classes;
  private final double[] weights;
  private final double[] mean;
  private final double[] scale;

  private LogisticRegression(int d, int classes, double[] weights, double[] mean, double[] scale) {
    this.d = d;
    this.classes = classes;
    this.weights = weights;
    this.mean = mean;
    this.scale = scale;
  }

  /**
   * Fits rows {@code rows} of {@code x} ({@code d} values per row, row-major) to {@code labels[row]} in
   * {@code [0, classes)}.
   */
  public static LogisticRegression fit(float[] x, int d, int[] labels, int classes, int[] rows, Config config) {
    Objects.requireNonNull(config, "config");
    if (rows.length == 0) {
      throw new IllegalArgumentException("need at least one training row");
    }
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (int r : rows) {
      for (int c = 0; c < d; c++) {
        mean[c] += x[r * d + c];
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= rows.length;
    }
    for (int r : rows) {
      for (int c = 0; c < d; c++) {
        double v = x[r * d + c] - mean[c];
        scale[c] += v * v;
      }
    }
    for (int c = 0; c < d; c++) {
      double std = Math.sqrt(scale[c] / rows.length);
      scale[c] = std > 1e-12 ? 1 / std : 1;
    }
    int stride = d + 1;
    double[] w = new double[classes * stride];
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    double[] grad = new double[w.length];
    double[] z = new double[d];
    double[] p = new double[classes];
    LogisticRegression model = new LogisticRegression(d, classes, w, mean, scale);
    for (int t = 1; t <= config.iterations(); t++) {
      java.util.Arrays.fill(grad, 0);
      for (int r : rows) {
        model.standardise(x, r, z);
        model.probabilities(z, p);
        int y = labels[r];
        if (y < 0 || y >= classes) {
          throw new IllegalArgumentException("label of row " + r + " must be in [0, " + classes + ") (got " + y + ")");
        }
        for (int k = 0; k < classes; k++) {
          double g = (p[k] - (k == y ? 1 : 0)) / rows.length;
          int base = k * stride;
          for (int c = 0; c < d; c++) {
            grad[base + c] += g * z[c];
          }
          grad[base + d] += g;
        }
      }
      for (int k = 0; k < classes; k++) {
        for (int c = 0; c < d; c++) {
          grad[k * stride + c] += config.l2() * w[k * stride + c];
        }
      }
      double b1 = 0.9;
      double b2 = 0.999;
      for (int i = 0; i < w.length; i++) {
        m[i] = b1 * m[i] + (1 - b1) * grad[i];
        v[i] = b2 * v[i] + (1 - b2) * grad[i] * grad[i];
        double mHat = m[i] / (1 - Math.pow(b1, t));
        double vHat = v[i] / (1 - Math.pow(b2, t));
        w[i] -= config.learningRate() * mHat / (Math.sqrt(vHat) + 1e-8);
      }
    }
    return model;
  }

  /** The most probable class of row {@code row} of {@code x}. */
  public int predict(float[] x, int row) {
    double[] z = new double[d];
    double[] p = new double[classes];
    standardise(x, row, z);
    probabilities(z, p);
    int best = 0;
    for (int k = 1; k < classes; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Share of {@code rows} whose predicted class is their label. */
  public double accuracy(float[] x, int[] labels, int[] rows) {
    int right = 0;
    for (int r : rows) {
      if (predict(x, r) == labels[r]) {
        right++;
      }
    }
    return rows.length == 0 ? 0 : (double) right / rows.length;
  }

  private void standardise(float[] x, int row, double[] z) {
    for (int c = 0; c < d; c++) {
      z[c] = (x[row * d + c] - mean[c]) * scale[c];
    }
  }

  private void probabilities(double[] z, double[] p) {
    int stride = d + 1;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      double s = weights[k * stride + d];
      for (int c = 0; c < d; c++) {
        s += weights[k * stride + c] * z[c];
      }
      p[k] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int k = 0; k < classes; k++) {
      p[k] = Math.exp(p[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < classes; k++) {
      p[k] /= sum;
    }
  }
}
