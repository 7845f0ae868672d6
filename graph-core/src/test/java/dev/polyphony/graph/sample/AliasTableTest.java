package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AliasTableTest {

  @Test
  void columnsEncodeExactlyTheNormalisedWeights() {
    double[] p = new AliasTable(new double[] {1, 2, 3, 0, 4}).probabilities();

    assertThat(p[0]).isCloseTo(0.1, within(1e-9));
    assertThat(p[1]).isCloseTo(0.2, within(1e-9));
    assertThat(p[2]).isCloseTo(0.3, within(1e-9));
    assertThat(p[3]).isZero();
    assertThat(p[4]).isCloseTo(0.4, within(1e-9));
  }

  @Test
  void drawFrequenciesMatchTheWeightsAndZeroWeightsAreNeverDrawn() {
    AliasTable table = new AliasTable(new double[] {1, 2, 3, 0, 4});
    SplittableRandom random = new SplittableRandom(3);
    int[] counts = new int[5];
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      counts[table.sample(random)]++;
    }

    assertThat(counts[3]).isZero();
    assertThat((double) counts[0] / draws).isCloseTo(0.1, within(0.004));
    assertThat((double) counts[1] / draws).isCloseTo(0.2, within(0.004));
    assertThat((double) counts[2] / draws).isCloseTo(0.3, within(0.004));
    assertThat((double) counts[4] / draws).isCloseTo(0.4, within(0.004));
  }

  @Test
  void skewedWeightsOverManyIndexesStayExact() {
    double[] w = new double[1000];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.pow(i + 1, -1.5);
      sum += w[i];
    }
    double[] p = new AliasTable(w).probabilities();
    for (int i = 0; i < w.length; i++) {
      assertThat(p[i]).isCloseTo(w[i] / sum, within(1e-9));
    }
  }

  @Test
  void singleWeightAlwaysAnswersItsIndexAndSeedsRepeat() {
    AliasTable one = new AliasTable(new double[] {0.3});
    assertThat(one.sample(new SplittableRandom(1))).isZero();

    AliasTable table = new AliasTable(new double[] {5, 1, 1});
    SplittableRandom a = new SplittableRandom(8);
    SplittableRandom b = new SplittableRandom(8);
    for (int i = 0; i < 100; i++) {
      assertThat(table.sample(a)).isEqualTo(table.sample(b));
    }
    assertThat(table.size()).isEqualTo(3);
    assertThat(table.bytes()).isEqualTo(24);
  }

  @Test
  void invalidWeightsAreRefusedNamingTheIndex() {
    assertThatThrownBy(() -> new AliasTable(new double[0])).hasMessageContaining("at least one weight");
    assertThatThrownBy(() -> new AliasTable(new double[] {1, -1}))
        .hasMessage("weight 1 must be finite and >= 0 (got -1.0)");
    assertThatThrownBy(() -> new AliasTable(new double[] {Double.NaN}))
        .hasMessage("weight 0 must be finite and >= 0 (got NaN)");
    assertThatThrownBy(() -> new AliasTable(new double[] {0, 0}))
        .hasMessage("weights must have a finite positive sum (got 0.0)");
  }
}
