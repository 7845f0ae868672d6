package dev.polyphony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KernelSumScorerTest {
  private final PlaylistCatalog catalog = PlaylistCatalog.of(EvalFixture.catalog(), "contains");

  /** Seven tracks on the unit circle at angles 0, 90, 180, 270, 0, 90, 45 degrees. */
  private float[] unit() {
    double[] degrees = {0, 90, 180, 270, 0, 90, 45};
    float[] unit = new float[degrees.length * 2];
    for (int t = 0; t < degrees.length; t++) {
      unit[2 * t] = (float) Math.cos(Math.toRadians(degrees[t]));
      unit[2 * t + 1] = (float) Math.sin(Math.toRadians(degrees[t]));
    }
    return unit;
  }

  @Test
  void everySeedVotesWithAnExponentialKernelOfItsCosine() {
    KernelSumScorer scorer = new KernelSumScorer(catalog, unit(), 2, 0.5);
    float[] scores = new float[7];
    scorer.score(3, scores);
    // playlist 3 holds tracks 4 (0 degrees) and 5 (90 degrees); track 6 at 45 degrees sits between them
    double half = Math.sqrt(0.5);
    assertThat(scores[6]).isCloseTo((float) (2 * Math.exp((half - 1) / 0.5)), within(1e-5f));
    assertThat(scores[0]).isCloseTo((float) (1 + Math.exp(-1 / 0.5)), within(1e-5f));
    assertThat(scores[2]).isCloseTo((float) (Math.exp(-2 / 0.5) + Math.exp(-1 / 0.5)), within(1e-5f));
  }

  @Test
  void aSmallTemperatureLetsTheNearestSeedDecideWhereTheCentroidRuleWouldNot() {
    float[] unit = unit();
    float[] kernel = new float[7];
    new KernelSumScorer(catalog, unit, 2, 0.05).score(3, kernel);
    float[] centroid = new float[7];
    new CentroidCosineScorer(catalog, unit, 2).score(3, centroid);
    // the centroid rule puts track 6 (between both seeds) above track 0 (a copy of one seed); the kernel does not
    assertThat(centroid[6]).isGreaterThan(centroid[0]);
    assertThat(kernel[0]).isGreaterThan(kernel[6]);
  }

  @Test
  void rejectsABadTemperature() {
    assertThatThrownBy(() -> new KernelSumScorer(catalog, unit(), 2, 0)).hasMessage("tau must be > 0 (got 0.0)");
  }
}
