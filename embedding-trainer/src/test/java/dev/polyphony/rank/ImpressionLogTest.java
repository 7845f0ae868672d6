package dev.polyphony.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImpressionLogTest {
  private final ImpressionLog log = RankFixtures.tinyLog();

  @Test
  void groupsRowsByQuery() {
    assertThat(log.rows()).isEqualTo(6);
    assertThat(log.queryCount()).isEqualTo(2);
    assertThat(log.queryStart(1)).isEqualTo(3);
    assertThat(log.queryEnd(1)).isEqualTo(6);
    assertThat(log.positiveRate(0)).isEqualTo(4 / 6.0);
    assertThat(log.positiveRate(1)).isEqualTo(2 / 6.0);
  }

  @Test
  void trueJointProbabilityIsTheProductDownTheChain() {
    assertThat(log.trueJoint(2, 1)).isCloseTo(0.3 * 0.5, within(1e-7));
    assertThat(log.trueJoint(2, 0)).isCloseTo(0.3, within(1e-7));
    assertThat(log.trueConditional(2, 1)).isEqualTo(0.5);
  }

  @Test
  void selectingQueriesKeepsTheirRowsAndColumns() {
    ImpressionLog second = log.selectQueries(new int[] {1});
    assertThat(second.rows()).isEqualTo(3);
    assertThat(second.item(2)).isEqualTo(14);
    assertThat(second.feature(0, 1)).isEqualTo(7f);
    assertThat(second.trait(ExposureTrait.TAIL_CREATOR).orElseThrow()).containsExactly(0f, 0f, 1f);
    assertThat(second.trueConditional(0, 0)).isCloseTo(0.4, within(1e-7));
  }

  @Test
  void rejectsAConversionWithoutItsParent() {
    assertThatThrownBy(() -> new ImpressionLog(RankFixtures.CLICK_SAVE, List.of("a"), new float[] {1, 2},
        new byte[] {1, 1, 0, 1}, new int[] {0, 0}, new int[] {1, 2}, Map.of(), null))
        .hasMessage("row 1: task 'save' is 1 but its parent 'click' is 0");
  }

  @Test
  void rejectsSplitQueriesBadLabelsAndTraitsOutOfRange() {
    assertThatThrownBy(() -> new ImpressionLog(RankFixtures.CLICK_SAVE, List.of("a"), new float[3],
        new byte[6], new int[] {0, 1, 0}, new int[3], Map.of(), null))
        .hasMessage("row 2: the rows of query 0 are not contiguous");
    assertThatThrownBy(() -> new ImpressionLog(RankFixtures.CLICK_SAVE, List.of("a"), new float[1],
        new byte[] {2, 0}, new int[1], new int[1], Map.of(), null))
        .hasMessage("row 0: label of task 'click' must be 0 or 1 (got 2)");
    assertThatThrownBy(() -> new ImpressionLog(RankFixtures.CLICK_SAVE, List.of("a"), new float[1],
        new byte[2], new int[1], new int[1], Map.of(ExposureTrait.MARGIN, new float[] {1.5f}), null))
        .hasMessage("row 0: trait 'margin' must be in [0, 1] (got 1.5)");
    assertThatThrownBy(() -> new ImpressionLog(RankFixtures.CLICK_SAVE, List.of("a"), new float[] {Float.NaN},
        new byte[2], new int[1], new int[1], Map.of(), null))
        .hasMessage("row 0: feature 'a' is not finite (got NaN)");
  }

  @Test
  void theBuilderChecksRowWidths() {
    ImpressionLog.Builder b = new ImpressionLog.Builder(RankFixtures.CLICK_SAVE, List.of("a"), Set.of(), false);
    assertThatThrownBy(() -> b.add(0, 0, new float[2], new byte[2], new float[0], null))
        .hasMessage("impression of query 0 has 2 features, 2 labels and 0 traits; expected 1, 2 and 0");
    assertThatThrownBy(() -> b.add(0, 0, new float[1], new byte[2], new float[0], new float[2]))
        .hasMessage("impression of query 0 has true probabilities the log does not carry");
  }
}
