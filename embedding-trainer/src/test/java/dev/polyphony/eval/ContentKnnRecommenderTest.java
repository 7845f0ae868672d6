package dev.polyphony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both fixture columns have mean 1/7 and the same deviation, so after standardisation a track is
 * {@code x - (1/7, 1/7)} up to a common scale, and cosines follow from those shifted vectors.
 */
class ContentKnnRecommenderTest {

  @Test
  void ranksByCosineToThePlaylistCentroidIncludingColdTracks() {
    FittedRecommender model = new ContentKnnRecommender(ContentKnnConfig.allColumns()).fit(EvalFixture.playlistCatalog());
    // p0 = {t0, t1, t2}: t6 (cold, features of t1) 0.9696, t3 0.3645, t5 -0.6152, t4 -0.9696
    assertThat(model.recommend(0, 10)).containsExactly(6, 3, 5, 4);
    // p3 = {t4, t5}: t2 0.5474, t0 -0.2857, t3 -0.8139, t1 = t6 -0.9459 (tie: lower id)
    assertThat(model.recommend(3, 10)).containsExactly(2, 0, 3, 1, 6);

    float[] scores = new float[7];
    model.score(0, scores);
    double[][] z = new double[7][];
    double[] centroid = new double[2];
    for (int t = 0; t < 7; t++) {
      double a = EvalFixture.FEATURES[t][0] - 1 / 7.0;
      double b = EvalFixture.FEATURES[t][1] - 1 / 7.0;
      double norm = Math.hypot(a, b);
      z[t] = new double[] {a / norm, b / norm};
    }
    for (int t : EvalFixture.PLAYLISTS[0]) {
      centroid[0] += z[t][0];
      centroid[1] += z[t][1];
    }
    double length = Math.hypot(centroid[0], centroid[1]);
    for (int t = 0; t < 7; t++) {
      assertThat(scores[t]).as("track %d", t)
          .isCloseTo((float) ((z[t][0] * centroid[0] + z[t][1] * centroid[1]) / length), within(1e-5f));
    }
  }

  @Test
  void comparesOnlyTheChosenColumns() {
    // f1 alone: the sign of f1 - 1/7; p0 sums to -1, so tracks below the mean come first
    FittedRecommender model = new ContentKnnRecommender(new ContentKnnConfig(List.of("f1"))).fit(EvalFixture.playlistCatalog());
    assertThat(model.recommend(0, 10)).containsExactly(4, 5, 3, 6);
  }

  @Test
  void aPlaylistWithoutTrainingTracksScoresZero() {
    var catalog = PlaylistCatalog.of(EvalFixture.without(new int[] {3, 4}, new int[] {3, 5}).build(), "contains");
    float[] scores = new float[7];
    new ContentKnnRecommender(ContentKnnConfig.allColumns()).fit(catalog).score(3, scores);
    assertThat(scores).containsOnly(0f);
  }

  @Test
  void unknownColumnsAreNamed() {
    assertThatThrownBy(() -> new ContentKnnRecommender(new ContentKnnConfig(List.of("tempo"))).fit(EvalFixture.playlistCatalog()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tempo' does not exist");
    assertThatThrownBy(() -> new ContentKnnConfig(List.of("f0", "f0"))).hasMessageContaining("'f0' twice");
  }
}
