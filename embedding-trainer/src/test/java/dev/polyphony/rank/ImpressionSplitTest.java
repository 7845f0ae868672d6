package dev.polyphony.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import org.junit.jupiter.api.Test;

class ImpressionSplitTest {
  private final ImpressionLog log = RankFixtures.synthetic(RankFixtures.smallFunnel());

  @Test
  void everyQueryLandsInExactlyOnePart() {
    ImpressionSplit split = ImpressionSplit.byQuery(log, 0.7, 0.15, 5);

    IntOpenHashSet train = queries(split.train());
    IntOpenHashSet validation = queries(split.validation());
    IntOpenHashSet test = queries(split.test());
    assertThat(train.size() + validation.size() + test.size()).isEqualTo(log.queryCount());
    assertThat(train).doesNotContainAnyElementsOf(validation).doesNotContainAnyElementsOf(test);
    assertThat(validation).doesNotContainAnyElementsOf(test);
    assertThat(train).hasSize(560);
    assertThat(validation).hasSize(120);
    assertThat(split.train().rows() + split.validation().rows() + split.test().rows()).isEqualTo(log.rows());
  }

  @Test
  void oneSeedGivesOneSplit() {
    ImpressionSplit a = ImpressionSplit.byQuery(log, 0.7, 0.15, 5);
    ImpressionSplit b = ImpressionSplit.byQuery(log, 0.7, 0.15, 5);
    ImpressionSplit c = ImpressionSplit.byQuery(log, 0.7, 0.15, 6);
    assertThat(queries(b.test())).isEqualTo(queries(a.test()));
    assertThat(queries(c.test())).isNotEqualTo(queries(a.test()));
  }

  @Test
  void rejectsFractionsThatLeaveNoTestPart() {
    assertThatThrownBy(() -> ImpressionSplit.byQuery(log, 0.7, 0.3, 1))
        .hasMessage("validationFraction must be > 0 and leave a test part: trainFraction + validationFraction < 1 "
            + "(got 0.7 + 0.3)");
    assertThatThrownBy(() -> ImpressionSplit.byQuery(log, 0, 0.3, 1))
        .hasMessage("trainFraction must be in (0, 1) (got 0.0)");
  }

  private static IntOpenHashSet queries(ImpressionLog part) {
    IntOpenHashSet out = new IntOpenHashSet();
    for (int r = 0; r < part.rows(); r++) {
      out.add(part.query(r));
    }
    return out;
  }
}
