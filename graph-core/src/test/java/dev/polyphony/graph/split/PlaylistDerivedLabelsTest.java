package dev.polyphony.graph.split;

import static dev.polyphony.graph.split.SplitFixture.CONTAINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistDerivedLabelsTest {
  private static final PlaylistDerivedLabelsConfig GENRE = new PlaylistDerivedLabelsConfig("contains", "genre");
  private final HeteroGraph source = SplitFixture.catalog();

  @Test
  void majorityOfPlaylistGenresWithTiesToTheFirstLabelAsText() {
    PlaylistDerivedLabelsResult r = new PlaylistDerivedLabels(source, GENRE).compute();

    // Dictionary order is rock (0), pop (1); t1 and t3 tie 1:1 and take "pop", which sorts first.
    // t4's second playlist has no genre; t5 is in no playlist.
    assertThat(r.classes()).containsExactly("rock", "pop");
    assertThat(r.labels()).containsExactly(0, 1, 0, 1, 0, -1);
    assertThat(r.votes()).containsExactly(2, 1, 2, 1, 1, 0);
    assertThat(r.labelledCount()).isEqualTo(5);
    assertThat(r.label(1)).isEqualTo("pop");
    assertThat(r.label(5)).isNull();
    assertThat(r.isLabelled(5)).isFalse();
  }

  @Test
  void labelsSeeOnlyTheEdgesOfTheGraphTheyAreGiven() {
    HeteroGraph training = new EdgeRemoval(source)
        .removeEdges(CONTAINS, new int[] {1, 2}, new int[] {1, 4})
        .build();
    PlaylistDerivedLabelsResult r = new PlaylistDerivedLabels(training, GENRE).compute();

    // t1 keeps only p0 (rock); t4 keeps only p3, whose genre is null.
    assertThat(r.labels()).containsExactly(0, 0, 0, 1, -1, -1);
    assertThat(r.votes()).containsExactly(2, 1, 2, 1, 0, 0);
    assertThat(r.labelledCount()).isEqualTo(4);
  }

  @Test
  void coldTracksOfASplitHaveNoTrainingLabel() {
    ColdStartSplitResult split = new ColdStartSplit(source,
        new ColdStartSplitConfig("track", List.of("contains"), 0.4, false, 8)).compute();
    PlaylistDerivedLabelsResult fromTraining = new PlaylistDerivedLabels(split.training(), GENRE).compute();
    PlaylistDerivedLabelsResult fromSource = new PlaylistDerivedLabels(source, GENRE).compute();

    for (int t : split.coldNodes()) {
      assertThat(fromTraining.labels()[t]).isEqualTo(-1);
      assertThat(fromSource.labels()[t]).isNotEqualTo(-1);
    }
    assertThat(fromTraining.labelledCount()).isEqualTo(5 - 2);
  }

  @Test
  void attributeMustBeText() {
    assertThatThrownBy(() -> new PlaylistDerivedLabels(source,
        new PlaylistDerivedLabelsConfig("by_artist", "release_date")).compute())
        .hasMessage("attribute 'release_date' of 'track' is DATE, not STRING");
    assertThatThrownBy(() -> new PlaylistDerivedLabels(source,
        new PlaylistDerivedLabelsConfig("contains", "mood")).compute())
        .hasMessageContaining("'mood'").hasMessageContaining("genre");
    assertThatThrownBy(() -> new PlaylistDerivedLabelsConfig("contains", null))
        .hasMessage("sourceAttribute must be a non-blank name (got null)");
  }
}
