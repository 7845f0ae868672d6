package dev.polyphony.graph.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProjectionTest {

  @Test
  void parsesWholeAndMetapaths() {
    assertThat(Projection.parse("whole").isWhole()).isTrue();
    Projection p = Projection.parse("track-playlist-track");
    assertThat(p).isEqualTo(Projection.coOccurrence("track", "playlist"));
    assertThat(p.toString()).isEqualTo("track-playlist-track");
  }

  @Test
  void rejectsPathsThatDoNotReturnToTheirStart() {
    assertThatThrownBy(() -> Projection.parse("track-playlist-artist"))
        .hasMessageContaining("got 'track-playlist-artist'");
    assertThatThrownBy(() -> Projection.parse("track")).hasMessageContaining("whole");
    assertThatThrownBy(() -> Projection.parse("track-track-track")).hasMessageContaining("different");
  }
}
