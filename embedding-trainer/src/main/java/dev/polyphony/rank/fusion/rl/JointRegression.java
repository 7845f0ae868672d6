package dev.polyphony.rank.fusion.rl;

import dev.polyphony.rank.session.SessionLog;
import dev.polyphony.rank.session.Transition;
import java.util.List;

/**
 * The ridge regression of targets on the logged state-action features {@code x = phi(s) kron psi(a)}:
 * {@code theta = (ridge I + X'X)^-1 X'y}. The inverse is computed once; every round of fitted-Q iteration or
 * evaluation only changes the targets.
 */
final class JointRegression {
  private final List<Transition> transitions;
  private final double[][] x;
  private final double[][] inverse;

  JointRegression(SessionLog log, double[][] actionFeatures, double ridge) {
    this.transitions = log.transitions();
    int dim = log.features().size() * actionFeatures[0].length;
    x = new double[transitions.size()][];
    double[][] gram = new double[dim][dim];
    for (int k = 0; k < x.length; k++) {
      Transition t = transitions.get(k);
      double[] row = LinearQFunction.joint(t.state(), actionFeatures[t.action()]);
      x[k] = row;
      for (int i = 0; i < dim; i++) {
        if (row[i] == 0) {
          continue;
        }
        for (int j = 0; j < dim; j++) {
          gram[i][j] += row[i] * row[j];
        }
      }
    }
    for (int i = 0; i < dim; i++) {
      gram[i][i] += ridge;
    }
    inverse = invert(gram);
  }

  /** The fitted weights and the residual variance. */
  record Fit(double[] theta, double residualVariance) {}

  Fit fit(double[] targets) {
    if (targets.length != transitions.size()) {
      throw new IllegalArgumentException("expected one target per transition: " + transitions.size() + " (got "
          + targets.length + ")");
    }
    int dim = inverse.length;
    double[] xty = new double[dim];
    for (int k = 0; k < targets.length; k++) {
      for (int i = 0; i < dim; i++) {
        xty[i] += x[k][i] * targets[k];
      }
    }
    double[] theta = new double[dim];
    for (int i = 0; i < dim; i++) {
      double v = 0;
      for (int j = 0; j < dim; j++) {
        v += inverse[i][j] * xty[j];
      }
      theta[i] = v;
    }
    double squares = 0;
    for (int k = 0; k < targets.length; k++) {
      double prediction = 0;
      for (int i = 0; i < dim; i++) {
        prediction += theta[i] * x[k][i];
      }
      squares += (targets[k] - prediction) * (targets[k] - prediction);
    }
    return new Fit(theta, squares / Math.max(1, targets.length - dim));
  }

  /** {@code variance (ridge I + X'X)^-1}. */
  double[][] scaledInverse(double variance) {
    int dim = inverse.length;
    double[][] out = new double[dim][dim];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        out[i][j] = variance * inverse[i][j];
      }
    }
    return out;
  }

  /** Gauss-Jordan inverse with partial pivoting of a symmetric positive definite matrix. */
  static double[][] invert(double[][] m) {
    int n = m.length;
    double[][] a = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], 0, a[i], 0, n);
      a[i][n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][col]) < 1e-12) {
        throw new IllegalArgumentException("singular matrix (pivot " + a[pivot][col] + " in column " + col + ")");
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      double p = a[col][col];
      for (int j = 0; j < 2 * n; j++) {
        a[col][j] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != col && a[r][col] != 0) {
          double f = a[r][col];
          for (int j = 0; j < 2 * n; j++) {
            a[r][j] -= f * a[col][j];
          }
        }
      }
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], n, out[i], 0, n);
    }
    return out;
  }
}
