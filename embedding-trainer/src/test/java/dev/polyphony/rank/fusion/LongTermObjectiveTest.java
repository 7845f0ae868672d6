package dev.polyphony.rank.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongTermObjectiveTest {
  private final ImpressionLog log = RankFixtures.tinyLog();
  // Gains click 1 + save 2: query 0 rows 1, 3, 0; query 1 rows 0, 3, 1.
  private final float[] scores = {0.9f, 0.5f, 0.1f, 0.8f, 0.2f, 0.6f};

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void deepEngagementGainsDoubleDownTheFunnel() {
    LongTermObjective o = LongTermObjective.deepEngagement(log.tasks(), 2, Map.of());
    assertThat(o.gains()).containsExactly(1, 2);
  }

  @Test
  void ndcgOfGradedGainsAndExposureOfTheTopK() {
    LongTermObjective o = LongTermObjective.deepEngagement(log.tasks(), 2, Map.of(ExposureTrait.TAIL_CREATOR, 0.4));

    LongTermObjective.Value v = o.evaluate(log, scores);

    double ideal = 3 + 1 / log2(3);
    double first = (1 + 3 / log2(3)) / ideal;   // ranks gains 1 then 3
    double second = (0 + 1 / log2(3)) / ideal;  // ranks gains 0 then 1
    assertThat(v.ndcg()).isCloseTo((first + second) / 2, within(1e-9));
    // Top 2 of query 0 holds no tail item, of query 1 one of two.
    assertThat(v.exposures().get(ExposureTrait.TAIL_CREATOR)).isCloseTo(0.25, within(1e-9));
    assertThat(v.value()).isCloseTo(v.ndcg() + 0.4 * 0.25, within(1e-9));
  }

  @Test
  void aPerfectRankingScoresOne() {
    LongTermObjective o = LongTermObjective.deepEngagement(log.tasks(), 3, Map.of());
    float[] perfect = {2, 3, 1, 1, 3, 2};
    assertThat(o.evaluate(log, perfect).ndcg()).isCloseTo(1, within(1e-12));
  }

  @Test
  void rejectsNegativeCreditsAndWrongScoreCounts() {
    assertThatThrownBy(() -> new LongTermObjective(10, new double[] {1}, Map.of(ExposureTrait.FRESH, -1.0)))
        .hasMessage("credit of trait fresh must be finite and >= 0 (got -1.0)");
    LongTermObjective o = LongTermObjective.deepEngagement(log.tasks(), 2, Map.of());
    assertThatThrownBy(() -> o.evaluate(log, new float[2]))
        .hasMessage("expected one score per impression: 6 (got 2)");
  }
}
