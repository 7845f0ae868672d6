package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.ProgressTracker;
import org.junit.jupiter.api.Test;

class ImportanceNeighborhoodsTest {
  private final SmallGraphs.Catalog c = new SmallGraphs.Catalog();

  /** Cycle 0 -> 2 -> 1 -> 0; 3 -> 4 <-> 5; 6 has no successor; 7 -> 6. Every walk is determined. */
  private final SmallGraphs.Homogeneous next = SmallGraphs.directed(8,
      new int[][] {{0, 2}, {2, 1}, {1, 0}, {3, 4}, {4, 5}, {5, 4}, {7, 6}});

  private ImportanceNeighborhoods determined(int topT) {
    return ImportanceNeighborhoods.compute(next.forwardWalker(),
        new ImportanceConfig(next.user, topT, WalkConfig.uniform(5, 3, 1)), 1, ProgressTracker.NONE);
  }

  @Test
  void keepsTheMostVisitedWithNormalisedCountsOnDeterminedWalks() {
    ImportanceNeighborhoods top2 = determined(2);

    // 3 4 5 4 5 4: node 4 visited 3 times, node 5 twice.
    assertThat(top2.neighbors(3)).containsExactly(4, 5);
    assertThat(top2.weights(3)).containsExactly(0.6f, 0.4f);
    // 4 5 4 5 4 5: the node itself is never its own neighbour.
    assertThat(top2.neighbors(4)).containsExactly(5);
    assertThat(top2.weights(4)).containsExactly(1f);
    assertThat(top2.neighbors(6)).isEmpty();
    assertThat(top2.neighbors(7)).containsExactly(6);
    assertThat(top2.rowCount()).isEqualTo(8);
    // Rows 0, 1, 2 and 3 keep two neighbours, 4, 5 and 7 one, 6 none.
    assertThat(top2.offsetsView().get(8)).isEqualTo(11);
    assertThat(top2.nodeType()).isEqualTo(next.user);
  }

  @Test
  void tiesAreBrokenByAscendingIdWhateverTheVisitOrder() {
    // 0 2 1 0 2 1: nodes 2 and 1 are both visited twice, 2 first.
    assertThat(determined(2).neighbors(0)).containsExactly(1, 2);
    assertThat(determined(2).weights(0)).containsExactly(0.5f, 0.5f);
    assertThat(determined(1).neighbors(0)).containsExactly(1);
    assertThat(determined(1).weights(0)).containsExactly(1f);
    assertThat(determined(1).neighbors(3)).containsExactly(4);
  }

  @Test
  void trackPlaylistTrackNeighbourhoodsMatchTheExactTwoStepProbabilities() {
    RandomWalker walker = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    ImportanceNeighborhoods n = ImportanceNeighborhoods.compute(walker,
        new ImportanceConfig(c.track, 3, WalkConfig.uniform(2, 20_000, 7)), 2, ProgressTracker.NONE);

    // From t2: p0 = {t0, t1, t2} and p1 = {t2, t3} each with 1/2, so t0 and t1 have 1/6, t3 has 1/4 and
    // t2 itself 5/12; normalised over the others: t3 = 3/7, t0 = t1 = 2/7.
    int[] around2 = n.neighbors(2);
    float[] w2 = n.weights(2);
    assertThat(around2[0]).isEqualTo(3);
    assertThat(around2).containsExactlyInAnyOrder(0, 1, 3);
    assertThat((double) w2[0]).isCloseTo(3.0 / 7, within(0.01));
    assertThat((double) w2[1]).isCloseTo(2.0 / 7, within(0.01));
    assertThat((double) w2[2]).isCloseTo(2.0 / 7, within(0.01));
    // From t0: p0 only, so t1 and t2 have 1/2 each.
    assertThat(n.neighbors(0)).containsExactlyInAnyOrder(1, 2);
    assertThat((double) n.weights(0)[0]).isCloseTo(0.5, within(0.01));
    assertThat(n.neighbors(5)).isEmpty();
    for (int t = 0; t < 5; t++) {
      double sum = 0;
      for (float w : n.weights(t)) {
        sum += w;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-6));
    }
  }

  @Test
  void neighbourTypeMayDifferFromTheNodeType() {
    RandomWalker walker = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    ImportanceNeighborhoods n = ImportanceNeighborhoods.compute(walker,
        new ImportanceConfig(c.playlist, 2, WalkConfig.uniform(2, 50, 7)), 1, ProgressTracker.NONE);

    // One pass: t0 and t1 are only in p0; t2 is in p0 and p1, visited equally often on average.
    assertThat(n.neighbors(0)).containsExactly(0);
    assertThat(n.weights(0)).containsExactly(1f);
    assertThat(n.neighbors(1)).containsExactly(0);
    assertThat(n.neighbors(2)).containsExactlyInAnyOrder(0, 1);
    assertThat(n.neighbors(5)).isEmpty();
    assertThat(n.neighborType()).isEqualTo(c.playlist);
  }

  @Test
  void sameSeedSameNeighbourhoodsOnAnyNumberOfThreadsAndOtherSeedsDiffer() {
    RandomWalker walker = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    ImportanceConfig config = new ImportanceConfig(c.track, 2,
        WalkConfig.uniform(6, 5, 13).withRestartProbability(0.3));

    ImportanceNeighborhoods one = ImportanceNeighborhoods.compute(walker, config, 1, ProgressTracker.NONE);
    ImportanceNeighborhoods two = ImportanceNeighborhoods.compute(walker, config, 2, ProgressTracker.NONE);
    ImportanceNeighborhoods other = ImportanceNeighborhoods.compute(walker,
        new ImportanceConfig(c.track, 2, config.walks().withSeed(14)), 1, ProgressTracker.NONE);

    assertThat(two).isEqualTo(one);
    assertThat(other).isNotEqualTo(one);
  }

  @Test
  void topTMustBePositive() {
    assertThatThrownBy(() -> new ImportanceConfig(c.track, 0, WalkConfig.uniform(2, 1, 1)))
        .hasMessage("topT must be > 0 (got 0)");
  }
}
