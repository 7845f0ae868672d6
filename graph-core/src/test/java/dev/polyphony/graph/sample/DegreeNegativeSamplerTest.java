package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DegreeNegativeSamplerTest {
  private final SmallGraphs.Catalog c = new SmallGraphs.Catalog();
  /** Playlists per track: t0 1, t1 1, t2 2, t3 2, t4 1, t5 0. */
  private final WalkHop playlistsOfTrack = WalkHop.in(c.contains);
  private static final double TWO = Math.pow(2, 0.75);

  @Test
  void drawsTracksInProportionToDegreeToTheThreeQuarters() {
    DegreeNegativeSampler sampler = new DegreeNegativeSampler(c.graph, playlistsOfTrack,
        DegreeNegativeSampler.WORD2VEC_EXPONENT, PositiveFilter.none(), NegativeConfig.of(100, 5));
    double sum = 3 + 2 * TWO;
    double[] expected = {1 / sum, 1 / sum, TWO / sum, TWO / sum, 1 / sum, 0};

    double[] exact = sampler.table().probabilities();
    int[] queries = new int[1000];
    int[] noPositive = new int[1000];
    java.util.Arrays.fill(noPositive, -1);
    NegativeSamples s = sampler.sample(queries, noPositive, 0);
    int[] counts = new int[6];
    for (int i = 0; i < 1000; i++) {
      for (int k = 0; k < 100; k++) {
        counts[s.negative(i, k)]++;
      }
    }

    for (int t = 0; t < 6; t++) {
      assertThat(exact[t]).isCloseTo(expected[t], within(1e-9));
      assertThat(counts[t] / 100_000.0).isCloseTo(expected[t], within(0.005));
    }
    assertThat(counts[5]).isZero();
    assertThat(sampler.weightOf(2)).isCloseTo(TWO, within(1e-9));
  }

  @Test
  void negativesOfAPlaylistAreOtherTracksStillWeightedByDegree() {
    DegreeNegativeSampler sampler = new DegreeNegativeSampler(c.graph, playlistsOfTrack, 0.75,
        PositiveFilter.neighbors(c.graph.out(c.contains)), NegativeConfig.of(20, 9));
    int[] queries = new int[1000];
    int[] positives = new int[1000];
    NegativeSamples s = sampler.sample(queries, positives, 1);

    int[] counts = new int[6];
    for (int i = 0; i < 1000; i++) {
      for (int negative : s.negatives(i)) {
        counts[negative]++;
      }
    }
    // p0 holds t0, t1, t2; t5 has degree 0; so t3 (degree 2) and t4 (degree 1) remain.
    assertThat(counts[0] + counts[1] + counts[2] + counts[5]).isZero();
    assertThat(counts[3] / 20_000.0).isCloseTo(TWO / (TWO + 1), within(0.01));
  }

  @Test
  void exactScanKeepsTheDegreeWeightsAmongNonPositives() {
    DegreeNegativeSampler sampler = new DegreeNegativeSampler(c.graph, playlistsOfTrack, 1.0,
        (q, cand) -> cand < 2, NegativeConfig.of(20_000, 1).withMaxAttempts(1));

    NegativeSamples s = sampler.sample(new int[] {0}, new int[] {-1}, 0);

    int[] counts = new int[6];
    for (int negative : s.negatives(0)) {
      counts[negative]++;
    }
    // Degrees 2, 2, 1 for t2, t3, t4 with exponent 1.
    assertThat(counts[0] + counts[1] + counts[5]).isZero();
    assertThat(counts[2] / 20_000.0).isCloseTo(0.4, within(0.015));
    assertThat(counts[4] / 20_000.0).isCloseTo(0.2, within(0.015));
  }

  @Test
  void zeroExponentIsUniformOverEveryNode() {
    DegreeNegativeSampler sampler = new DegreeNegativeSampler(c.graph, playlistsOfTrack, 0,
        PositiveFilter.none(), NegativeConfig.of(1, 1));
    for (double p : sampler.table().probabilities()) {
      assertThat(p).isCloseTo(1.0 / 6, within(1e-9));
    }
  }

  @Test
  void nodesWithoutEdgesOrBadExponentsAreRefused() {
    SmallGraphs.Homogeneous empty = SmallGraphs.directed(3, new int[0][]);
    assertThatThrownBy(() -> new DegreeNegativeSampler(empty.graph, WalkHop.out(empty.rel), 0.75,
        PositiveFilter.none(), NegativeConfig.of(1, 1))).hasMessageContaining("every 'user' node has degree 0");
    assertThatThrownBy(() -> new DegreeNegativeSampler(c.graph, playlistsOfTrack, -1,
        PositiveFilter.none(), NegativeConfig.of(1, 1))).hasMessage("exponent must be finite and >= 0 (got -1.0)");
  }
}
