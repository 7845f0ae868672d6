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
  void theDensityCorrectionDividesByEachTracksKernelMassOverTheCatalog() {
    float[] plain = new float[7];
    new KernelSumScorer(catalog, unit(), 2, 0.5).score(3, plain);
    float[] corrected = new float[7];
    KernelSumScorer.densityCorrected(catalog, unit(), 2, 0.5, 1).score(3, corrected);
    float[] halfway = new float[7];
    KernelSumScorer.densityCorrected(catalog, unit(), 2, 0.5, 0.5).score(3, halfway);
    double half = Math.sqrt(0.5);
    // track 6 (45 degrees) is 45 degrees from four tracks and 135 from two
    double mass6 = 4 * Math.exp((half - 1) / 0.5) + 2 * Math.exp((-half - 1) / 0.5);
    // track 2 (180 degrees) is opposite two tracks, 90 degrees from three and 135 from track 6
    double mass2 = 2 * Math.exp(-2 / 0.5) + 3 * Math.exp(-1 / 0.5) + Math.exp((-half - 1) / 0.5);
    assertThat(corrected[6]).isCloseTo((float) (plain[6] / mass6), within(1e-6f));
    assertThat(corrected[2]).isCloseTo((float) (plain[2] / mass2), within(1e-6f));
    assertThat(halfway[6]).isCloseTo((float) (plain[6] / Math.sqrt(mass6)), within(1e-6f));
  }

  @Test
  void noDensityCorrectionIsThePlainKernelSum() {
    float[] plain = new float[7];
    new KernelSumScorer(catalog, unit(), 2, 0.5).score(2, plain);
    float[] uncorrected = new float[7];
    KernelSumScorer.densityCorrected(catalog, unit(), 2, 0.5, 0).score(2, uncorrected);
    assertThat(uncorrected).containsExactly(plain);
    assertThatThrownBy(() -> KernelSumScorer.densityCorrected(catalog, unit(), 2, 0.5, -1))
        .hasMessage("beta must be in [0, 1] (got -1.0)");
  }

  @Test
  void rejectsABadTemperature() {
    assertThatThrownBy(() -> new KernelSumScorer(catalog, unit(), 2, 0)).hasMessage("tau must be > 0 (got 0.0)");
  }
}
