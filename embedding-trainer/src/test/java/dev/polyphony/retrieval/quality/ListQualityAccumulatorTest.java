package dev.polyphony.retrieval.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class ListQualityAccumulatorTest {
  private static final double EPS = 1e-12;
  private static final IntPredicate TAIL = Set.of(1, 4, 5)::contains;
  private static final IntPredicate FRESH = Set.of(3)::contains;

  private static IntOpenHashSet set(int... ids) {
    return new IntOpenHashSet(ids);
  }

  @Test
  void recallSharesAndCoverageOfTwoKnownLists() {
    ListQualityAccumulator lists = new ListQualityAccumulator(3, TAIL, FRESH, 10);
    lists.add(new int[] {1, 2, 3}, set(2, 9));
    lists.add(new int[] {4, 5}, set(5));
    ListQuality q = lists.result();
    assertThat(q.lists()).isEqualTo(2);
    assertThat(q.meanLength()).isEqualTo(2.5);
    assertThat(q.recall()).isCloseTo((0.5 + 1.0) / 2, within(EPS));
    assertThat(q.tailShare()).isCloseTo((1 / 3.0 + 2 / 2.0) / 2, within(EPS));
    assertThat(q.freshShare()).isCloseTo((1 / 3.0 + 0) / 2, within(EPS));
    assertThat(q.distinctTracks()).isEqualTo(5);
    assertThat(q.coverage()).isEqualTo(0.5);
  }

  @Test
  void onlyTheFirstKTracksCount() {
    ListQualityAccumulator lists = new ListQualityAccumulator(2, TAIL, FRESH, 4);
    lists.add(new int[] {6, 7, 3, 1}, set(3));
    ListQuality q = lists.result();
    assertThat(q.recall()).isZero();
    assertThat(q.meanLength()).isEqualTo(2.0);
    assertThat(q.freshShare()).isZero();
    assertThat(q.tailShare()).isZero();
    assertThat(q.distinctTracks()).isEqualTo(2);
    assertThat(q.coverage()).isEqualTo(0.5);
  }

  @Test
  void anEmptyListScoresZeroRecallAndLeavesTheSharesAlone() {
    ListQualityAccumulator lists = new ListQualityAccumulator(3, TAIL, FRESH, 10);
    lists.add(new int[0], set(1));
    lists.add(new int[] {1}, set(1));
    ListQuality q = lists.result();
    assertThat(q.recall()).isEqualTo(0.5);
    assertThat(q.meanLength()).isEqualTo(0.5);
    assertThat(q.tailShare()).isEqualTo(1.0);
    assertThat(q.freshShare()).isZero();
  }

  @Test
  void unknownPropertiesGiveNullSharesAndNoListsGiveZeros() {
    ListQualityAccumulator lists = new ListQualityAccumulator(3, null, null, 10);
    assertThat(lists.result()).isEqualTo(new ListQuality(0, 0, 0, null, null, 0, 0));
    lists.add(new int[] {1, 3}, set(3));
    assertThat(lists.result().tailShare()).isNull();
    assertThat(lists.result().freshShare()).isNull();
    assertThat(lists.result().recall()).isEqualTo(1.0);
  }

  @Test
  void rejectsBadArgumentsAndRepeatedTracks() {
    assertThatThrownBy(() -> new ListQualityAccumulator(0, TAIL, FRESH, 10)).hasMessage("k must be > 0 (got 0)");
    assertThatThrownBy(() -> new ListQualityAccumulator(5, TAIL, FRESH, 0))
        .hasMessage("candidateTracks must be > 0 (got 0)");
    ListQualityAccumulator lists = new ListQualityAccumulator(3, TAIL, FRESH, 10);
    assertThatThrownBy(() -> lists.add(new int[] {2, 2}, set(2))).hasMessage("ranking repeats id 2 at position 1");
    assertThatThrownBy(() -> lists.add(new int[] {1}, set()))
        .hasMessage("a query needs at least one relevant id (got none)");
  }
}
