package dev.polyphony.graph.split;

import static dev.polyphony.graph.split.SplitFixture.BY_ARTIST;
import static dev.polyphony.graph.split.SplitFixture.CONTAINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalSplitTest {
  private static final LocalDate CUTOFF = LocalDate.of(2020, 1, 1);
  private final HeteroGraph source = SplitFixture.catalog();

  private TemporalSplitResult split(NullDateSide nulls, boolean isolate) {
    return new TemporalSplit(source, new TemporalSplitConfig("track", "release_date", CUTOFF,
        List.of("contains"), nulls, isolate)).compute();
  }

  @Test
  void tracksReleasedOnOrAfterTheCutoffAreHeldOutWithTheirPlaylists() {
    TemporalSplitResult r = split(NullDateSide.TRAINING, true);

    // t2 (2020-01-01, on the cutoff), t4 (2021) and t5 (2022, no playlist) are later; t3 has no date.
    assertThat(r.heldOutNodes()).containsExactly(2, 4, 5);
    assertThat(r.trainingNodes()).isEqualTo(3);
    assertThat(r.nullDateNodes()).isEqualTo(1);
    assertThat(r.nullDates()).isEqualTo(NullDateSide.TRAINING);
    EdgeList targets = r.holdOut().heldOutEdges(CONTAINS);
    assertThat(targets.src()).containsExactly(0, 2, 2, 3);
    assertThat(targets.dst()).containsExactly(2, 2, 4, 4);
    assertThat(targets.weights()).containsExactly(3f, 8f, 9f, 10f);
    assertThat(targets.timestamps()).containsExactly(300L, 800L, 900L, 1000L);

    HeteroGraph expectedTraining = SplitFixture.catalogWith(e ->
        !(e.type().equals(CONTAINS) ? e.dst() == 2 || e.dst() == 4 : e.src() == 2 || e.src() == 4 || e.src() == 5));
    HeteroGraph expectedInference = SplitFixture.catalogWith(e ->
        !(e.type().equals(CONTAINS) && (e.dst() == 2 || e.dst() == 4)));
    for (var type : source.schema().edgeTypes()) {
      assertThat(r.training().out(type)).as("training %s", type).isEqualTo(expectedTraining.out(type));
      assertThat(r.training().in(type)).as("training %s", type).isEqualTo(expectedTraining.in(type));
      assertThat(r.inference().out(type)).as("inference %s", type).isEqualTo(expectedInference.out(type));
      assertThat(r.inference().in(type)).as("inference %s", type).isEqualTo(expectedInference.in(type));
    }
    LeakageAssertions.assertAbsent(r.training(), targets);
    LeakageAssertions.assertAbsent(r.inference(), targets);
    LeakageAssertions.assertNodesUnchanged(source, r.training());
  }

  @Test
  void nullDatesGoToTheConfiguredSideAndAreCounted() {
    TemporalSplitResult r = split(NullDateSide.HELD_OUT, false);

    assertThat(r.heldOutNodes()).containsExactly(2, 3, 4, 5);
    assertThat(r.trainingNodes()).isEqualTo(2);
    assertThat(r.nullDateNodes()).isEqualTo(1);
    EdgeList targets = r.holdOut().heldOutEdges(CONTAINS);
    assertThat(targets.src()).containsExactly(0, 0, 1, 2, 2, 3);
    assertThat(targets.dst()).containsExactly(2, 3, 3, 2, 4, 4);
    assertThat(r.training()).isSameAs(r.inference());
    assertThat(r.training().out(BY_ARTIST)).isSameAs(source.out(BY_ARTIST));
    assertThat(r.training().out(CONTAINS).neighbors(0)).containsExactly(0, 1);
    assertThat(r.training().out(CONTAINS).neighbors(1)).containsExactly(1);
    assertThat(r.training().out(CONTAINS).neighbors(2)).containsExactly(0);
    assertThat(r.training().out(CONTAINS).neighbors(3)).isEmpty();
  }

  @Test
  void repeatedRunsAreEqual() {
    assertThat(split(NullDateSide.TRAINING, true)).isEqualTo(split(NullDateSide.TRAINING, true));
  }

  @Test
  void attributeMustBeADate() {
    assertThatThrownBy(() -> new TemporalSplit(source, new TemporalSplitConfig("playlist", "genre", CUTOFF,
        List.of("contains"), NullDateSide.TRAINING, true)).compute())
        .hasMessage("attribute 'genre' of 'playlist' is STRING, not DATE");
    assertThatThrownBy(() -> new TemporalSplit(source, new TemporalSplitConfig("track", "released", CUTOFF,
        List.of("contains"), NullDateSide.TRAINING, true)).compute())
        .hasMessageContaining("'released'").hasMessageContaining("release_date");
  }

  @Test
  void configRejectsMissingValues() {
    assertThatThrownBy(() -> new TemporalSplitConfig("track", "release_date", null, List.of("contains"),
        NullDateSide.TRAINING, true)).hasMessageContaining("cutoff").hasMessageContaining("got null");
    assertThatThrownBy(() -> new TemporalSplitConfig("track", "", CUTOFF, List.of("contains"),
        NullDateSide.TRAINING, true)).hasMessage("dateAttribute must be a non-blank name (got '')");
    assertThatThrownBy(() -> new TemporalSplitConfig("track", "release_date", CUTOFF, List.of("contains"),
        null, true)).hasMessageContaining("nullDates");
  }
}
