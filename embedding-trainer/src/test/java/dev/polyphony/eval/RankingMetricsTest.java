package dev.polyphony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSet;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final double EPS = 1e-12;
  /** Relevant ids at ranks 2 and 5; id 8 is never ranked. */
  private static final int[] RANKING = {5, 3, 9, 1, 7};
  private static final IntSet RELEVANT = new IntOpenHashSet(new int[] {3, 7, 8});

  @Test
  void hitsCountRelevantIdsInTheFirstK() {
    assertThat(RankingMetrics.hits(RANKING, 1, RELEVANT)).isZero();
    assertThat(RankingMetrics.hits(RANKING, 2, RELEVANT)).isEqualTo(1);
    assertThat(RankingMetrics.hits(RANKING, 5, RELEVANT)).isEqualTo(2);
    assertThat(RankingMetrics.hits(RANKING, 50, RELEVANT)).isEqualTo(2);
  }

  @Test
  void recallDividesByTheNumberOfRelevantIds() {
    assertThat(RankingMetrics.recall(RANKING, 2, RELEVANT)).isCloseTo(1 / 3.0, within(EPS));
    assertThat(RankingMetrics.recall(RANKING, 5, RELEVANT)).isCloseTo(2 / 3.0, within(EPS));
  }

  @Test
  void cappedRecallDividesByTheSmallerOfKAndRelevant() {
    assertThat(RankingMetrics.cappedRecall(RANKING, 2, RELEVANT)).isCloseTo(1 / 2.0, within(EPS));
    assertThat(RankingMetrics.cappedRecall(RANKING, 5, RELEVANT)).isCloseTo(2 / 3.0, within(EPS));
    assertThat(RankingMetrics.cappedRecall(new int[] {3, 7}, 2, RELEVANT)).isEqualTo(1.0);
  }

  @Test
  void ndcgUsesLog2DiscountAndIdealOverMinOfKAndRelevant() {
    // DCG@5 = 1/log2(3) + 1/log2(6); IDCG@5 = 1 + 1/log2(3) + 1/2 (three relevant ids).
    assertThat(RankingMetrics.ndcg(RANKING, 5, RELEVANT)).isCloseTo(0.4776237035032179, within(EPS));
    // DCG@2 = 1/log2(3); IDCG@2 = 1 + 1/log2(3).
    assertThat(RankingMetrics.ndcg(RANKING, 2, RELEVANT)).isCloseTo(0.38685280723454163, within(EPS));
    assertThat(RankingMetrics.ndcg(RANKING, 1, RELEVANT)).isZero();
    assertThat(RankingMetrics.ndcg(new int[] {7, 3, 8, 1}, 3, RELEVANT)).isCloseTo(1.0, within(EPS));
    assertThat(RankingMetrics.idealDcg(2, 3)).isCloseTo(1.6309297535714575, within(EPS));
  }

  @Test
  void aRankingShorterThanKIsScoredAsItIs() {
    IntSet relevant = new IntOpenHashSet(new int[] {4});
    assertThat(RankingMetrics.recall(new int[] {4}, 50, relevant)).isEqualTo(1.0);
    assertThat(RankingMetrics.ndcg(new int[] {4}, 50, relevant)).isCloseTo(1.0, within(EPS));
    assertThat(RankingMetrics.recall(new int[0], 50, relevant)).isZero();
  }

  @Test
  void badQueriesAreRejected() {
    assertThatThrownBy(() -> RankingMetrics.recall(RANKING, 0, RELEVANT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(got 0)");
    assertThatThrownBy(() -> RankingMetrics.ndcg(RANKING, 5, new IntOpenHashSet()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one relevant");
    assertThatThrownBy(() -> RankingMetrics.hits(new int[] {3, 1, 3}, 3, RELEVANT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats id 3 at position 2");
    assertThat(RankingMetrics.hits(new int[] {3, 1, 3}, 2, RELEVANT)).as("repeat beyond k").isEqualTo(1);
  }
}
