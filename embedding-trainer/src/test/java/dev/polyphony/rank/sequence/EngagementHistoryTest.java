package dev.polyphony.rank.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankingTasks;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementHistoryTest {
  /** User 0 sees items 3 (clicked), 1, 2 (clicked); user 1 sees item 1 (clicked). */
  private static ImpressionLog log() {
    return new ImpressionLog.Builder(RankingTasks.chain("click", "save"), List.of("item_0", "item_1", "x"),
        EnumSet.noneOf(ExposureTrait.class), false)
        .add(0, 3, new float[] {0.3f, 3f, 9}, new byte[] {1, 0}, new float[0], null)
        .add(0, 1, new float[] {0.1f, 1f, 9}, new byte[] {0, 0}, new float[0], null)
        .add(0, 2, new float[] {0.2f, 2f, 9}, new byte[] {1, 1}, new float[0], null)
        .add(1, 1, new float[] {0.1f, 1f, 9}, new byte[] {1, 0}, new float[0], null)
        .build();
  }

  @Test
  void theClickedRowsBecomeTimestampedEventsSortedByItem() {
    CsrAdjacency clicks = EngagementHistory.of(log(), 0, new long[] {10, 20, 30, 40}, 2, 4);

    assertThat(clicks.neighbors(0)).containsExactly(2, 3);
    assertThat(clicks.timestamp(clicks.start(0))).isEqualTo(30);
    assertThat(clicks.timestamp(clicks.start(0) + 1)).isEqualTo(10);
    assertThat(clicks.neighbors(1)).containsExactly(1);
    assertThat(EngagementHistory.of(log(), 1, new long[] {10, 20, 30, 40}, 2, 4).neighbors(0)).containsExactly(2);
  }

  @Test
  void readsItemEmbeddingsFromTheItemColumns() {
    assertThat(EngagementHistory.itemEmbeddings(log(), "item_", 2, 5))
        .containsExactly(0, 0, 0.1f, 1f, 0.2f, 2f, 0.3f, 3f, 0, 0);
  }

  @Test
  void anImpressionSeesOnlyTheClicksOfEarlierImpressions() {
    long[] times = {10, 20, 30, 40};
    BehaviourSequences sequences = BehaviourSequences.of(EngagementHistory.of(log(), 0, times, 2, 4),
        EngagementHistory.itemEmbeddings(log(), "item_", 2, 4), 2, new SequenceWindows(5, 1));
    ImpressionLog augmented = SequenceFeatures.augmentRows(log(), sequences, new int[] {0, 1}, times);

    int all = augmented.featureNames().indexOf("seq_all_0");
    assertThat(augmented.feature(0, all)).isZero();                       // first impression: no history
    assertThat(augmented.feature(1, all)).isCloseTo(0.3f, org.assertj.core.api.Assertions.within(1e-6f));
    assertThat(augmented.feature(2, all)).isCloseTo(0.3f, org.assertj.core.api.Assertions.within(1e-6f));  // not its own click
    assertThat(augmented.feature(3, all)).isZero();                       // user 1's only click is this row
  }
}
