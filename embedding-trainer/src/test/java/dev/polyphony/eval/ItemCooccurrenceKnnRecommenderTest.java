package dev.polyphony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Cosines on the fixture (co-occurrence count over sqrt of both playlist counts): s(t0,t1) = 2/sqrt(6),
 * s(t0,t2) = 1/sqrt(2), s(t0,t3) = 1/2, s(t1,t2) = 1/sqrt(3), s(t1,t3) = 2/sqrt(6), s(t1,t4) = 1/sqrt(6),
 * s(t3,t4) = 1/2, s(t4,t5) = 1/sqrt(2); every other pair 0.
 */
class ItemCooccurrenceKnnRecommenderTest {
  private static FittedRecommender fit(int neighbours, int maxPlaylistLength, int threads) {
    return new ItemCooccurrenceKnnRecommender(new ItemCooccurrenceKnnConfig(neighbours, maxPlaylistLength, threads))
        .fit(EvalFixture.playlistCatalog());
  }

  @Test
  void scoresAreSumsOfCosineSimilaritiesToThePlaylistsTracks() {
    FittedRecommender model = fit(200, 1000, 1);
    float[] scores = new float[7];
    model.score(0, scores);
    assertThat(scores[3]).isCloseTo((float) (0.5 + 2 / Math.sqrt(6)), within(1e-6f));
    assertThat(scores[4]).isCloseTo((float) (1 / Math.sqrt(6)), within(1e-6f));
    assertThat(scores[5]).isZero();
    assertThat(scores[6]).isZero();
    assertThat(model.recommend(0, 10)).containsExactly(3, 4, 5, 6);
    // p3 = {t4, t5}: t3 1/2, t1 1/sqrt(6), then zeros by id
    assertThat(model.recommend(3, 10)).containsExactly(3, 1, 0, 2, 6);
    // p2 = {t1, t3, t4}: t0 2/sqrt(6) + 1/2, t5 1/sqrt(2), t2 1/sqrt(3), t6 0
    assertThat(model.recommend(2, 10)).containsExactly(0, 5, 2, 6);
  }

  @Test
  void eachTrackKeepsOnlyItsMostSimilarNeighbours() {
    // one neighbour each: t4 keeps t5 and t5 keeps t4, both in p3, so nothing else scores for p3
    assertThat(fit(1, 1000, 1).recommend(3, 10)).containsExactly(0, 1, 2, 3, 6);
  }

  @Test
  void playlistsLongerThanTheCapAreNotCounted() {
    // only p3 (2 tracks) counts: t4 and t5 are each other's only neighbour, cosine 1
    FittedRecommender model = fit(200, 2, 1);
    assertThat(model.recommend(2, 10)).containsExactly(5, 0, 2, 6);
    float[] scores = new float[7];
    model.score(2, scores);
    assertThat(scores).containsExactly(0, 0, 0, 0, 0, 1, 0);
  }

  @Test
  void threadsDoNotChangeTheScores() {
    float[] one = new float[7];
    float[] two = new float[7];
    for (int p = 0; p < 4; p++) {
      fit(2, 1000, 1).score(p, one);
      fit(2, 1000, 2).score(p, two);
      assertThat(two).containsExactly(one);
    }
  }

  @Test
  void configRejectsBadValues() {
    assertThatThrownBy(() -> new ItemCooccurrenceKnnConfig(0, 10, 1)).hasMessageContaining("neighbours must be >= 1 (got 0)");
    assertThatThrownBy(() -> new ItemCooccurrenceKnnConfig(5, 1, 1)).hasMessageContaining("(got 1)");
    assertThatThrownBy(() -> new ItemCooccurrenceKnnConfig(5, 10, 0)).hasMessageContaining("threads");
  }
}
