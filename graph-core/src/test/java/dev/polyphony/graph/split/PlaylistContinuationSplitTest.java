package dev.polyphony.graph.split;

import static dev.polyphony.graph.split.SplitFixture.BY_ARTIST;
import static dev.polyphony.graph.split.SplitFixture.CONTAINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaylistContinuationSplitTest {
  private final HeteroGraph source = SplitFixture.catalog();

  private PlaylistContinuationSplitResult split(double fraction, long seed) {
    return new PlaylistContinuationSplit(source,
        new PlaylistContinuationSplitConfig("contains", 3, fraction, seed)).compute();
  }

  @Test
  void eligiblePlaylistsLoseTheirShareAndTheRestIsIntact() {
    PlaylistContinuationSplitResult r = split(0.5, 7);

    // p0 has 4 tracks (2 held out), p2 has 3 (round(1.5) = 2 held out), p1 and p3 are too short.
    assertThat(r.playlists()).containsExactly(0, 2);
    assertThat(r.heldOutOffsets()).containsExactly(0, 2, 4);
    assertThat(r.heldOutCount()).isEqualTo(4);
    assertThat(r.heldOut().src()).containsExactly(0, 0, 2, 2);
    assertThat(r.heldOut().dst()).containsExactly(r.heldOutTracks());
    assertThat(source.out(CONTAINS).neighbors(0)).contains(r.heldOutTracksOf(0));
    assertThat(source.out(CONTAINS).neighbors(2)).contains(r.heldOutTracksOf(1));
    assertThat(r.heldOutTracksOf(0)).isSorted().doesNotHaveDuplicates();

    HeteroGraph training = r.training();
    LeakageAssertions.assertAbsent(training, r.heldOut());
    LeakageAssertions.assertSourceMinus(source, training, r.heldOut());
    LeakageAssertions.assertNodesUnchanged(source, training);
    assertThat(training.edgeCount(CONTAINS)).isEqualTo(6);
    assertThat(training.out(CONTAINS).degree(0)).isEqualTo(2);
    assertThat(training.out(CONTAINS).degree(2)).isEqualTo(1);
    assertThat(training.out(CONTAINS).neighbors(1)).containsExactly(1, 3);
    assertThat(training.out(CONTAINS).neighbors(3)).containsExactly(4);
    assertThat(training.out(BY_ARTIST)).isSameAs(source.out(BY_ARTIST));
  }

  @ParameterizedTest(name = "degree {0}, fraction {1}, min {2} -> {3}")
  @CsvSource({"4, 0.5, 3, 2", "3, 0.5, 3, 2", "3, 0.2, 3, 1", "10, 0.99, 2, 9", "2, 0.01, 2, 1", "2, 0.5, 3, 0",
      "5, 0.3, 2, 2", "7, 0.1, 5, 1"})
  void heldOutCountRoundsAndKeepsAtLeastOneOnEachSide(int degree, double fraction, int min, int expected) {
    var config = new PlaylistContinuationSplitConfig("contains", min, fraction, 0);
    assertThat(PlaylistContinuationSplit.heldOutCount(degree, config)).isEqualTo(expected);
  }

  @Test
  void oneSeedGivesOneSplitAndSeedsDiffer() {
    assertThat(split(0.5, 42)).isEqualTo(split(0.5, 42));
    Set<String> distinct = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      distinct.add(java.util.Arrays.toString(split(0.5, seed).heldOutTracks()));
    }
    assertThat(distinct).hasSizeGreaterThan(5);
  }

  @Test
  void everyTrackOfAPlaylistIsEquallyLikelyToBeHeldOut() {
    int[] heldOutOfP0 = new int[6];
    int runs = 2000;
    for (long seed = 0; seed < runs; seed++) {
      for (int t : split(0.5, seed).heldOutTracksOf(0)) {
        heldOutOfP0[t]++;
      }
    }
    // p0 = {t0, t1, t2, t3}, 2 of 4 held out: each with probability 1/2 (binomial sd about 22).
    for (int t = 0; t < 4; t++) {
      assertThat(heldOutOfP0[t]).as("t%d", t).isBetween(900, 1100);
    }
    assertThat(heldOutOfP0[4]).isZero();
  }

  @Test
  void configRejectsBadValuesQuotingThem() {
    assertThatThrownBy(() -> new PlaylistContinuationSplitConfig("contains", 1, 0.2, 0))
        .hasMessage("minTracks must be >= 2 (got 1)");
    assertThatThrownBy(() -> new PlaylistContinuationSplitConfig("contains", 2, 1.0, 0))
        .hasMessage("holdOutFraction must be in (0, 1) (got 1.0)");
    assertThatThrownBy(() -> new PlaylistContinuationSplitConfig("contains", 2, Double.NaN, 0))
        .hasMessage("holdOutFraction must be in (0, 1) (got NaN)");
    assertThatThrownBy(() -> new PlaylistContinuationSplitConfig(" ", 2, 0.2, 0))
        .hasMessage("relation must be a non-blank name (got ' ')");
  }

  @Test
  void unknownRelationFailsNamingTheKnownOnes() {
    assertThatThrownBy(() -> new PlaylistContinuationSplit(source,
        new PlaylistContinuationSplitConfig("holds", 3, 0.5, 0)).compute())
        .hasMessageContaining("'holds'").hasMessageContaining("contains");
  }
}
