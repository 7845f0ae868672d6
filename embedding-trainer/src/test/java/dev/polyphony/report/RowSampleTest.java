package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RowSampleTest {
  @Test
  void keepsEveryRowWhenThereAreFewEnough() {
    assertThat(RowSample.choose(4, 4, 1)).containsExactly(0, 1, 2, 3);
    assertThat(RowSample.choose(3, 10, 1)).containsExactly(0, 1, 2);
    assertThat(RowSample.choose(0, 10, 1)).isEmpty();
  }

  @Test
  void drawsDistinctSortedRowsRepeatablyBySeed() {
    int[] a = RowSample.choose(1000, 50, 42);
    assertThat(a).hasSize(50).isSorted();
    assertThat(Arrays.stream(a).distinct().count()).isEqualTo(50);
    assertThat(a[0]).isGreaterThanOrEqualTo(0);
    assertThat(a[49]).isLessThan(1000);
    assertThat(RowSample.choose(1000, 50, 42)).isEqualTo(a);
    assertThat(RowSample.choose(1000, 50, 43)).isNotEqualTo(a);
  }

  @Test
  void everyRowIsEquallyLikely() {
    int[] picked = new int[10];
    int draws = 20_000;
    for (int seed = 0; seed < draws; seed++) {
      for (int row : RowSample.choose(10, 3, seed)) {
        picked[row]++;
      }
    }
    // Expected 6000 per row; the standard deviation is about 65.
    for (int count : picked) {
      assertThat(count).isBetween(5700, 6300);
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> RowSample.choose(-1, 3, 0)).hasMessage("rows must be >= 0 (got -1)");
    assertThatThrownBy(() -> RowSample.choose(5, 0, 0)).hasMessage("max must be > 0 (got 0)");
  }
}
