package dev.polyphony.report;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Principal component analysis to two dimensions (Pearson 1901; Hotelling 1933): rows are centred on
 * their mean, the sample covariance {@code C = X_c^T X_c / (n - 1)} is eigen-decomposed with ND4J
 * (LAPACK {@code syev}, in double precision), and each row is projected on the eigenvectors of the two
 * largest eigenvalues.
 *
 * <p>An eigenvector's sign is arbitrary, so it is fixed: each component's entry of largest absolute
 * value is made positive (the first such entry when several are equal within 1e-9 relative), making
 * the projection a function of the data alone. When the two largest eigenvalues are equal, any basis of
 * their plane is a valid answer and the one returned depends on the solver. With a single column the
 * second coordinate is 0; with fewer than two rows every coordinate is 0.
 */
public final class PcaProjection {
  private final double[] mean;
  private final double[][] components;
  private final double[] explainedVariance;
  private final double totalVariance;

  private PcaProjection(double[] mean, double[][] components, double[] explainedVariance, double totalVariance) {
    this.mean = mean;
    this.components = components;
    this.explainedVariance = explainedVariance;
    this.totalVariance = totalVariance;
  }

  /** Fits the projection to {@code rows}: at least one row, all of one length >= 1, finite values. */
  public static PcaProjection fit(float[][] rows) {
    Objects.requireNonNull(rows, "rows");
    if (rows.length == 0) {
      throw new IllegalArgumentException("PCA needs at least one row");
    }
    int n = rows.length;
    int d = rows[0].length;
    if (d == 0) {
      throw new IllegalArgumentException("rows must have at least one column");
    }
    double[] flat = new double[n * d];
    for (int i = 0; i < n; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " columns, row 0 has " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Float.isFinite(rows[i][j])) {
          throw new IllegalArgumentException("row " + i + " column " + j + " is not finite (got " + rows[i][j]
              + ")");
        }
        flat[i * d + j] = rows[i][j];
      }
    }
    INDArray x = Nd4j.create(flat, new long[] {n, d}, DataType.DOUBLE);
    INDArray meanRow = x.mean(0);
    double[] mean = meanRow.toDoubleVector();
    double[][] components = new double[2][d];
    double[] explained = new double[2];
    if (n < 2) {
      return new PcaProjection(mean, components, explained, 0);
    }
    INDArray centred = x.subRowVector(meanRow);
    INDArray covariance = centred.transpose().mmul(centred).divi(n - 1).dup('c');
    // syev overwrites the matrix with the eigenvectors, one per column, eigenvalues ascending.
    double[] eigenvalues = Eigen.symmetricGeneralizedEigenvalues(covariance, true).toDoubleVector();
    double total = 0;
    for (double v : eigenvalues) {
      total += Math.max(0, v);
    }
    int[] order = largestFirst(eigenvalues);
    for (int c = 0; c < Math.min(2, d); c++) {
      double[] vector = covariance.getColumn(order[c]).toDoubleVector();
      components[c] = withFixedSign(vector);
      explained[c] = Math.max(0, eigenvalues[order[c]]);
    }
    return new PcaProjection(mean, components, explained, total);
  }

  /** Column indexes by eigenvalue, largest first; ties keep the lower index first. */
  private static int[] largestFirst(double[] eigenvalues) {
    Integer[] order = new Integer[eigenvalues.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int byValue = Double.compare(eigenvalues[b], eigenvalues[a]);
      return byValue != 0 ? byValue : Integer.compare(a, b);
    });
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  private static double[] withFixedSign(double[] vector) {
    double largest = 0;
    for (double v : vector) {
      largest = Math.max(largest, Math.abs(v));
    }
    for (double v : vector) {
      if (Math.abs(v) >= largest * (1 - 1e-9)) {
        if (v < 0) {
          for (int i = 0; i < vector.length; i++) {
            vector[i] = -vector[i] + 0.0;
          }
        }
        break;
      }
    }
    return vector;
  }

  /** The two coordinates of {@code row} (with the fitted number of columns). */
  public double[] project(float[] row) {
    if (row.length != mean.length) {
      throw new IllegalArgumentException("row has " + row.length + " columns, the fit had " + mean.length);
    }
    double[] xy = new double[2];
    for (int c = 0; c < 2; c++) {
      double sum = 0;
      for (int j = 0; j < row.length; j++) {
        sum += (row[j] - mean[j]) * components[c][j];
      }
      xy[c] = sum;
    }
    return xy;
  }

  /** The column means of the fitted rows (a copy). */
  public double[] mean() {
    return mean.clone();
  }

  /** Unit eigenvector {@code c} (0 or 1) with the fixed sign; all zeros where it does not exist. */
  public double[] component(int c) {
    return components[Objects.checkIndex(c, 2)].clone();
  }

  /** The variance along component {@code c} (its eigenvalue). */
  public double variance(int c) {
    return explainedVariance[Objects.checkIndex(c, 2)];
  }

  /** The share of the total variance along component {@code c}, in [0, 1]; 0 when the rows do not vary. */
  public double varianceShare(int c) {
    return totalVariance > 0 ? variance(c) / totalVariance : 0;
  }
}
