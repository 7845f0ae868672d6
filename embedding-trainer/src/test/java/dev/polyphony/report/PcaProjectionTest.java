package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Four points (3, 1), (1, 3), (-1, -3), (-3, -1) have mean 0 and sample covariance
 * {@code [[20, 12], [12, 20]] / 3}: eigenvalues 32/3 along (1, 1)/sqrt 2 and 8/3 along (1, -1)/sqrt 2,
 * 80% and 20% of the variance. Projections: (3, 1) -> (4/sqrt 2, 2/sqrt 2) = (2.828427, 1.414214).
 */
class PcaProjectionTest {
  private static final double R2 = Math.sqrt(2);
  private static final double EPS = 1e-9;

  @Test
  void projectsOnTheTwoLargestComponents() {
    PcaProjection pca = PcaProjection.fit(new float[][] {{3, 1}, {1, 3}, {-1, -3}, {-3, -1}});

    assertThat(pca.mean()).containsExactly(new double[] {0, 0}, within(EPS));
    assertThat(pca.variance(0)).isCloseTo(32.0 / 3, within(EPS));
    assertThat(pca.variance(1)).isCloseTo(8.0 / 3, within(EPS));
    assertThat(pca.varianceShare(0)).isCloseTo(0.8, within(EPS));
    assertThat(pca.varianceShare(1)).isCloseTo(0.2, within(EPS));
    // Signs: each component's largest entry is positive; on a tie the first entry is.
    assertThat(pca.component(0)).containsExactly(new double[] {1 / R2, 1 / R2}, within(EPS));
    assertThat(pca.component(1)).containsExactly(new double[] {1 / R2, -1 / R2}, within(EPS));
    assertThat(pca.project(new float[] {3, 1})).containsExactly(new double[] {2 * R2, R2}, within(EPS));
    assertThat(pca.project(new float[] {1, 3})).containsExactly(new double[] {2 * R2, -R2}, within(EPS));
    assertThat(pca.project(new float[] {-1, -3})).containsExactly(new double[] {-2 * R2, R2}, within(EPS));
    assertThat(pca.project(new float[] {-3, -1})).containsExactly(new double[] {-2 * R2, -R2}, within(EPS));
  }

  @Test
  void centresOnTheMeanAndIgnoresAConstantColumn() {
    // The same points shifted by (10, -5) with a constant third column 7, listed in another order.
    PcaProjection pca = PcaProjection.fit(new float[][] {{13, -4, 7}, {9, -8, 7}, {11, -2, 7}, {7, -6, 7}});

    assertThat(pca.mean()).containsExactly(new double[] {10, -5, 7}, within(EPS));
    assertThat(pca.component(0)).containsExactly(new double[] {1 / R2, 1 / R2, 0}, within(EPS));
    assertThat(pca.component(1)).containsExactly(new double[] {1 / R2, -1 / R2, 0}, within(EPS));
    assertThat(pca.varianceShare(0)).isCloseTo(0.8, within(EPS));
    assertThat(pca.project(new float[] {13, -4, 7})).containsExactly(new double[] {2 * R2, R2}, within(EPS));
    assertThat(pca.project(new float[] {7, -6, 7})).containsExactly(new double[] {-2 * R2, -R2}, within(EPS));
  }

  @Test
  void theSignFollowsTheLargestEntryNotTheSolver() {
    // Mirrored in the second column: the first component becomes (1, -1)/sqrt 2, first entry positive.
    PcaProjection pca = PcaProjection.fit(new float[][] {{3, -1}, {1, -3}, {-1, 3}, {-3, 1}});
    assertThat(pca.component(0)).containsExactly(new double[] {1 / R2, -1 / R2}, within(EPS));
    assertThat(pca.component(1)).containsExactly(new double[] {1 / R2, 1 / R2}, within(EPS));
    assertThat(pca.project(new float[] {3, -1})).containsExactly(new double[] {2 * R2, R2}, within(EPS));

    // Variance 6 along the second axis, 2/3 along the first: components (0, 1) and (1, 0), never negated.
    PcaProjection tall = PcaProjection.fit(new float[][] {{0, -3}, {0, 3}, {1, 0}, {-1, 0}});
    assertThat(tall.component(0)).containsExactly(new double[] {0, 1}, within(EPS));
    assertThat(tall.component(1)).containsExactly(new double[] {1, 0}, within(EPS));
    assertThat(tall.project(new float[] {0, -3})).containsExactly(new double[] {-3, 0}, within(EPS));
  }

  @Test
  void degenerateInputsGiveZeros() {
    PcaProjection one = PcaProjection.fit(new float[][] {{1, 2, 3}});
    assertThat(one.project(new float[] {1, 2, 3})).containsExactly(0, 0);
    assertThat(one.varianceShare(0)).isZero();

    PcaProjection line = PcaProjection.fit(new float[][] {{1}, {3}, {5}});
    assertThat(line.project(new float[] {5})).containsExactly(new double[] {2, 0}, within(EPS));
    assertThat(line.varianceShare(0)).isCloseTo(1, within(EPS));
    assertThat(line.varianceShare(1)).isZero();
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> PcaProjection.fit(new float[0][]))
        .hasMessage("PCA needs at least one row");
    assertThatThrownBy(() -> PcaProjection.fit(new float[][] {{1, 2}, {3}}))
        .hasMessage("row 1 has 1 columns, row 0 has 2");
    assertThatThrownBy(() -> PcaProjection.fit(new float[][] {{1, Float.NaN}}))
        .hasMessage("row 0 column 1 is not finite (got NaN)");
  }
}
