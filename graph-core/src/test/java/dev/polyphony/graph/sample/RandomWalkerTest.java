package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.ProgressTracker;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RandomWalkerTest {
  private final SmallGraphs.Catalog c = new SmallGraphs.Catalog();

  @Test
  void metapathWalksAlternateTrackAndPlaylistAlongRealEdges() {
    RandomWalker walker = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    Walks walks = walker.walk(new int[] {0, 1, 2, 3, 4}, WalkConfig.uniform(8, 20, 42));

    assertThat(walks.walkCount()).isEqualTo(100);
    for (int w = 0; w < walks.walkCount(); w++) {
      assertThat(walks.length(w)).isEqualTo(9);
      assertThat(walks.start(w)).isEqualTo(w / 20);
      for (int pos = 0; pos < walks.length(w); pos++) {
        assertThat(walks.type(w, pos)).isEqualTo(pos % 2 == 0 ? c.track : c.playlist);
        if (pos % 2 == 1) {
          int playlist = walks.node(w, pos);
          assertThat(c.graph.out(c.contains).contains(playlist, walks.node(w, pos - 1))).isTrue();
          assertThat(c.graph.out(c.contains).contains(playlist, walks.node(w, pos + 1))).isTrue();
        }
      }
    }
    assertThat(walks.stepCount()).isEqualTo(800);
  }

  @Test
  void trackArtistTrackWalksStayWithTheArtistsTracks() {
    RandomWalker walker = RandomWalker.metapath(c.graph, Metapath.parse(c.schema, "track -by-> artist <-by- track"));
    Walks walks = walker.walk(new int[] {2}, WalkConfig.uniform(6, 30, 3));

    for (int w = 0; w < walks.walkCount(); w++) {
      for (int pos = 0; pos < walks.length(w); pos++) {
        assertThat(walks.type(w, pos)).isEqualTo(pos % 2 == 0 ? c.track : c.artist);
        // t2 is by a1, whose tracks are t2 and t3.
        assertThat(walks.node(w, pos)).isIn(pos % 2 == 0 ? List.of(2, 3) : List.of(1));
      }
    }
  }

  @Test
  void determinedWalkFollowsTheOnlySuccessor() {
    RandomWalker walker = SmallGraphs.directed(3, new int[][] {{0, 1}, {1, 2}, {2, 0}}).forwardWalker();
    Walks walks = walker.walk(new int[] {0, 2}, WalkConfig.uniform(5, 1, 1));

    assertThat(walks.walk(0)).containsExactly(0, 1, 2, 0, 1, 2);
    assertThat(walks.walk(1)).containsExactly(2, 0, 1, 2, 0, 1);
  }

  @Test
  void deadEndsStopTheWalk() {
    RandomWalker walker = SmallGraphs.directed(3, new int[][] {{0, 1}}).forwardWalker();
    Walks walks = walker.walk(new int[] {0, 2}, WalkConfig.uniform(5, 1, 1).withBias(0.5, 2));

    assertThat(walks.walk(0)).containsExactly(0, 1);
    assertThat(walks.walk(1)).containsExactly(2);
    RandomWalker metapath = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    assertThat(metapath.walk(new int[] {5}, WalkConfig.uniform(4, 2, 1)).walk(1)).containsExactly(5);
  }

  @Test
  void openMetapathIsWalkedOnceAndNeverRestarts() {
    RandomWalker walker = RandomWalker.metapath(c.graph, Metapath.parse(c.schema,
        "playlist -contains-> track -by-> artist"));
    Walks walks = walker.walk(new int[] {1}, WalkConfig.uniform(10, 50, 5).withRestartProbability(0.9));

    for (int w = 0; w < walks.walkCount(); w++) {
      assertThat(walks.length(w)).isEqualTo(3);
      assertThat(walks.node(w, 0)).isEqualTo(1);
      assertThat(walks.node(w, 1)).isIn(2, 3);
      assertThat(walks.node(w, 2)).isEqualTo(1);
      assertThat(List.of(walks.type(w, 0), walks.type(w, 1), walks.type(w, 2)))
          .containsExactly(c.playlist, c.track, c.artist);
    }
  }

  @Test
  void restartJumpsBackToTheStartWithTheGivenProbability() {
    int[][] path = new int[10][];
    for (int i = 0; i < 10; i++) {
      path[i] = new int[] {i, i + 1};
    }
    RandomWalker walker = SmallGraphs.directed(11, path).forwardWalker();
    Walks walks = walker.walk(new int[] {0}, WalkConfig.uniform(10, 4000, 11).withRestartProbability(0.5));

    int restarts = 0;
    int considered = 0;
    for (int w = 0; w < walks.walkCount(); w++) {
      assertThat(walks.length(w)).isEqualTo(11);
      assertThat(walks.node(w, 1)).isEqualTo(1);
      for (int pos = 2; pos < 11; pos++) {
        int node = walks.node(w, pos);
        assertThat(node).isIn(0, walks.node(w, pos - 1) + 1);
        restarts += node == 0 ? 1 : 0;
        considered++;
      }
    }
    assertThat((double) restarts / considered).isCloseTo(0.5, within(0.01));
    Walks noRestart = walker.walk(new int[] {0}, WalkConfig.uniform(10, 50, 11));
    for (int w = 0; w < noRestart.walkCount(); w++) {
      assertThat(noRestart.walk(w)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }
  }

  @Test
  void metapathRestartsOnlyBetweenPassesSoTypesFollowThePath() {
    RandomWalker walker = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    Walks walks = walker.walk(new int[] {4}, WalkConfig.uniform(12, 500, 8).withRestartProbability(0.4));

    int restarts = 0;
    for (int w = 0; w < walks.walkCount(); w++) {
      for (int pos = 1; pos < walks.length(w); pos++) {
        int prev = walks.node(w, pos - 1);
        int node = walks.node(w, pos);
        if (walks.type(w, pos - 1).equals(c.playlist)) {
          assertThat(walks.type(w, pos)).isEqualTo(c.track);
          assertThat(c.graph.out(c.contains).contains(prev, node)).isTrue();
        } else if (walks.type(w, pos).equals(c.track)) {
          assertThat(node).isEqualTo(4);
          restarts++;
        } else {
          assertThat(c.graph.out(c.contains).contains(node, prev)).isTrue();
        }
      }
    }
    assertThat(restarts).isPositive();
  }

  @ParameterizedTest(name = "p={0} q={1}")
  @CsvSource({
      "1, 2, 0.4, 0.4, 0.2",
      "0.25, 1, 0.666667, 0.166667, 0.166667",
      "1, 0.25, 0.166667, 0.166667, 0.666667",
      "4, 1000, 0.199840, 0.799361, 0.000799",
      "0.001, 1, 0.998004, 0.000998, 0.000998"})
  void node2vecSecondStepMatchesTheExactBiasedDistribution(double p, double q, double toZero, double toOne,
      double toThree) {
    // Triangle 0-1-2 with tail 2-3. After 0 -> 2 the candidates are 0 (return, 1/p), 1 (adjacent to 0, 1)
    // and 3 (1/q).
    RandomWalker walker = SmallGraphs.triangleWithTail().undirectedWalker();
    Walks walks = walker.walk(new int[] {0}, WalkConfig.uniform(2, 40_000, 17).withBias(p, q));

    int[] next = new int[6];
    int viaTwo = 0;
    for (int w = 0; w < walks.walkCount(); w++) {
      if (walks.node(w, 1) == 2) {
        next[walks.node(w, 2)]++;
        viaTwo++;
      }
    }
    assertThat((double) viaTwo / walks.walkCount()).isCloseTo(0.5, within(0.01));
    assertThat((double) next[0] / viaTwo).isCloseTo(toZero, within(0.012));
    assertThat((double) next[1] / viaTwo).isCloseTo(toOne, within(0.012));
    assertThat((double) next[3] / viaTwo).isCloseTo(toThree, within(0.012));
    assertThat(next[2] + next[4] + next[5]).isZero();
  }

  @Test
  void returnWeightCountsEveryOccurrenceOfThePreviousNodeInThePool() {
    // 0 <-> 1 -> 2 walked both ways: at 1 after 0 the pool is 0 (forwards), 2 (forwards), 0 (backwards),
    // weighted 1/p, 1/q, 1/p = 4, 1, 4 for p = 0.25, q = 1.
    RandomWalker walker = new SmallGraphs.Homogeneous("friend", 3, new int[][] {{0, 1}, {1, 0}, {1, 2}})
        .undirectedWalker();
    Walks walks = walker.walk(new int[] {0}, WalkConfig.uniform(2, 30_000, 37).withBias(0.25, 1));

    int back = 0;
    for (int w = 0; w < walks.walkCount(); w++) {
      assertThat(walks.node(w, 1)).isEqualTo(1);
      back += walks.node(w, 2) == 0 ? 1 : 0;
    }
    assertThat((double) back / walks.walkCount()).isCloseTo(8.0 / 9, within(0.01));
  }

  @Test
  void largeQKeepsTheWalkNearTheStartAndSmallQSendsItAway() {
    RandomWalker walker = SmallGraphs.triangleWithTail().undirectedWalker();
    WalkConfig base = WalkConfig.uniform(20, 500, 23);

    double bfs = farShare(walker.walk(new int[] {0}, base.withBias(1, 1000)));
    double uniform = farShare(walker.walk(new int[] {0}, base));
    double dfs = farShare(walker.walk(new int[] {0}, base.withBias(1, 0.001)));

    assertThat(bfs).isLessThan(0.01);
    assertThat(uniform).isBetween(0.1, 0.45);
    assertThat(dfs).isGreaterThan(uniform + 0.15);
  }

  /** Share of positions on the tail nodes 3, 4, 5, which are at distance >= 1 from the triangle. */
  private static double farShare(Walks walks) {
    int far = 0;
    for (int w = 0; w < walks.walkCount(); w++) {
      for (int pos = 0; pos < walks.length(w); pos++) {
        far += walks.node(w, pos) >= 3 ? 1 : 0;
      }
    }
    return (double) far / walks.positionCount();
  }

  @Test
  void smallPReturnsToThePreviousNodeAlmostAlways() {
    RandomWalker walker = SmallGraphs.fiveCycle().undirectedWalker();
    WalkConfig base = WalkConfig.uniform(10, 1000, 29);

    assertThat(returnShare(walker.walk(new int[] {0}, base.withBias(0.001, 1)))).isGreaterThan(0.99);
    assertThat(returnShare(walker.walk(new int[] {0}, base))).isCloseTo(0.5, within(0.02));
    assertThat(returnShare(walker.walk(new int[] {0}, base.withBias(1000, 1)))).isLessThan(0.01);
  }

  /** Share of steps (from the second on) that go back to the node two positions earlier. */
  private static double returnShare(Walks walks) {
    int back = 0;
    int steps = 0;
    for (int w = 0; w < walks.walkCount(); w++) {
      for (int pos = 2; pos < walks.length(w); pos++) {
        back += walks.node(w, pos) == walks.node(w, pos - 2) ? 1 : 0;
        steps++;
      }
    }
    return (double) back / steps;
  }

  @Test
  void uniformWalksPoolTheAllowedHopsAndUseNoOther() {
    List<WalkHop> all = List.of(WalkHop.in(c.contains), WalkHop.out(c.contains), WalkHop.out(c.by),
        WalkHop.in(c.by));
    RandomWalker walker = RandomWalker.uniform(c.graph, c.track, all);
    Walks walks = walker.walk(new int[] {0}, WalkConfig.uniform(6, 4000, 31));

    int firstToPlaylist = 0;
    for (int w = 0; w < walks.walkCount(); w++) {
      firstToPlaylist += walks.type(w, 1).equals(c.playlist) ? 1 : 0;
      for (int pos = 1; pos < walks.length(w); pos++) {
        assertThat(linked(walks, w, pos - 1, pos)).isTrue();
      }
    }
    // t0 has one playlist (p0) and one artist (a0): each is the first step half of the time.
    assertThat((double) firstToPlaylist / walks.walkCount()).isCloseTo(0.5, within(0.02));

    RandomWalker playlistsOnly = RandomWalker.uniform(c.graph, c.track,
        List.of(WalkHop.in(c.contains), WalkHop.out(c.contains)));
    Walks noArtists = playlistsOnly.walk(new int[] {0, 3}, WalkConfig.uniform(10, 50, 31));
    for (int w = 0; w < noArtists.walkCount(); w++) {
      for (int pos = 0; pos < noArtists.length(w); pos++) {
        assertThat(noArtists.type(w, pos)).isNotEqualTo(c.artist);
      }
    }
  }

  private boolean linked(Walks walks, int w, int a, int b) {
    int x = walks.node(w, a);
    int y = walks.node(w, b);
    if (walks.type(w, a).equals(c.track) && walks.type(w, b).equals(c.playlist)) {
      return c.graph.out(c.contains).contains(y, x);
    }
    if (walks.type(w, a).equals(c.playlist)) {
      return c.graph.out(c.contains).contains(x, y);
    }
    if (walks.type(w, a).equals(c.track)) {
      return c.graph.out(c.by).contains(x, y);
    }
    return c.graph.out(c.by).contains(y, x);
  }

  @Test
  void sameSeedGivesTheSameWalksOnAnyNumberOfThreads() {
    RandomWalker walker = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    int[] starts = new int[2000];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = i % 5;
    }
    WalkConfig config = WalkConfig.uniform(12, 2, 99).withBias(0.5, 2).withRestartProbability(0.2);

    Walks one = walker.walk(starts, config, 1, ProgressTracker.NONE);
    Walks two = walker.walk(starts, config, 2, ProgressTracker.NONE);
    Walks again = walker.walk(starts, config);
    Walks other = walker.walk(starts, config.withSeed(100));

    assertThat(two).isEqualTo(one);
    assertThat(again).isEqualTo(one);
    assertThat(other).isNotEqualTo(one);
    // Walk i of a start node depends on (seed, node, i) only, so repeated starts repeat their walks.
    assertThat(one.walk(10)).containsExactly(one.walk(0));
    assertThat(one.walk(1)).isNotEqualTo(one.walk(0));
  }

  @Test
  void walkingEveryNodeStartsFromEachNodeOfTheStartType() {
    Walks walks = RandomWalker.metapath(c.graph, c.trackPlaylistTrack()).walk(WalkConfig.uniform(2, 3, 1));

    assertThat(walks.walkCount()).isEqualTo(18);
    for (int w = 0; w < 18; w++) {
      assertThat(walks.start(w)).isEqualTo(w / 3);
    }
  }

  @Test
  void invalidStartsAndHopSetsAreRefused() {
    RandomWalker walker = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    assertThatThrownBy(() -> walker.walk(new int[] {1, 6}, WalkConfig.uniform(2, 1, 1)))
        .hasMessage("start node 6 (index 1) is outside the 'track' nodes [0, 6)");
    assertThatThrownBy(() -> RandomWalker.uniform(c.graph, c.track, List.of()))
        .hasMessageContaining("at least one hop");
    assertThatThrownBy(() -> RandomWalker.uniform(c.graph, c.track,
        List.of(WalkHop.out(c.by), WalkHop.out(c.by)))).hasMessageContaining("must not repeat");
    assertThatThrownBy(() -> RandomWalker.uniform(c.graph, c.track, List.of(WalkHop.out(c.contains))))
        .hasMessageContaining("no hop leaves from 'track'");
  }
}
