package dev.polyphony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SageEncoderConfigTest {
  @Test
  void rejectsBadValuesQuotingThem() {
    assertThatThrownBy(() -> SageEncoderConfig.builder().layers(0).build()).hasMessage("layers must be >= 1 (got 0)");
    assertThatThrownBy(() -> SageEncoderConfig.builder().hiddenDim(-1).build()).hasMessageContaining("(got -1)");
    assertThatThrownBy(() -> SageEncoderConfig.builder().dropout(1).build()).hasMessageContaining("(got 1.0)");
    assertThatThrownBy(() -> SageEncoderConfig.builder().outputDim(5).build())
        .hasMessageContaining("outputDim must be even with CONCAT").hasMessageContaining("(got 5)");
    assertThatThrownBy(() -> SageEncoderConfig.builder().inputProjectionDim(-3).build()).hasMessageContaining("(got -3)");
  }

  @Test
  void oddWidthsAreFineWhenSummed() {
    SageEncoderConfig config = SageEncoderConfig.builder().combination(Combination.SUM).hiddenDim(7).outputDim(5).build();

    assertThat(config.layerDim(1)).isEqualTo(7);
    assertThat(config.layerDim(2)).isEqualTo(5);
    assertThat(config.toBuilder().build()).isEqualTo(config);
  }
}
