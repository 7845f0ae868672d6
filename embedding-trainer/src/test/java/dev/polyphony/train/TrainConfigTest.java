package dev.polyphony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainConfigTest {
  @Test
  void rejectsBadValuesQuotingThem() {
    assertThatThrownBy(() -> new TrainConfig(0, 1, 0.1, 0, "r:1", 0, 0)).hasMessage("epochs must be > 0 (got 0)");
    assertThatThrownBy(() -> new TrainConfig(1, -2, 0.1, 0, "r:1", 0, 0)).hasMessage("batchSize must be > 0 (got -2)");
    assertThatThrownBy(() -> new TrainConfig(1, 1, Double.NaN, 0, "r:1", 0, 0)).hasMessageContaining("(got NaN)");
    assertThatThrownBy(() -> new TrainConfig(1, 1, 0.1, -1, "r:1", 0, 0)).hasMessageContaining("(got -1.0)");
    assertThatThrownBy(() -> new TrainConfig(1, 1, 0.1, 0, "r:x", 0, 0)).hasMessageContaining("'x'");
    assertThatThrownBy(() -> new TrainConfig(1, 1, 0.1, 0, "r:1", -1, 0)).hasMessageContaining("(got -1)");
  }

  @Test
  void samplingUsesTheFanoutsAndTheRunSeed() {
    TrainConfig config = TrainConfig.defaults("cites:25;cites:10").withSeed(9);

    assertThat(config.sampling().fanoutSpec()).isEqualTo("cites:25;cites:10");
    assertThat(config.sampling().seed()).isEqualTo(9);
    assertThat(config.withEpochs(3).epochs()).isEqualTo(3);
  }
}
