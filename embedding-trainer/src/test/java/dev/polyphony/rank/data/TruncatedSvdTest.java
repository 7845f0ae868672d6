package dev.polyphony.rank.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TruncatedSvdTest {
  /** diag(3, 2, 1) padded with a zero column. */
  private final TruncatedSvd.SparseMatrix diagonal = new TruncatedSvd.SparseMatrix(3, 4, new int[] {0, 1, 2, 3},
      new int[] {0, 1, 2}, new double[] {3, 2, 1});

  @Test
  void findsTheSingularTripletsOfADiagonalMatrix() {
    TruncatedSvd.Result svd = TruncatedSvd.compute(diagonal, 3, 2, 1, 7);

    assertThat(svd.values()).containsExactly(new double[] {3, 2, 1}, within(1e-9));
    for (int c = 0; c < 3; c++) {
      for (int r = 0; r < 3; r++) {
        assertThat(svd.u()[r * 3 + c]).isCloseTo(r == c ? 1 : 0, within(1e-9));
      }
      for (int r = 0; r < 4; r++) {
        assertThat(svd.v()[r * 3 + c]).isCloseTo(r == c ? 1 : 0, within(1e-9));
      }
    }
  }

  @Test
  void reconstructsAMatrixOfTheRankAskedFor() {
    // Rank 2: rows are combinations of (1, 2, 0, 1) and (0, 1, 3, -1).
    double[][] dense = {{1, 2, 0, 1}, {0, 1, 3, -1}, {2, 5, 3, 1}, {1, 3, 3, 0}, {0, 2, 6, -2}};
    TruncatedSvd.SparseMatrix a = sparse(dense);
    TruncatedSvd.Result svd = TruncatedSvd.compute(a, 2, 2, 2, 11);

    for (int r = 0; r < 5; r++) {
      for (int c = 0; c < 4; c++) {
        double x = 0;
        for (int k = 0; k < 2; k++) {
          x += svd.u()[r * 2 + k] * svd.values()[k] * svd.v()[c * 2 + k];
        }
        assertThat(x).as("(%d, %d)", r, c).isCloseTo(dense[r][c], within(1e-9));
      }
    }
    double dot = 0;
    double norm = 0;
    for (int r = 0; r < 5; r++) {
      dot += svd.u()[r * 2] * svd.u()[r * 2 + 1];
      norm += svd.u()[r * 2] * svd.u()[r * 2];
    }
    assertThat(dot).isCloseTo(0, within(1e-9));
    assertThat(norm).isCloseTo(1, within(1e-9));
  }

  @Test
  void oneSeedGivesOneResult() {
    double[][] dense = {{1, 0, 2}, {0, 3, 1}, {4, 1, 0}, {2, 2, 2}};
    TruncatedSvd.Result a = TruncatedSvd.compute(sparse(dense), 2, 0, 1, 3);
    TruncatedSvd.Result b = TruncatedSvd.compute(sparse(dense), 2, 0, 1, 3);
    assertThat(b.u()).containsExactly(a.u());
    assertThat(b.values()).containsExactly(a.values());
  }

  @Test
  void rejectsARankBeyondTheMatrix() {
    assertThatThrownBy(() -> TruncatedSvd.compute(diagonal, 4, 0, 0, 1))
        .hasMessage("rank must be in [1, min(rows, columns) = 3] (got 4)");
    assertThatThrownBy(() -> new TruncatedSvd.SparseMatrix(1, 2, new int[] {0, 1}, new int[] {2}, new double[] {1}))
        .hasMessage("entry 0 has column 2 and value 1.0; columns must be in [0, 2) and values finite");
  }

  private static TruncatedSvd.SparseMatrix sparse(double[][] dense) {
    int rows = dense.length;
    int columns = dense[0].length;
    int[] offsets = new int[rows + 1];
    java.util.List<Integer> cols = new java.util.ArrayList<>();
    java.util.List<Double> values = new java.util.ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        if (dense[r][c] != 0) {
          cols.add(c);
          values.add(dense[r][c]);
        }
      }
      offsets[r + 1] = cols.size();
    }
    return new TruncatedSvd.SparseMatrix(rows, columns, offsets, cols.stream().mapToInt(Integer::intValue).toArray(),
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
