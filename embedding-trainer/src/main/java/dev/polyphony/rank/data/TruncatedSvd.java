package dev.polyphony.rank.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The leading singular triplets of a sparse matrix by randomized subspace iteration (Halko, Martinsson and
 * Tropp, "Finding Structure with Randomness", SIAM Review 2011, Algorithms 4.4 and 5.1).
 *
 * <p>With {@code l = rank + oversampling} Gaussian test vectors {@code Omega}: {@code Q = orth(A Omega)},
 * then {@code powerIterations} times {@code Q = orth(A orth(A' Q))}; {@code B = Q' A}; the eigenvectors
 * {@code W} of the small {@code B B'} (cyclic Jacobi) give {@code A ~ U S V'} with {@code U = Q W},
 * {@code S = sqrt(eig(B B'))}, {@code V = B' W / S}. Each singular pair's sign is fixed so that the entry of
 * largest magnitude of its {@code u} is positive, so results do not depend on arithmetic accidents. Exact
 * for matrices of rank at most {@code l}; deterministic under the seed.
 */
public final class TruncatedSvd {
  private static final double JACOBI_TOLERANCE = 1e-13;
  private static final int JACOBI_SWEEPS = 100;

  private TruncatedSvd() {}

  /**
   * The result: singular values descending and the matching vectors, row-major.
   *
   * @param values {@code rank} singular values, descending
   * @param u {@code rows x rank} left singular vectors
   * @param v {@code columns x rank} right singular vectors
   */
  public record Result(double[] values, double[] u, double[] v, int rows, int columns) {
    public int rank() {
      return values.length;
    }
  }

  /**
   * A sparse {@code rows x columns} matrix in compressed rows: row {@code r}'s entries are
   * {@code columnIndex[offsets[r]..offsets[r+1])} with {@code values} alike.
   */
  public record SparseMatrix(int rows, int columns, int[] offsets, int[] columnIndex, double[] values) {
    public SparseMatrix {
      Objects.requireNonNull(offsets, "offsets");
      if (rows < 0 || columns < 0 || offsets.length != rows + 1 || offsets[0] != 0
          || columnIndex.length != offsets[rows] || values.length != offsets[rows]) {
        throw new IllegalArgumentException("inconsistent sparse matrix: " + rows + " x " + columns + " with "
            + offsets.length + " offsets, " + columnIndex.length + " column indexes, " + values.length + " values");
      }
      for (int r = 0; r < rows; r++) {
        if (offsets[r + 1] < offsets[r]) {
          throw new IllegalArgumentException("offsets decrease at row " + r);
        }
      }
      for (int i = 0; i < columnIndex.length; i++) {
        if (columnIndex[i] < 0 || columnIndex[i] >= columns || !Double.isFinite(values[i])) {
          throw new IllegalArgumentException("entry " + i + " has column " + columnIndex[i] + " and value " + values[i]
              + "; columns must be in [0, " + columns + ") and values finite");
        }
      }
    }
  }

  /**
   * The leading {@code rank} singular triplets of {@code a}.
   *
   * @param rank triplets wanted, in {@code [1, min(rows, columns)]}
   * @param oversampling extra test vectors, {@code >= 0}
   * @param powerIterations subspace iterations, {@code >= 0}
   */
  public static Result compute(SparseMatrix a, int rank, int oversampling, int powerIterations, long seed) {
    int m = a.rows();
    int n = a.columns();
    if (rank < 1 || rank > Math.min(m, n)) {
      throw new IllegalArgumentException("rank must be in [1, min(rows, columns) = " + Math.min(m, n) + "] (got "
          + rank + ")");
    }
    if (oversampling < 0 || powerIterations < 0) {
      throw new IllegalArgumentException("oversampling and powerIterations must be >= 0 (got " + oversampling + ", "
          + powerIterations + ")");
    }
    int l = Math.min(rank + oversampling, Math.min(m, n));
    SplittableRandom random = new SplittableRandom(seed);
    double[] omega = new double[n * l];
    for (int i = 0; i < omega.length; i++) {
      omega[i] = random.nextGaussian();
    }
    double[] q = multiply(a, omega, l);
    orthonormalize(q, m, l);
    for (int it = 0; it < powerIterations; it++) {
      double[] z = multiplyTransposed(a, q, l);
      orthonormalize(z, n, l);
      q = multiply(a, z, l);
      orthonormalize(q, m, l);
    }
    double[] bt = multiplyTransposed(a, q, l); // n x l, = (Q'A)'
    double[] gram = new double[l * l];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < l; i++) {
        double x = bt[r * l + i];
        if (x != 0) {
          for (int j = 0; j < l; j++) {
            gram[i * l + j] += x * bt[r * l + j];
          }
        }
      }
    }
    double[] w = new double[l * l];
    double[] eigen = jacobiEigen(gram, w, l);
    Integer[] order = new Integer[l];
    for (int i = 0; i < l; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(eigen[y], eigen[x]));
    double[] values = new double[rank];
    double[] u = new double[m * rank];
    double[] v = new double[n * rank];
    for (int c = 0; c < rank; c++) {
      int e = order[c];
      double sigma = Math.sqrt(Math.max(0, eigen[e]));
      values[c] = sigma;
      for (int r = 0; r < m; r++) {
        double s = 0;
        for (int i = 0; i < l; i++) {
          s += q[r * l + i] * w[i * l + e];
        }
        u[r * rank + c] = s;
      }
      if (sigma > 0) {
        for (int r = 0; r < n; r++) {
          double s = 0;
          for (int i = 0; i < l; i++) {
            s += bt[r * l + i] * w[i * l + e];
          }
          v[r * rank + c] = s / sigma;
        }
      }
      fixSign(u, v, m, n, rank, c);
    }
    return new Result(values, u, v, m, n);
  }

  /** {@code A X} for {@code X} of {@code columns x l}. */
  private static double[] multiply(SparseMatrix a, double[] x, int l) {
    double[] out = new double[a.rows() * l];
    for (int r = 0; r < a.rows(); r++) {
      for (int e = a.offsets()[r]; e < a.offsets()[r + 1]; e++) {
        double value = a.values()[e];
        int c = a.columnIndex()[e];
        for (int j = 0; j < l; j++) {
          out[r * l + j] += value * x[c * l + j];
        }
      }
    }
    return out;
  }

  /** {@code A' X} for {@code X} of {@code rows x l}. */
  private static double[] multiplyTransposed(SparseMatrix a, double[] x, int l) {
    double[] out = new double[a.columns() * l];
    for (int r = 0; r < a.rows(); r++) {
      for (int e = a.offsets()[r]; e < a.offsets()[r + 1]; e++) {
        double value = a.values()[e];
        int c = a.columnIndex()[e];
        for (int j = 0; j < l; j++) {
          out[c * l + j] += value * x[r * l + j];
        }
      }
    }
    return out;
  }

  /**
   * Orthonormal columns in place by modified Gram-Schmidt, twice over (Giraud et al., Numerische Mathematik
   * 2005: twice is enough); a column that vanishes against the earlier ones becomes zero.
   */
  static void orthonormalize(double[] x, int rows, int columns) {
    for (int c = 0; c < columns; c++) {
      double before = norm(x, rows, columns, c);
      for (int pass = 0; pass < 2; pass++) {
        for (int p = 0; p < c; p++) {
          double dot = 0;
          for (int r = 0; r < rows; r++) {
            dot += x[r * columns + p] * x[r * columns + c];
          }
          for (int r = 0; r < rows; r++) {
            x[r * columns + c] -= dot * x[r * columns + p];
          }
        }
      }
      double after = norm(x, rows, columns, c);
      double scale = after > 1e-10 * Math.max(before, 1e-300) ? 1 / after : 0;
      for (int r = 0; r < rows; r++) {
        x[r * columns + c] *= scale;
      }
    }
  }

  private static double norm(double[] x, int rows, int columns, int c) {
    double s = 0;
    for (int r = 0; r < rows; r++) {
      s += x[r * columns + c] * x[r * columns + c];
    }
    return Math.sqrt(s);
  }

  /**
   * Eigenvalues of the symmetric {@code l x l} matrix {@code s} (destroyed) by cyclic Jacobi rotations;
   * eigenvectors go to the columns of {@code vectors}.
   */
  static double[] jacobiEigen(double[] s, double[] vectors, int l) {
    Arrays.fill(vectors, 0);
    for (int i = 0; i < l; i++) {
      vectors[i * l + i] = 1;
    }
    double scale = 0;
    for (double x : s) {
      scale += x * x;
    }
    for (int sweep = 0; sweep < JACOBI_SWEEPS; sweep++) {
      double off = 0;
      for (int i = 0; i < l; i++) {
        for (int j = i + 1; j < l; j++) {
          off += s[i * l + j] * s[i * l + j];
        }
      }
      if (off <= JACOBI_TOLERANCE * JACOBI_TOLERANCE * scale) {
        break;
      }
      for (int p = 0; p < l; p++) {
        for (int q = p + 1; q < l; q++) {
          double apq = s[p * l + q];
          if (apq == 0) {
            continue;
          }
          double theta = (s[q * l + q] - s[p * l + p]) / (2 * apq);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double sn = t * c;
          for (int k = 0; k < l; k++) {
            double skp = s[k * l + p];
            double skq = s[k * l + q];
            s[k * l + p] = c * skp - sn * skq;
            s[k * l + q] = sn * skp + c * skq;
          }
          for (int k = 0; k < l; k++) {
            double spk = s[p * l + k];
            double sqk = s[q * l + k];
            s[p * l + k] = c * spk - sn * sqk;
            s[q * l + k] = sn * spk + c * sqk;
          }
          for (int k = 0; k < l; k++) {
            double vkp = vectors[k * l + p];
            double vkq = vectors[k * l + q];
            vectors[k * l + p] = c * vkp - sn * vkq;
            vectors[k * l + q] = sn * vkp + c * vkq;
          }
        }
      }
    }
    double[] values = new double[l];
    for (int i = 0; i < l; i++) {
      values[i] = s[i * l + i];
    }
    return values;
  }

  private static void fixSign(double[] u, double[] v, int m, int n, int rank, int c) {
    int largest = 0;
    for (int r = 1; r < m; r++) {
      if (Math.abs(u[r * rank + c]) > Math.abs(u[largest * rank + c])) {
        largest = r;
      }
    }
    if (u[largest * rank + c] < 0) {
      for (int r = 0; r < m; r++) {
        u[r * rank + c] = -u[r * rank + c];
      }
      for (int r = 0; r < n; r++) {
        v[r * rank + c] = -v[r * rank + c];
      }
    }
  }
}
