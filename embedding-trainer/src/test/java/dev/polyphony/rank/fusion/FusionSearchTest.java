package dev.polyphony.rank.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FusionSearchTest {
  private final ImpressionLog log = RankFixtures.smallSplit().validation();
  private final float[] truth = truth(log);
  private final FusionSearch search = new FusionSearch(new CrossEntropyMethod(24, 0.25, 8, 0.7, 0.02, 3));

  @Test
  void findsWeightsAtLeastAsGoodAsTheProduct() {
    LongTermObjective objective = LongTermObjective.deepEngagement(log.tasks(), 10, Map.of());
    double product = objective.evaluate(log, ScoreFusion.product(3).scores(log, truth)).value();

    FusionSearch.Found found = search.search(log, truth, objective);

    assertThat(found.value().value()).isGreaterThanOrEqualTo(product);
    assertThat(found.evaluations()).isEqualTo(1 + 24 * 8);
    assertThat(found.fusion().traitWeights().keySet())
        .containsExactly(ExposureTrait.TAIL_CREATOR, ExposureTrait.FRESH, ExposureTrait.MARGIN);
  }

  @Test
  void creditForTailExposureBuysTailExposure() {
    LongTermObjective objective = LongTermObjective.deepEngagement(log.tasks(), 10, Map.of());

    List<FusionSearch.TradeOffPoint> curve = search.tradeOff(log, truth, objective, ExposureTrait.TAIL_CREATOR,
        new double[] {0, 5});

    double without = curve.get(0).value().exposures().get(ExposureTrait.TAIL_CREATOR);
    double with = curve.get(1).value().exposures().get(ExposureTrait.TAIL_CREATOR);
    assertThat(with).isGreaterThan(without);
    assertThat(curve.get(1).value().ndcg()).isLessThanOrEqualTo(curve.get(0).value().ndcg());
    assertThat(curve.get(1).fusion().traitWeights().get(ExposureTrait.TAIL_CREATOR)).isPositive();
  }

  /** The true entire-space probabilities as predictions. */
  private static float[] truth(ImpressionLog log) {
    float[] p = new float[log.rows() * 3];
    for (int r = 0; r < log.rows(); r++) {
      for (int t = 0; t < 3; t++) {
        p[r * 3 + t] = (float) log.trueJoint(r, t);
      }
    }
    return p;
  }
}
