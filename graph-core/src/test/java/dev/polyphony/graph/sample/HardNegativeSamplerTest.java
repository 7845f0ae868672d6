package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardNegativeSamplerTest {
  private final SmallGraphs.Catalog c = new SmallGraphs.Catalog();
  /** 0 -> 1 -> 2 <-> 3; node 4 alone. From 0, six steps visit 2 three times, 3 twice and 1 once. */
  private final SmallGraphs.Homogeneous chain = SmallGraphs.directed(5,
      new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 2}});

  private HardNegativeSampler chainSampler(int from, int to, PositiveFilter filter) {
    return new HardNegativeSampler(chain.forwardWalker(), chain.user, WalkConfig.uniform(6, 2, 1), from, to,
        filter, NegativeConfig.of(6, 3));
  }

  @Test
  void windowHoldsTheRanksBetweenTheBoundsByVisitCount() {
    assertThat(chainSampler(0, 3, PositiveFilter.none()).window(0)).containsExactly(2, 3, 1);
    assertThat(chainSampler(1, 3, PositiveFilter.none()).window(0)).containsExactly(3, 1);
    assertThat(chainSampler(1, 2, PositiveFilter.none()).window(0)).containsExactly(3);
    assertThat(chainSampler(3, 5, PositiveFilter.none()).window(0)).isEmpty();
  }

  @Test
  void negativesComeFromTheWindowAndNeverFromPositives() {
    NegativeSamples all = chainSampler(1, 3, PositiveFilter.none()).sample(new int[] {0}, new int[] {-1}, 0);
    NegativeSamples filtered = chainSampler(1, 3, (q, cand) -> cand == 3)
        .sample(new int[] {0}, new int[] {-1}, 0);
    NegativeSamples ownPositive = chainSampler(1, 3, PositiveFilter.none())
        .sample(new int[] {0}, new int[] {1}, 0);

    assertThat(all.negatives(0)).containsOnly(3, 1).contains(3, 1);
    assertThat(filtered.negatives(0)).containsOnly(1);
    assertThat(ownPositive.negatives(0)).containsOnly(3);
  }

  @Test
  void queriesWithTooFewVisitedNodesGetMissingSlots() {
    NegativeSamples s = chainSampler(1, 3, PositiveFilter.none()).sample(new int[] {4, 3}, new int[] {-1, -1}, 0);

    assertThat(s.negatives(0)).containsOnly(NegativeSamples.MISSING);
    // From 3 only 2 is visited (3 itself is never ranked): rank 1 does not exist.
    assertThat(s.negatives(1)).containsOnly(NegativeSamples.MISSING);
  }

  @Test
  void windowMatchesVisitCountsOfTheWalkersOwnWalks() {
    RandomWalker walker = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    WalkConfig walks = WalkConfig.uniform(6, 40, 5).withRestartProbability(0.3);
    HardNegativeSampler sampler = new HardNegativeSampler(walker, c.track, walks, 1, 3, PositiveFilter.none(),
        NegativeConfig.of(2, 1));

    Walks corpus = walker.walk(new int[] {2}, walks);
    Map<Integer, Integer> counts = new HashMap<>();
    for (int w = 0; w < corpus.walkCount(); w++) {
      for (int pos = 1; pos < corpus.length(w); pos++) {
        if (corpus.type(w, pos).equals(c.track) && corpus.node(w, pos) != 2) {
          counts.merge(corpus.node(w, pos), 1, Integer::sum);
        }
      }
    }
    List<Integer> ranked = new ArrayList<>(counts.keySet());
    ranked.sort((a, b) -> counts.get(a).equals(counts.get(b)) ? Integer.compare(a, b)
        : Integer.compare(counts.get(b), counts.get(a)));

    assertThat(sampler.window(2)).containsExactly(ranked.get(1), ranked.get(2));
  }

  @Test
  void tracksSharingAPlaylistWithTheQueryAreRefused() {
    RandomWalker walker = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    PositiveFilter coPlaylist = PositiveFilter.sharedNeighbor(c.graph.in(c.contains), c.graph.out(c.contains));
    HardNegativeSampler sampler = new HardNegativeSampler(walker, c.track, WalkConfig.uniform(8, 30, 3), 0, 10,
        coPlaylist, NegativeConfig.of(10, 4));

    NegativeSamples s = sampler.sample(new int[] {2}, new int[] {3}, 9);

    // t2 shares a playlist with t0, t1 and t3; of the tracks its walks reach only t4 is left.
    assertThat(sampler.window(2)).contains(0, 1, 3, 4);
    assertThat(s.negatives(0)).containsOnly(4);
  }

  @Test
  void invalidRanksAndQueriesAreRefused() {
    assertThatThrownBy(() -> chainSampler(-1, 3, PositiveFilter.none())).hasMessage("rankFrom must be >= 0 (got -1)");
    assertThatThrownBy(() -> chainSampler(3, 3, PositiveFilter.none()))
        .hasMessage("rankTo must be > rankFrom 3 (got 3)");
    assertThatThrownBy(() -> chainSampler(0, 3, PositiveFilter.none()).window(5))
        .hasMessage("query 5 is outside the 'user' nodes [0, 5)");
  }
}
