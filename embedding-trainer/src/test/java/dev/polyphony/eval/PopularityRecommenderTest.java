package dev.polyphony.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PopularityRecommenderTest {
  private final FittedRecommender model = new PopularityRecommender().fit(EvalFixture.playlistCatalog());

  @Test
  void ranksByTrainingPlaylistCountWithTiesByLowerId() {
    // popularity t0 2, t1 3, t2 1, t3 2, t4 2, t5 1, t6 0
    assertThat(model.recommend(3, 10)).containsExactly(1, 0, 3, 2, 6);
    assertThat(model.recommend(0, 10)).containsExactly(3, 4, 5, 6);
    assertThat(model.recommend(0, 2)).containsExactly(3, 4);
  }

  @Test
  void scoresArePlaylistCounts() {
    float[] scores = new float[7];
    model.score(2, scores);
    assertThat(scores).containsExactly(2, 3, 1, 2, 2, 1, 0);
  }

  @Test
  void heldOutEdgesDoNotCount() {
    // without p2 -> t1 and p3 -> t4: t1 drops to 2, t4 to 1
    var catalog = PlaylistCatalog.of(EvalFixture.without(new int[] {2, 1}, new int[] {3, 4}).build(), "contains");
    assertThat(new PopularityRecommender().fit(catalog).recommend(3, 10)).containsExactly(0, 1, 3, 2, 4, 6);
  }
}
