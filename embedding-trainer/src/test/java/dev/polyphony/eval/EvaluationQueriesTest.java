package dev.polyphony.eval;

import static dev.polyphony.graph.io.SpotifySongsSchema.BY_ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.CONTAINS;
import static dev.polyphony.graph.io.SpotifySongsSchema.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.split.ColdStartSplitResult;
import dev.polyphony.graph.split.EdgeList;
import dev.polyphony.graph.split.EdgeRemoval;
import dev.polyphony.graph.split.InductiveHoldOut;
import dev.polyphony.graph.split.PlaylistContinuationSplitResult;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationQueriesTest {

  /** The fixture without p0 -> t2, p2 -> t4 and p3 -> t5; t2 and t5 keep no other playlist, t4 keeps p3. */
  private static PlaylistContinuationSplitResult continuation() {
    EdgeRemoval removal = EvalFixture.without(new int[] {0, 2}, new int[] {2, 4}, new int[] {3, 5});
    EdgeList heldOut = removal.removedEdges(CONTAINS);
    return new PlaylistContinuationSplitResult(removal.build(), new int[] {0, 2, 3}, new int[] {0, 1, 2, 3},
        heldOut.dst(), heldOut);
  }

  /** Cold tracks t4 and t5: p2 loses t4, p3 loses both its tracks; isolated from artists in training. */
  private static ColdStartSplitResult coldStart() {
    HeteroGraph source = EvalFixture.catalog();
    int[] cold = {4, 5};
    EdgeRemoval removal = new EdgeRemoval(source).detachNodes(TRACK, cold, List.of(CONTAINS));
    HeteroGraph inference = removal.build();
    EdgeList heldOut = removal.removedEdges(CONTAINS);
    HeteroGraph training = removal.detachNodes(TRACK, cold, List.of(BY_ARTIST)).build();
    return new ColdStartSplitResult(new InductiveHoldOut(training, inference, TRACK, cold, List.of(heldOut), true), 6);
  }

  private static BitSet bits(int... ids) {
    BitSet b = new BitSet();
    for (int id : ids) {
      b.set(id);
    }
    return b;
  }

  @Test
  void warmQueriesKeepHeldOutTracksThatStillHaveATrainingPlaylist() {
    PlaylistContinuationSplitResult split = continuation();
    EvaluationQueries warm = EvaluationQueries.warm(split, PlaylistCatalog.of(split.training(), "contains"));
    assertThat(warm.protocol()).isEqualTo(EvaluationProtocol.WARM);
    assertThat(warm.playlists()).containsExactly(2);
    assertThat(warm.relevantOf(0)).containsExactly(4);
    assertThat(warm.candidates()).isEqualTo(bits(0, 1, 3, 4));
    assertThat(warm.playlistsWithoutSeeds()).isZero();
  }

  @Test
  void continuationQueriesOverAllTracksKeepEveryHeldOutTrack() {
    PlaylistContinuationSplitResult split = continuation();
    EvaluationQueries all = EvaluationQueries.continuationAllTracks(split, PlaylistCatalog.of(split.training(), "contains"));
    assertThat(all.playlists()).containsExactly(0, 2, 3);
    assertThat(all.relevantOffsets()).containsExactly(0, 1, 2, 3);
    assertThat(all.relevant()).containsExactly(2, 4, 5);
    assertThat(all.candidates()).isEqualTo(bits(0, 1, 2, 3, 4, 5, 6));
  }

  @Test
  void coldQueriesRankColdTracksAndSkipPlaylistsWithNothingLeft() {
    ColdStartSplitResult split = coldStart();
    PlaylistCatalog catalog = new PlaylistCatalog(split.training(), split.inference(), CONTAINS);
    EvaluationQueries cold = EvaluationQueries.cold(split, catalog);
    assertThat(cold.playlists()).containsExactly(2);
    assertThat(cold.relevantOf(0)).containsExactly(4);
    assertThat(cold.candidates()).isEqualTo(bits(4, 5));
    assertThat(cold.playlistsWithoutSeeds()).as("p3 lost both tracks").isEqualTo(1);

    EvaluationQueries inCatalog = EvaluationQueries.coldAllTracks(split, catalog);
    assertThat(inCatalog.playlists()).containsExactly(2);
    assertThat(inCatalog.relevant()).containsExactly(4);
    assertThat(inCatalog.candidates().cardinality()).isEqualTo(7);
    assertThat(inCatalog.playlistsWithoutSeeds()).isEqualTo(1);
  }

  @Test
  void aHeldOutEdgeThatIsStillTrainingIsALeak() {
    PlaylistContinuationSplitResult split = continuation();
    PlaylistCatalog leaking = EvalFixture.playlistCatalog();
    assertThatThrownBy(() -> EvaluationQueries.warm(split, leaking))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 -> 2 is a training edge");
  }
}
