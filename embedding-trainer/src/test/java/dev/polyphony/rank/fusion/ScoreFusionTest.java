package dev.polyphony.rank.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreFusionTest {
  private final ImpressionLog log = RankFixtures.tinyLog();
  private final float[] predictions = {0.5f, 0.1f, 0.6f, 0.3f, 0.2f, 0f, 0.4f, 0.1f, 0.7f, 0.35f, 0.9f, 0.3f};

  @Test
  void weighsLogProbabilitiesAndTraits() {
    ScoreFusion f = new ScoreFusion(new double[] {1, 2}, Map.of(ExposureTrait.TAIL_CREATOR, 0.5));

    float[] s = f.scores(log, predictions);

    assertThat(s[0]).isCloseTo((float) (Math.log(0.5) + 2 * Math.log(0.1)), within(1e-5f));
    // Row 2 is a tail item and its save probability 0 is floored at 1e-6.
    assertThat(s[2]).isCloseTo((float) (Math.log(0.2) + 2 * Math.log(1e-6) + 0.5), within(1e-4f));
  }

  @Test
  void theProductRanksByTheJointProbability() {
    float[] s = ScoreFusion.product(2).scores(log, predictions);
    assertThat(s[5]).isCloseTo((float) Math.log(0.9 * 0.3), within(1e-5f));
  }

  @Test
  void rejectsATraitTheLogLacksAndTooFewWeights() {
    ScoreFusion fresh = new ScoreFusion(new double[] {1, 1}, Map.of(ExposureTrait.FRESH, 1.0));
    assertThatThrownBy(() -> fresh.scores(log, predictions))
        .hasMessage("the fusion weighs trait fresh but the log has none");
    assertThatThrownBy(() -> ScoreFusion.product(3).scores(log, predictions))
        .hasMessage("the fusion has 3 task weights, the log 2 tasks");
  }
}
