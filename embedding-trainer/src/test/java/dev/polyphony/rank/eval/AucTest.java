package dev.polyphony.rank.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AucTest {
  @Test
  void countsCorrectlyOrderedPairs() {
    // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: three of four pairs in order.
    assertThat(Auc.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new boolean[] {false, false, true, true})).isEqualTo(0.75);
  }

  @Test
  void tiesCountOneHalf() {
    assertThat(Auc.of(new float[] {0.5f, 0.5f, 0.2f}, new boolean[] {true, false, false})).isEqualTo(0.75);
    assertThat(Auc.of(new float[] {1, 1, 1, 1}, new boolean[] {true, false, true, false})).isEqualTo(0.5);
  }

  @Test
  void leavesOutRowsNotIncluded() {
    float[] scores = {0.1f, 0.4f, 0.35f, 0.8f};
    boolean[] labels = {false, false, true, true};
    assertThat(Auc.of(scores, labels, new boolean[] {true, false, true, true})).isEqualTo(1.0);
  }

  @Test
  void isUndefinedWithOneClass() {
    assertThat(Auc.of(new float[] {0.2f, 0.3f}, new boolean[] {true, true})).isNaN();
    assertThat(Auc.of(new float[0], new boolean[0])).isNaN();
  }

  @Test
  void rejectsNaNScoresAndMismatchedLengths() {
    assertThatThrownBy(() -> Auc.of(new float[] {Float.NaN}, new boolean[] {true}))
        .hasMessage("score of row 0 is NaN");
    assertThatThrownBy(() -> Auc.of(new float[2], new boolean[3]))
        .hasMessage("scores, labels and include must have equal lengths (got 2, 3)");
  }
}
