package dev.polyphony.rank.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeanStdTest {
  @Test
  void sampleStandardDeviationOverTheValuesPresent() {
    MeanStd m = MeanStd.of(List.of(1.0, 2.0, Double.NaN, 3.0));
    assertThat(m.mean()).isEqualTo(2.0);
    assertThat(m.std()).isCloseTo(1.0, within(1e-12));
    assertThat(m.n()).isEqualTo(3);
  }

  @Test
  void oneValueHasNoSpreadAndNoneIsAbsent() {
    assertThat(MeanStd.of(List.of(0.7))).isEqualTo(new MeanStd(0.7, 0, 1));
    assertThat(MeanStd.of(List.of(Double.NaN)).present()).isFalse();
  }
}
