package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InBatchNegativeSamplerTest {
  private static final int M = NegativeSamples.MISSING;
  private final SmallGraphs.Catalog c = new SmallGraphs.Catalog();
  private final PositiveFilter playlistTracks = PositiveFilter.neighbors(c.graph.out(c.contains));

  @Test
  void otherPositivesOfTheBatchAreTheNegativesMinusKnownPositives() {
    InBatchNegativeSampler sampler = new InBatchNegativeSampler(c.track, playlistTracks, NegativeConfig.of(2, 1));

    NegativeSamples s = sampler.sample(new int[] {0, 1, 2}, new int[] {0, 2, 4}, 0);

    // p0 holds t2, so only t4 is left for it; p1 and p2 hold neither of the others' positives.
    assertThat(s.negatives(0)).containsExactly(4, M);
    assertThat(s.negatives(1)).containsExactly(0, 4);
    assertThat(s.negatives(2)).containsExactly(0, 2);
    assertThat(s.missingCount()).isEqualTo(1);
  }

  @Test
  void copiesOfTheOwnPositiveAreNotNegatives() {
    InBatchNegativeSampler sampler = new InBatchNegativeSampler(c.track, PositiveFilter.none(),
        NegativeConfig.of(2, 1));

    NegativeSamples s = sampler.sample(new int[] {0, 1, 2}, new int[] {1, 1, 3}, 0);

    assertThat(s.negatives(0)).containsExactly(3, M);
    assertThat(s.negatives(1)).containsExactly(3, M);
    assertThat(s.negatives(2)).containsExactly(1, 1);
  }

  @Test
  void allowingPositivesKeepsEveryOtherPosition() {
    InBatchNegativeSampler sampler = new InBatchNegativeSampler(c.track, playlistTracks,
        NegativeConfig.of(2, 1).withAllowPositives(true));

    NegativeSamples s = sampler.sample(new int[] {0, 1}, new int[] {1, 1}, 0);

    assertThat(s.negatives(0)).containsExactly(1, M);
  }

  @Test
  void largerBatchesGiveDistinctPositionsDeterministically() {
    int[] queries = {0, 0, 1, 1, 2, 2};
    int[] positives = {0, 1, 2, 3, 4, 5};
    InBatchNegativeSampler sampler = new InBatchNegativeSampler(c.track, PositiveFilter.none(),
        NegativeConfig.of(3, 11));

    NegativeSamples a = sampler.sample(queries, positives, 5);
    NegativeSamples b = sampler.sample(queries, positives, 5);
    NegativeSamples other = sampler.sample(queries, positives, 6);

    assertThat(b).isEqualTo(a);
    assertThat(other).isNotEqualTo(a);
    for (int i = 0; i < 6; i++) {
      assertThat(a.negatives(i)).doesNotHaveDuplicates().doesNotContain(positives[i]).doesNotContain(M);
    }
  }
}
