package dev.polyphony.eval;

import static dev.polyphony.graph.io.SpotifySongsSchema.BY_ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.CONTAINS;
import static dev.polyphony.graph.io.SpotifySongsSchema.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.split.EdgeRemoval;
import java.util.List;
import org.junit.jupiter.api.Test;

class SameArtistPopularityRecommenderTest {
  private final SameArtistPopularityRecommender recommender = new SameArtistPopularityRecommender("by_artist");

  @Test
  void tracksOfThePlaylistsArtistsComeFirstByPopularity() {
    FittedRecommender model = recommender.fit(EvalFixture.playlistCatalog());
    // p3 holds t4 (a2) and t5 (a1): a1 and a2 tracks t3 (2), t2 (1), t6 (0), then t1 (3), t0 (2)
    assertThat(model.recommend(3, 10)).containsExactly(3, 2, 6, 1, 0);
    // p0 holds artists a0 and a2: t4 (2), t6 (0), then t3 (2), t5 (1)
    assertThat(model.recommend(0, 10)).containsExactly(4, 6, 3, 5);
    float[] scores = new float[7];
    model.score(3, scores);
    assertThat(scores).containsExactly(2, 3, 1 + 4, 2 + 4, 2 + 4, 1 + 4, 0 + 4);
  }

  @Test
  void coldTracksAreFoundThroughTheirArtistInTheInferenceGraph() {
    HeteroGraph inference = EvalFixture.catalog();
    HeteroGraph training = new EdgeRemoval(inference).detachNodes(TRACK, new int[] {6}, List.of(BY_ARTIST)).build();
    assertThat(training.out(BY_ARTIST).degree(6)).isZero();
    FittedRecommender model = recommender.fit(new PlaylistCatalog(training, inference, CONTAINS));
    assertThat(model.recommend(3, 10)).containsExactly(3, 2, 6, 1, 0);
  }

  @Test
  void theArtistRelationMustStartAtTracks() {
    assertThatThrownBy(() -> new SameArtistPopularityRecommender("contains").fit(EvalFixture.playlistCatalog()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'contains'");
    assertThatThrownBy(() -> new SameArtistPopularityRecommender(" ")).hasMessageContaining("(got  )");
  }
}
