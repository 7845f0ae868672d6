package dev.polyphony.rank.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SatisfactionModelTest {
  private final SatisfactionModel model = new SatisfactionModel(SatisfactionConfig.defaults());
  private final double[] clicks = {0.4, 0.4, 0.2, 0.2, 0.3};
  private final boolean[] fresh = {true, false, false, false, false};

  @Test
  void measuresFitDiversityAndFreshnessOfASlate() {
    SatisfactionModel.SlateQuality q = SatisfactionModel.SlateQuality.of(clicks, new int[] {1, 1, 2, 1, 3}, fresh);

    assertThat(q.fit()).isCloseTo(0.3, within(1e-12));
    assertThat(q.diversity()).isEqualTo(0.5);  // 3 genres of 5: (3 - 1) / (5 - 1)
    assertThat(q.fresh()).isEqualTo(0.2);
  }

  @Test
  void aDiverseSlateRaisesSatisfactionAndContinuationAtEqualFit() {
    SatisfactionModel.SlateQuality narrow = SatisfactionModel.SlateQuality.of(clicks, new int[] {1, 1, 1, 1, 1}, fresh);
    SatisfactionModel.SlateQuality diverse = SatisfactionModel.SlateQuality.of(clicks, new int[] {1, 2, 3, 4, 5}, fresh);

    // q = 3 fit + 1.2 diversity + 1 fresh; s' = 0.5 * 1.5 + 0.5 q; continuation sigmoid(-3 + 3 s').
    assertThat(model.quality(narrow)).isCloseTo(1.1, within(1e-12));
    assertThat(model.quality(diverse)).isCloseTo(2.3, within(1e-12));
    assertThat(model.next(1.5, narrow)).isCloseTo(1.3, within(1e-12));
    assertThat(model.next(1.5, diverse)).isCloseTo(1.9, within(1e-12));
    assertThat(model.continuation(1.3)).isCloseTo(1 / (1 + Math.exp(-0.9)), within(1e-12));
    assertThat(model.continuation(1.9)).isCloseTo(1 / (1 + Math.exp(-2.7)), within(1e-12));
    // Expected session length under a constant slate is 1 / (1 - continuation) at the fixed point s = q.
    assertThat(1 / (1 - model.continuation(model.quality(diverse))))
        .isGreaterThan(3 * (1 / (1 - model.continuation(model.quality(narrow)))));
  }

  @Test
  void rewardsClicksAndSaves() {
    assertThat(model.reward(3, 2)).isEqualTo(5.0);
  }

  @Test
  void rejectsBadParametersQuotingThem() {
    assertThatThrownBy(() -> new SatisfactionConfig(1, 1, 3, 1, 1, -3, 3, 1))
        .hasMessage("memory must be in [0, 1) (got 1.0)");
    assertThatThrownBy(() -> new SatisfactionConfig(1, 0.5, 3, 1, 1, -3, 3, -1))
        .hasMessage("saveReward must be a finite number >= 0 (got -1.0)");
    assertThatThrownBy(() -> SatisfactionModel.SlateQuality.of(new double[0], new int[0], new boolean[0]))
        .hasMessageContaining("got 0, 0 and 0");
  }
}
