package dev.polyphony.graph.io;

import static dev.polyphony.graph.io.SpotifySongsSchema.ALBUM;
import static dev.polyphony.graph.io.SpotifySongsSchema.ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.BY_ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.CONTAINS;
import static dev.polyphony.graph.io.SpotifySongsSchema.NAME;
import static dev.polyphony.graph.io.SpotifySongsSchema.ON_ALBUM;
import static dev.polyphony.graph.io.SpotifySongsSchema.PLAYLIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogGraphAssemblerTest {
  @Test
  void tracksAreLinkedToTheirArtistAndAlbumAndEveryTypeHasNames() {
    CatalogGraphAssembler graph = new CatalogGraphAssembler(List.of(), true);
    int artist = graph.addNode(ARTIST, "a", "Artist");
    int album = graph.addNode(ALBUM, "al", null);
    int playlist = graph.addNode(PLAYLIST, "p", "List");
    int track = graph.addTrack("t", "Song", artist, album);
    graph.addToPlaylist(playlist, track, 5_000L);
    graph.addToPlaylist(playlist, track, 3_000L);

    IngestResult result = graph.finish(new RejectReport(), 2, List.of("note"), ProgressTracker.NONE);
    HeteroGraph g = result.graph();

    assertThat(g.schema()).isEqualTo(SpotifySongsSchema.SCHEMA);
    assertThat(g.out(BY_ARTIST).neighbors(track)).containsExactly(artist);
    assertThat(g.out(ON_ALBUM).neighbors(track)).containsExactly(album);
    assertThat(g.out(CONTAINS).timestamp(0)).isEqualTo(3_000L);
    assertThat(result.mergedDuplicateEdges()).containsEntry(CONTAINS, 1);
    assertThat(result.rowsRead()).isEqualTo(2);
    assertThat(result.notes()).containsExactly("note");
    assertThat(g.attributes(TRACK).column(NAME).getString(track)).isEqualTo("Song");
    assertThat(g.attributes(ALBUM).column(NAME).isNull(album)).isTrue();
    assertThat(g.attributes(PLAYLIST).column(NAME).getString(playlist)).isEqualTo("List");
  }

  @Test
  void nodesAreAddedOnceAndTracksOnlyWithTheirLinks() {
    CatalogGraphAssembler graph = new CatalogGraphAssembler(SpotifySongsSchema.AUDIO_FEATURES, false);
    graph.addNode(ARTIST, "a", "Artist");
    assertThat(graph.indexOf(ARTIST, "a")).isZero();
    assertThat(graph.indexOf(ARTIST, "b")).isEqualTo(-1);
    assertThatThrownBy(() -> graph.addNode(ARTIST, "a", "Again")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("artist 'a' is already in the graph");
    assertThatThrownBy(() -> graph.addNode(TRACK, "t", "Song")).isInstanceOf(IllegalArgumentException.class);
  }
}
