package dev.polyphony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class TopKSelectorTest {
  private static final float[] SCORES = {0.5f, 2f, 0.5f, Float.NEGATIVE_INFINITY, 3f, 2f, -1f};

  @Test
  void higherScoresFirstAndTiesByLowerId() {
    assertThat(new TopKSelector(4).select(SCORES, null, new int[0])).containsExactly(4, 1, 5, 0);
    assertThat(new TopKSelector(10).select(SCORES, null, new int[0])).containsExactly(4, 1, 5, 0, 2, 6, 3);
  }

  @Test
  void excludedIdsAreSkipped() {
    assertThat(new TopKSelector(3).select(SCORES, null, new int[] {1, 4})).containsExactly(5, 0, 2);
  }

  @Test
  void onlyCandidatesAreReturned() {
    BitSet candidates = new BitSet();
    candidates.set(2);
    candidates.set(3);
    candidates.set(5);
    assertThat(new TopKSelector(5).select(SCORES, candidates, new int[] {5})).containsExactly(2, 3);
  }

  @Test
  void oneSelectorServesManyQueries() {
    TopKSelector top = new TopKSelector(2);
    assertThat(top.select(SCORES, null, new int[0])).containsExactly(4, 1);
    assertThat(top.select(new float[] {1, 2, 3}, null, new int[] {2})).containsExactly(1, 0);
  }

  @Test
  void nanScoresAndOutOfRangeCandidatesAreErrors() {
    assertThatThrownBy(() -> new TopKSelector(2).select(new float[] {1, Float.NaN}, null, new int[0]))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("id 1 is NaN");
    BitSet beyond = new BitSet();
    beyond.set(7);
    assertThatThrownBy(() -> new TopKSelector(2).select(SCORES, beyond, new int[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidate 7");
    assertThatThrownBy(() -> new TopKSelector(0)).hasMessageContaining("(got 0)");
  }
}
