package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.io.LastfmHetrecReader;
import dev.polyphony.graph.io.MpdReader;
import dev.polyphony.graph.io.SpotifySongsReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputFormatTest {

  @Test
  void eachNameSelectsItsReader() throws Exception {
    assertThat(InputFormat.parse("spotify-songs").reader(null)).isInstanceOf(SpotifySongsReader.class);
    assertThat(InputFormat.parse("mpd").reader(null)).isInstanceOf(MpdReader.class);
    assertThat(InputFormat.parse("lastfm-hetrec").reader(null)).isInstanceOf(LastfmHetrecReader.class);
    assertThat(InputFormat.parse("generic")).isEqualTo(InputFormat.GENERIC);
    assertThat(InputFormat.GENERIC.needsSchema()).isTrue();
    assertThat(InputFormat.MPD.needsSchema()).isFalse();
  }

  @Test
  void helpFooterDescribesEveryFormat() {
    assertThat(InputFormat.helpFooter()).hasSize(InputFormat.values().length + 1);
    assertThat(String.join("\n", InputFormat.helpFooter())).contains("  spotify-songs  ", "  generic  ");
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> InputFormat.parse("SPOTIFY_SONGS"))
        .hasMessage("unknown format 'SPOTIFY_SONGS' (expected one of: spotify-songs, mpd, lastfm-hetrec, generic)");
  }

  @Test
  void rejectsFileSitsBesideTheSnapshot() {
    assertThat(Ingestion.defaultRejectsPath(Path.of("out/songs.snap"))).isEqualTo(Path.of("out/songs.rejects.tsv"));
    assertThat(Ingestion.defaultRejectsPath(Path.of("graph"))).isEqualTo(Path.of("graph.rejects.tsv"));
  }
}
