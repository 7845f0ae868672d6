package dev.polyphony.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.CsrAdjacency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.alg.util.Pair;
import org.junit.jupiter.api.Test;

class PlaylistTrackEdgesTest {

  @Test
  void givesExactlyTheWantedNumberOfDistinctEdgesInRange() {
    PlaylistTrackEdges e = PlaylistTrackEdges.generate(5000, 42);

    assertThat(e.count()).isEqualTo(5000);
    Set<Long> distinct = new HashSet<>();
    for (int i = 0; i < e.count(); i++) {
      assertThat(e.playlist[i]).isBetween(0, e.playlists - 1);
      assertThat(e.track[i]).isBetween(0, e.tracks - 1);
      distinct.add((long) e.playlist[i] << 32 | e.track[i]);
    }
    assertThat(distinct).hasSize(5000);
  }

  @Test
  void oneSeedGivesOneEdgeListAndAnotherSeedAnother() {
    PlaylistTrackEdges a = PlaylistTrackEdges.generate(3000, 7);
    PlaylistTrackEdges b = PlaylistTrackEdges.generate(3000, 7);
    PlaylistTrackEdges c = PlaylistTrackEdges.generate(3000, 8);

    assertThat(a.playlist).isEqualTo(b.playlist);
    assertThat(a.track).isEqualTo(b.track);
    assertThat(a.track).isNotEqualTo(c.track);
  }

  @Test
  void edgesComeInRandomOrderNotGroupedByPlaylist() {
    PlaylistTrackEdges e = PlaylistTrackEdges.generate(3000, 42);
    int ascending = 0;
    for (int i = 1; i < e.count(); i++) {
      ascending += e.playlist[i] >= e.playlist[i - 1] ? 1 : 0;
    }
    // Sorted input would be ascending at every step; shuffled input about half the time.
    assertThat(ascending).isBetween(1200, 1800);
  }

  @Test
  void csrAndVertexPairsHoldTheSameEdges() {
    PlaylistTrackEdges e = PlaylistTrackEdges.generate(2000, 42);
    CsrAdjacency csr = e.outCsr();
    List<Pair<Integer, Integer>> pairs = e.vertexPairs();

    assertThat(csr.edgeCount()).isEqualTo(2000);
    assertThat(e.vertexCount()).isEqualTo(e.playlists + e.tracks);
    for (int i = 0; i < e.count(); i++) {
      assertThat(csr.contains(e.playlist[i], e.track[i])).isTrue();
      assertThat(pairs.get(i)).isEqualTo(Pair.of(e.playlist[i], e.playlists + e.track[i]));
    }
  }

  @Test
  void rejectsANonPositiveCount() {
    assertThatThrownBy(() -> PlaylistTrackEdges.generate(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edges must be > 0 (got 0)");
  }
}
