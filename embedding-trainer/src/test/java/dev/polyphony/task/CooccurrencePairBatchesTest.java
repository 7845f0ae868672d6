package dev.polyphony.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CooccurrencePairBatchesTest {
  private final HeteroGraph graph = TinyCatalogs.twoStyles(10, 4, 1);
  private final CsrAdjacency playlistTracks = graph.out(graph.schema().edgeType("contains"));
  private final CsrAdjacency trackPlaylists = graph.in(graph.schema().edgeType("contains"));

  @Test
  void everyContextSharesAPlaylistWithItsPositiveAndSeedsAreDistinct() {
    CooccurrencePairBatches batches = new CooccurrencePairBatches(TinyCatalogs.PLAYLIST, playlistTracks, trackPlaylists, 3, 8, 5, 3, 11);
    for (int b = 0; b < 3; b++) {
      TrainingBatch batch = batches.batch(1, b);
      assertThat(batch.pairCount()).isEqualTo(8);
      assertThat(Arrays.stream(batch.seeds()).distinct().count()).isEqualTo(batch.size());
      for (int i = 0; i < batch.pairCount(); i++) {
        int p = batch.seeds()[batch.positives()[i]];
        int playlist = batch.cut().neighborOfSeed()[batch.positives()[i]];
        int[] context = batch.context(i);
        assertThat(context.length).isBetween(1, 3);
        assertThat(java.util.Arrays.stream(context).distinct().count()).isEqualTo(context.length);
        for (int row : context) {
          assertThat(row).isNotEqualTo(batch.positives()[i]);
          assertThat(shareAPlaylist(batch.seeds()[row], p)).as("pair %d: %d and %d", i, row, p).isTrue();
        }
        assertThat(playlist).isNotNegative();
      }
      int[] cut = batch.cut().neighborOfSeed();
      assertThat(cut).hasSize(batch.size());
      for (int i = 0; i < batch.pairCount(); i++) {
        int playlist = cut[batch.positives()[i]];
        assertThat(playlistTracks.contains(playlist, batch.seeds()[batch.positives()[i]])).isTrue();
      }
      for (int track : batch.seeds()) {
        assertThat(trackPlaylists.degree(track)).as("track %d has a playlist", track).isPositive();
      }
    }
  }

  @Test
  void batchesArePureFunctionsOfEpochIndexAndSeed() {
    CooccurrencePairBatches one = new CooccurrencePairBatches(TinyCatalogs.PLAYLIST, playlistTracks, trackPlaylists, 3, 8, 5, 3, 11);
    CooccurrencePairBatches two = new CooccurrencePairBatches(TinyCatalogs.PLAYLIST, playlistTracks, trackPlaylists, 3, 8, 5, 3, 11);
    assertThat(one.batch(2, 1)).isEqualTo(two.batch(2, 1)).isNotEqualTo(one.batch(2, 0));
    assertThat(one.batch(2, 1)).isNotEqualTo(new CooccurrencePairBatches(TinyCatalogs.PLAYLIST, playlistTracks, trackPlaylists, 3, 8, 5, 3, 12)
        .batch(2, 1));
  }

  @Test
  void rejectsACatalogWithoutPairs() {
    CsrAdjacency single = CsrAdjacency.fromEdges(2, 2, new int[] {0, 1}, new int[] {0, 1}, null, null, 2).adjacency();
    assertThatThrownBy(() -> new CooccurrencePairBatches(TinyCatalogs.PLAYLIST, single, single.transpose(), 1, 4, 0, 1, 1))
        .hasMessageContaining("no playlist has two tracks");
  }

  private boolean shareAPlaylist(int a, int b) {
    for (int e = trackPlaylists.start(a); e < trackPlaylists.end(a); e++) {
      if (playlistTracks.contains(trackPlaylists.target(e), b)) {
        return true;
      }
    }
    return false;
  }
}
