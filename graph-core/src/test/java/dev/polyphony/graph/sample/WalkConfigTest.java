package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalkConfigTest {

  @Test
  void invalidValuesAreRefusedQuotingThem() {
    assertThatThrownBy(() -> WalkConfig.uniform(0, 1, 1)).hasMessage("walkLength must be > 0 (got 0)");
    assertThatThrownBy(() -> WalkConfig.uniform(5, -2, 1)).hasMessage("walksPerNode must be > 0 (got -2)");
    assertThatThrownBy(() -> WalkConfig.uniform(5, 1, 1).withRestartProbability(1))
        .hasMessage("restartProbability must be in [0, 1) (got 1.0)");
    assertThatThrownBy(() -> WalkConfig.uniform(5, 1, 1).withBias(0, 1))
        .hasMessage("p must be a finite number > 0 (got 0.0)");
    assertThatThrownBy(() -> WalkConfig.uniform(5, 1, 1).withBias(1, Double.NaN))
        .hasMessage("q must be a finite number > 0 (got NaN)");
  }

  @Test
  void uniformIsUnbiasedAndWithersChangeOneField() {
    WalkConfig c = WalkConfig.uniform(10, 3, 7);
    assertThat(c.isBiased()).isFalse();
    assertThat(c.withBias(1, 2).isBiased()).isTrue();
    assertThat(c.withWalksPerNode(5)).isEqualTo(new WalkConfig(10, 5, 0, 1, 1, 7));
    assertThat(c.withWalkLength(4).withSeed(9).withRestartProbability(0.25))
        .isEqualTo(new WalkConfig(4, 3, 0.25, 1, 1, 9));
  }
}
