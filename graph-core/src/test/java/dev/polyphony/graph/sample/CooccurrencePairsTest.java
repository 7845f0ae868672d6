package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CooccurrencePairsTest {
  private static final byte T = 1;
  private static final byte P = 0;
  private final SmallGraphs.Catalog c = new SmallGraphs.Catalog();

  /** Walk 0: t0 p0 t1 p1 t2; walk 1: t3 p2 t3. */
  private Walks fixedWalks() {
    return new Walks(c.schema, new int[] {0, 5, 8}, new int[] {0, 0, 1, 1, 2, 3, 2, 3},
        new byte[] {T, P, T, P, T, T, P, T});
  }

  private static List<String> pairs(CooccurrencePairs pairs) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      out.add(pairs.centerType(i).name().charAt(0) + "" + pairs.center(i) + "-"
          + pairs.contextType(i).name().charAt(0) + pairs.context(i));
    }
    return out;
  }

  @Test
  void windowOnePairsEachPositionWithItsNeighboursInOrder() {
    CooccurrencePairs p = CooccurrencePairs.extract(fixedWalks(), CooccurrenceConfig.anyType(1));

    assertThat(pairs(p)).containsExactly(
        "t0-p0", "p0-t0", "p0-t1", "t1-p0", "t1-p1", "p1-t1", "p1-t2", "t2-p1",
        "t3-p2", "p2-t3", "p2-t3", "t3-p2");
  }

  @Test
  void windowTwoReachesTwoPositionsOnEachSideWithoutCrossingWalks() {
    CooccurrencePairs p = CooccurrencePairs.extract(fixedWalks(), CooccurrenceConfig.anyType(2));

    assertThat(pairs(p)).containsExactly(
        "t0-p0", "t0-t1",
        "p0-t0", "p0-t1", "p0-p1",
        "t1-t0", "t1-p0", "t1-p1", "t1-t2",
        "p1-p0", "p1-t1", "p1-t2",
        "t2-t1", "t2-p1",
        "t3-p2", "p2-t3", "p2-t3", "t3-p2");
  }

  @Test
  void trackTrackPairsComeFromTracksSharingAPlaylistAndSkipSelfPairs() {
    CooccurrencePairs p = CooccurrencePairs.extract(fixedWalks(), CooccurrenceConfig.sameType(2, c.track));

    assertThat(pairs(p)).containsExactly("t0-t1", "t1-t0", "t1-t2", "t2-t1");
    assertThat(p.centers()).containsExactly(0, 1, 1, 2);
    assertThat(p.contexts()).containsExactly(1, 0, 2, 1);
    assertThat(p.bytes()).isEqualTo(40);

    CooccurrencePairs withSelf = CooccurrencePairs.extract(fixedWalks(),
        new CooccurrenceConfig(2, c.track, c.track, true));
    assertThat(pairs(withSelf)).containsExactly("t0-t1", "t1-t0", "t1-t2", "t2-t1", "t3-t3", "t3-t3");
  }

  @Test
  void centreAndContextTypesFilterIndependently() {
    CooccurrencePairs p = CooccurrencePairs.extract(fixedWalks(),
        new CooccurrenceConfig(1, c.playlist, c.track, false));

    assertThat(pairs(p)).containsExactly("p0-t0", "p0-t1", "p1-t1", "p1-t2", "p2-t3", "p2-t3");
  }

  @Test
  void pairsOfGeneratedWalksAreDeterministic() {
    RandomWalker walker = RandomWalker.metapath(c.graph, c.trackPlaylistTrack());
    WalkConfig config = WalkConfig.uniform(6, 4, 5);
    CooccurrenceConfig window = CooccurrenceConfig.sameType(2, c.track);

    CooccurrencePairs a = CooccurrencePairs.extract(walker.walk(config), window);
    CooccurrencePairs b = CooccurrencePairs.extract(walker.walk(config), window);

    assertThat(a).isEqualTo(b);
    assertThat(a.size()).isPositive();
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.centerType(i)).isEqualTo(c.track);
      assertThat(a.contextType(i)).isEqualTo(c.track);
    }
  }

  @Test
  void windowMustBePositive() {
    assertThatThrownBy(() -> CooccurrenceConfig.anyType(0)).hasMessage("window must be > 0 (got 0)");
  }
}
