package dev.polyphony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BprRecommenderTest {
  /** Two clusters: t0..t2 share playlists p0 and p1, t3..t5 share p2 and p3; t6 is in none. */
  private static final int[][] CLUSTERS = {{0, 1}, {0, 1, 2}, {3, 4}, {3, 4, 5}};

  private static FittedRecommender fit(long seed) {
    return new BprRecommender(new BprConfig(8, 200, 0.05, 0.01, seed))
        .fit(PlaylistCatalog.of(EvalFixture.catalogWith(CLUSTERS), "contains"));
  }

  @Test
  void theOtherTrackOfTheClusterRanksFirstAndTracksWithoutPlaylistsLast() {
    for (long seed = 1; seed <= 5; seed++) {
      FittedRecommender model = fit(seed);
      int[] ranking = model.recommend(0, 10);
      assertThat(ranking).as("seed %d", seed).hasSize(5).startsWith(2).endsWith(6);
      ranking = model.recommend(2, 10);
      assertThat(ranking).as("seed %d", seed).hasSize(5).startsWith(5).endsWith(6);
    }
  }

  @Test
  void tracksWithoutTrainingPlaylistsScoreMinusInfinity() {
    float[] scores = new float[7];
    fit(3).score(1, scores);
    assertThat(scores[6]).isEqualTo(Float.NEGATIVE_INFINITY);
    for (int t = 0; t < 6; t++) {
      assertThat(scores[t]).isFinite();
    }
  }

  @Test
  void oneSeedGivesOneModel() {
    float[] a = new float[7];
    float[] b = new float[7];
    float[] c = new float[7];
    for (int p = 0; p < 4; p++) {
      fit(11).score(p, a);
      fit(11).score(p, b);
      fit(12).score(p, c);
      assertThat(b).containsExactly(a);
      assertThat(c).isNotEqualTo(a);
    }
  }

  @Test
  void configRejectsBadValues() {
    assertThatThrownBy(() -> new BprConfig(0, 1, 0.1, 0, 1)).hasMessageContaining("factors must be >= 1 (got 0)");
    assertThatThrownBy(() -> new BprConfig(4, 0, 0.1, 0, 1)).hasMessageContaining("epochs must be >= 1 (got 0)");
    assertThatThrownBy(() -> new BprConfig(4, 1, -0.1, 0, 1)).hasMessageContaining("(got -0.1)");
    assertThatThrownBy(() -> new BprConfig(4, 1, 0.1, Double.NaN, 1)).hasMessageContaining("(got NaN)");
  }
}
