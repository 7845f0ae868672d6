package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UniformNegativeSamplerTest {
  private final SmallGraphs.Catalog c = new SmallGraphs.Catalog();
  private final PositiveFilter playlistTracks = PositiveFilter.neighbors(c.graph.out(c.contains));

  @Test
  void negativesAreNeverTracksOfTheQueryPlaylistAndUniformOverTheRest() {
    UniformNegativeSampler sampler = new UniformNegativeSampler(c.graph, c.track, playlistTracks,
        NegativeConfig.of(5, 1));
    int[] queries = new int[3000];
    int[] positives = new int[3000];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = i % 3;
      positives[i] = c.graph.out(c.contains).neighbors(i % 3)[0];
    }
    NegativeSamples s = sampler.sample(queries, positives, 0);

    int[] fromP0 = new int[6];
    for (int i = 0; i < queries.length; i++) {
      for (int k = 0; k < 5; k++) {
        int negative = s.negative(i, k);
        assertThat(c.graph.out(c.contains).contains(queries[i], negative)).isFalse();
        if (queries[i] == 0) {
          fromP0[negative]++;
        }
      }
    }
    assertThat(s.missingCount()).isZero();
    // p0 holds t0, t1, t2: the negatives are t3, t4, t5 with 1/3 each.
    assertThat(fromP0[0] + fromP0[1] + fromP0[2]).isZero();
    for (int t = 3; t < 6; t++) {
      assertThat(fromP0[t] / 5000.0).isCloseTo(1.0 / 3, within(0.02));
    }
  }

  @Test
  void queryPositiveWithAllButOneNodeGetsThatNodeThroughTheExactScan() {
    UniformNegativeSampler sampler = new UniformNegativeSampler(c.graph, c.track, (q, cand) -> cand != 4,
        NegativeConfig.of(8, 1).withMaxAttempts(1));

    NegativeSamples s = sampler.sample(new int[] {0, 1, 2}, new int[] {0, 2, 3}, 0);

    for (int i = 0; i < 3; i++) {
      assertThat(s.negatives(i)).containsOnly(4);
    }
  }

  @Test
  void queryPositiveWithEveryNodeGetsMissingSlots() {
    UniformNegativeSampler sampler = new UniformNegativeSampler(c.graph, c.track, (q, cand) -> true,
        NegativeConfig.of(3, 1));

    NegativeSamples s = sampler.sample(new int[] {0, 1}, new int[] {0, 2}, 0);

    assertThat(s.missingCount()).isEqualTo(6);
    assertThat(s.negatives(1)).containsOnly(NegativeSamples.MISSING);
  }

  @Test
  void theGivenPositiveIsRefusedEvenWithoutAFilter() {
    UniformNegativeSampler sampler = new UniformNegativeSampler(c.graph, c.track, PositiveFilter.none(),
        NegativeConfig.of(50, 1));

    NegativeSamples s = sampler.sample(new int[] {0}, new int[] {3}, 0);

    assertThat(s.negatives(0)).doesNotContain(3).contains(0, 1, 2, 4, 5);
  }

  @Test
  void allowingPositivesReturnsThem() {
    UniformNegativeSampler sampler = new UniformNegativeSampler(c.graph, c.track, (q, cand) -> true,
        NegativeConfig.of(60, 1).withAllowPositives(true));

    NegativeSamples s = sampler.sample(new int[] {0}, new int[] {0}, 0);

    assertThat(s.missingCount()).isZero();
    assertThat(s.negatives(0)).contains(0, 1, 2, 3, 4, 5);
  }

  @Test
  void sameSeedAndBatchRepeatOtherBatchesAndSeedsDiffer() {
    int[] queries = {0, 1, 2, 0, 1, 2};
    int[] positives = {0, 2, 3, 1, 3, 4};
    NegativeSamples a = new UniformNegativeSampler(c.graph, c.track, playlistTracks, NegativeConfig.of(4, 7))
        .sample(queries, positives, 3);
    NegativeSamples b = new UniformNegativeSampler(c.graph, c.track, playlistTracks, NegativeConfig.of(4, 7))
        .sample(queries, positives, 3);
    NegativeSamples otherBatch = new UniformNegativeSampler(c.graph, c.track, playlistTracks,
        NegativeConfig.of(4, 7)).sample(queries, positives, 4);
    NegativeSamples otherSeed = new UniformNegativeSampler(c.graph, c.track, playlistTracks,
        NegativeConfig.of(4, 8)).sample(queries, positives, 3);

    assertThat(b).isEqualTo(a);
    assertThat(otherBatch).isNotEqualTo(a);
    assertThat(otherSeed).isNotEqualTo(a);
  }

  @Test
  void mismatchedBatchAndInvalidConfigAreRefused() {
    UniformNegativeSampler sampler = new UniformNegativeSampler(c.graph, c.track, playlistTracks,
        NegativeConfig.of(1, 1));
    assertThatThrownBy(() -> sampler.sample(new int[] {0, 1}, new int[] {0}, 0))
        .hasMessage("queries (2) and positives (1) differ in length");
    assertThatThrownBy(() -> NegativeConfig.of(0, 1)).hasMessage("negativesPerQuery must be > 0 (got 0)");
    assertThatThrownBy(() -> NegativeConfig.of(1, 1).withMaxAttempts(0))
        .hasMessage("maxAttempts must be > 0 (got 0)");
    assertThat(sampler.negativeType()).isEqualTo(c.track);
  }
}
