package dev.polyphony.rank.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.CsrAdjacency;
import org.junit.jupiter.api.Test;

class BehaviourSequencesTest {
  static final long DAY = 86_400_000L;

  /** User 0 engaged items 0..3 on days 5, 1, 9, 8; user 1 never. Item i embeds to i + 1. */
  static BehaviourSequences tiny() {
    CsrAdjacency listened = new CsrAdjacency(new int[] {0, 4, 4}, new int[] {0, 1, 2, 3}, null,
        new long[] {5 * DAY, DAY, 9 * DAY, 8 * DAY}, 4);
    return BehaviourSequences.of(listened, new float[] {1, 2, 3, 4}, 1, new SequenceWindows(2, 3));
  }

  @Test
  void summarisesTheLastEventsTheRecentDaysAndAllHistoryBeforeTheMoment() {
    float[] out = new float[6];
    tiny().summarise(0, 9 * DAY, out, 0);

    // Before day 9 (the event at day 9 itself is not visible): items 1, 0, 3 in time order.
    assertThat(out[0]).isEqualTo(2.5f);                      // last 2: items 0 and 3
    assertThat(out[1]).isEqualTo(4f);                        // days 6-9: item 3
    assertThat(out[2]).isCloseTo(7f / 3, within(1e-6f));     // all: items 1, 0, 3
    assertThat(out[3]).isCloseTo((float) Math.log(3), within(1e-6f));
    assertThat(out[4]).isCloseTo((float) Math.log(2), within(1e-6f));
    assertThat(out[5]).isCloseTo((float) Math.log(4), within(1e-6f));
  }

  @Test
  void noHistoryPoolsToZero() {
    float[] out = {9, 9, 9, 9, 9, 9, 9};
    tiny().summarise(0, DAY, out, 1);       // nothing strictly before day 1
    assertThat(out).containsExactly(9, 0, 0, 0, 0, 0, 0);
    tiny().summarise(1, 20 * DAY, out, 0);  // a user without events
    assertThat(out).containsExactly(0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void namesItsFeatures() {
    assertThat(tiny().featureNames()).containsExactly("seq_last_0", "seq_recent_0", "seq_all_0", "seq_last_count",
        "seq_recent_count", "seq_all_count");
  }

  @Test
  void needsTimestampsAndAnEmbeddingPerItem() {
    CsrAdjacency untimed = new CsrAdjacency(new int[] {0, 1}, new int[] {0}, null, null, 1);
    assertThatThrownBy(() -> BehaviourSequences.of(untimed, new float[] {1}, 1, SequenceWindows.defaults()))
        .hasMessage("behaviour sequences need a relation with timestamps");
    CsrAdjacency timed = new CsrAdjacency(new int[] {0, 1}, new int[] {0}, null, new long[] {1}, 2);
    assertThatThrownBy(() -> BehaviourSequences.of(timed, new float[] {1}, 1, SequenceWindows.defaults()))
        .hasMessage("expected 2 x 1 item embedding values (got 1)");
    assertThatThrownBy(() -> new SequenceWindows(0, 7)).hasMessage("lastEvents must be > 0 (got 0)");
  }
}
