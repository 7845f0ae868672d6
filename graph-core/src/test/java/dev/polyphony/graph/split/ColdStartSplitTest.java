package dev.polyphony.graph.split;

import static dev.polyphony.graph.split.SplitFixture.BY_ARTIST;
import static dev.polyphony.graph.split.SplitFixture.CONTAINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColdStartSplitTest {
  private final HeteroGraph source = SplitFixture.catalog();

  private ColdStartSplitResult split(double fraction, boolean isolate, long seed) {
    return new ColdStartSplit(source,
        new ColdStartSplitConfig("track", List.of("contains"), fraction, isolate, seed)).compute();
  }

  @Test
  void coldTracksLoseTheirPlaylistsEverywhereAndKeepTheirArtistForInference() {
    ColdStartSplitResult r = split(0.4, true, 3);
    InductiveHoldOut h = r.holdOut();
    int[] cold = r.coldNodes();

    // t0..t4 are in playlists, t5 is not: 5 eligible, round(0.4 * 5) = 2 cold.
    assertThat(r.eligibleNodes()).isEqualTo(5);
    assertThat(cold).hasSize(2).isSorted().doesNotContain(5);
    EdgeList targets = h.heldOutEdges(CONTAINS);
    int expectedTargets = 0;
    for (int t : cold) {
      expectedTargets += source.in(CONTAINS).degree(t);
      assertThat(r.training().in(CONTAINS).degree(t)).isZero();
      assertThat(r.inference().in(CONTAINS).degree(t)).isZero();
      assertThat(r.training().out(BY_ARTIST).degree(t)).isZero();
      assertThat(r.inference().out(BY_ARTIST).neighbors(t)).containsExactly(source.out(BY_ARTIST).neighbors(t));
    }
    assertThat(targets.size()).isEqualTo(expectedTargets);
    for (int i = 0; i < targets.size(); i++) {
      assertThat(cold).contains(targets.dst()[i]);
    }
    LeakageAssertions.assertAbsent(r.training(), targets);
    LeakageAssertions.assertAbsent(r.inference(), targets);
    LeakageAssertions.assertSourceMinus(source, r.inference(), targets);
    LeakageAssertions.assertNodesUnchanged(source, r.training());
    LeakageAssertions.assertNodesUnchanged(source, r.inference());
    assertThat(r.inference().out(BY_ARTIST)).isSameAs(source.out(BY_ARTIST));
    assertThat(r.training().edgeCount(BY_ARTIST)).isEqualTo(6 - 2);
    BitSet mask = h.heldOutMask();
    assertThat(mask.stream().toArray()).containsExactly(cold);
    assertThat(h.isHeldOut(cold[0])).isTrue();
    assertThat(h.heldOutEdgeCount()).isEqualTo(expectedTargets);
  }

  @Test
  void allEligibleColdGivesExactlyTheArtistGraphForInference() {
    // round(0.9 * 5) = 5: every track with a playlist is cold.
    ColdStartSplitResult r = split(0.9, true, 11);

    assertThat(r.coldNodes()).containsExactly(0, 1, 2, 3, 4);
    EdgeList targets = r.holdOut().heldOutEdges(CONTAINS);
    assertThat(targets.src()).containsExactly(0, 0, 0, 0, 1, 1, 2, 2, 2, 3);
    assertThat(targets.dst()).containsExactly(0, 1, 2, 3, 1, 3, 0, 2, 4, 4);
    assertThat(targets.weights()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(r.inference().edgeCount(CONTAINS)).isZero();
    assertThat(r.inference().edgeCount(BY_ARTIST)).isEqualTo(6);
    assertThat(r.training().edgeCount(CONTAINS)).isZero();
    assertThat(r.training().out(BY_ARTIST).neighbors(5)).containsExactly(0);
    assertThat(r.training().in(BY_ARTIST).neighbors(0)).containsExactly(5);
    assertThat(r.training().edgeCount(BY_ARTIST)).isEqualTo(1);
  }

  @Test
  void withoutIsolationTrainingIsTheInferenceGraph() {
    ColdStartSplitResult r = split(0.4, false, 3);
    assertThat(r.training()).isSameAs(r.inference());
    assertThat(r.coldNodes()).containsExactly(split(0.4, true, 3).coldNodes());
    for (int t : r.coldNodes()) {
      assertThat(r.training().out(BY_ARTIST).neighbors(t)).containsExactly(source.out(BY_ARTIST).neighbors(t));
      assertThat(r.training().in(CONTAINS).degree(t)).isZero();
    }
  }

  @Test
  void oneSeedGivesOneSplitAndEachEligibleTrackIsEquallyLikelyCold() {
    assertThat(split(0.4, true, 5)).isEqualTo(split(0.4, true, 5));
    int[] coldCount = new int[6];
    Set<String> distinct = new HashSet<>();
    int runs = 3000;
    for (long seed = 0; seed < runs; seed++) {
      int[] cold = split(0.4, false, seed).coldNodes();
      distinct.add(Arrays.toString(cold));
      for (int t : cold) {
        coldCount[t]++;
      }
    }
    assertThat(distinct).hasSize(10);
    for (int t = 0; t < 5; t++) {
      // probability 2/5 each: 1200 expected, binomial sd about 27
      assertThat(coldCount[t]).as("t%d", t).isBetween(1080, 1320);
    }
    assertThat(coldCount[5]).isZero();
  }

  @Test
  void relationsMustExistAndTouchTheColdType() {
    assertThatThrownBy(() -> new ColdStartSplit(source,
        new ColdStartSplitConfig("playlist", List.of("by_artist"), 0.5, true, 0)).compute())
        .hasMessageContaining("'by_artist'").hasMessageContaining("does not touch node type 'playlist'");
    assertThatThrownBy(() -> new ColdStartSplit(source,
        new ColdStartSplitConfig("track", List.of("plays"), 0.5, true, 0)).compute())
        .hasMessageContaining("'plays'").hasMessageContaining("contains");
    assertThatThrownBy(() -> new ColdStartSplit(source,
        new ColdStartSplitConfig("song", List.of("contains"), 0.5, true, 0)).compute())
        .hasMessageContaining("'song'").hasMessageContaining("track");
  }

  @Test
  void configRejectsBadValuesQuotingThem() {
    assertThatThrownBy(() -> new ColdStartSplitConfig("track", List.of("contains"), 0, true, 0))
        .hasMessage("coldFraction must be in (0, 1) (got 0.0)");
    assertThatThrownBy(() -> new ColdStartSplitConfig("track", List.of(), 0.1, true, 0))
        .hasMessage("heldOutRelations must name at least one relation (got [])");
    assertThatThrownBy(() -> new ColdStartSplitConfig("track", List.of("contains", "contains"), 0.1, true, 0))
        .hasMessageContaining("names relation 'contains' twice");
    assertThatThrownBy(() -> new ColdStartSplitConfig(null, List.of("contains"), 0.1, true, 0))
        .hasMessage("nodeType must be a non-blank name (got null)");
  }
}
