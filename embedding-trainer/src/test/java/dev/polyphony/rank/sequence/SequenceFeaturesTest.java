package dev.polyphony.rank.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankingTasks;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceFeaturesTest {
  @Test
  void appendsTheUsersSummaryAtTheImpressionTimeToEveryRow() {
    ImpressionLog log = new ImpressionLog.Builder(RankingTasks.chain("click", "save"), List.of("f"),
        EnumSet.of(ExposureTrait.FRESH), true)
        .add(0, 7, new float[] {0.5f}, new byte[] {1, 0}, new float[] {1}, new float[] {0.3f, 0.2f})
        .add(0, 8, new float[] {0.6f}, new byte[] {0, 0}, new float[] {0}, new float[] {0.1f, 0.2f})
        .add(1, 7, new float[] {0.7f}, new byte[] {1, 1}, new float[] {1}, new float[] {0.4f, 0.5f})
        .build();
    long day = BehaviourSequencesTest.DAY;

    // Query 0 is user 0 at day 9, query 1 user 0 at day 2 (only the day-1 event is visible).
    ImpressionLog augmented = SequenceFeatures.augment(log, BehaviourSequencesTest.tiny(), new int[] {0, 0},
        new long[] {9 * day, 2 * day});

    assertThat(augmented.featureNames()).containsExactly("f", "seq_last_0", "seq_recent_0", "seq_all_0",
        "seq_last_count", "seq_recent_count", "seq_all_count");
    assertThat(augmented.feature(1, 0)).isEqualTo(0.6f);
    assertThat(augmented.feature(1, 1)).isEqualTo(2.5f);
    assertThat(augmented.feature(2, 1)).isEqualTo(2f);
    assertThat(augmented.feature(2, 3)).isEqualTo(2f);
    assertThat(augmented.feature(2, 6)).isCloseTo((float) Math.log(2), within(1e-6f));
    assertThat(augmented.label(2, 1)).isEqualTo(1);
    assertThat(augmented.item(1)).isEqualTo(8);
    assertThat(augmented.trait(ExposureTrait.FRESH).orElseThrow()).containsExactly(1, 0, 1);
    assertThat(augmented.trueConditional(2, 1)).isCloseTo(0.5, within(1e-6));
    assertThat(augmented.queryCount()).isEqualTo(2);
  }

  @Test
  void drawsImpressionTimesInTheRangeUnderASeed() {
    long[] a = SequenceFeatures.uniformTimes(100, 1000, 2000, 4);
    for (long t : a) {
      assertThat(t).isBetween(1000L, 1999L);
    }
    assertThat(SequenceFeatures.uniformTimes(100, 1000, 2000, 4)).containsExactly(a);
    assertThat(SequenceFeatures.uniformTimes(100, 1000, 2000, 5)).isNotEqualTo(a);
  }
}
