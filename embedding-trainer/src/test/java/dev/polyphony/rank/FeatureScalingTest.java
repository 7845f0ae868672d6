package dev.polyphony.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureScalingTest {
  @Test
  void usesMeansAndPopulationStandardDeviationsOfTheRows() {
    FeatureScaling s = FeatureScaling.fit(RankFixtures.tinyLog());
    // a = 0..5: mean 2.5, variance 17.5 / 6; b = 10 - a: mean 7.5, same spread.
    assertThat(s.means()).containsExactly(2.5f, 7.5f);
    assertThat(s.scales()[0]).isCloseTo((float) Math.sqrt(17.5 / 6), within(1e-6f));
    assertThat(s.scales()[1]).isCloseTo((float) Math.sqrt(17.5 / 6), within(1e-6f));
  }

  @Test
  void aConstantColumnKeepsScaleOne() {
    ImpressionLog constant = new ImpressionLog(RankingTasks.chain("click"), List.of("c"), new float[] {4, 4, 4},
        new byte[3], new int[] {0, 0, 1}, new int[3], Map.of(), null);
    FeatureScaling s = FeatureScaling.fit(constant);
    assertThat(s.means()).containsExactly(4f);
    assertThat(s.scales()).containsExactly(1f);
  }

  @Test
  void rejectsScalesThatAreNotPositive() {
    assertThatThrownBy(() -> new FeatureScaling(new float[] {0}, new float[] {0}))
        .hasMessage("column 0 needs a finite mean and a scale > 0 (got 0.0, 0.0)");
  }
}
