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

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.SpotifySongsReaderTest.RecordingProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MpdReaderTest {
  private static final long APRIL_29 = 1_493_424_000L; // 2017-04-29T00:00:00Z
  private static final long SEPT_28_NOON = 1_506_600_000L; // 2017-09-28T12:00:00Z

  private final MpdReader reader = new MpdReader();

  @TempDir
  Path dir;

  /*
   * Line layout of a slice written by slice(): line 1 "{", line 2 "info", line 3 "playlists": [, then per
   * playlist one opening line, one line per track and one closing line; the last two lines close it all.
   */
  private static String firstSlice() {
    return slice(
        playlist("\"name\": \"Throwbacks\", \"collaborative\": \"false\", \"pid\": 0, \"modified_at\": " + APRIL_29
                + ", \"num_tracks\": 3, \"num_followers\": 1",
            track(0, "t1", "a1", "Missy Elliott", "al1", "The Cookbook", "Lose Control", 226_863),
            track(1, "t2", "a2", "Britney Spears", "al2", "In the Zone", "Toxic", 198_800),
            track(2, "t1", "a1", "Missy Elliott", "al1", "The Cookbook", "Lose Control", 226_863)),
        playlist("\"name\": \"Party\", \"collaborative\": \"true\", \"pid\": 1, \"modified_at\": " + SEPT_28_NOON
                + ", \"num_followers\": 3, \"description\": \"loud\"",
            track(0, "t2", "a2", "Britney Spears", "al2", "In the Zone", "Toxic", 198_800),
            track(1, "t3", "a1", "Missy Elliott", "al1", "The Cookbook", "Gossip Folks", 234_000)));
  }

  @Test
  void readsASliceIntoPlaylistsTracksArtistsAndAlbums() throws IOException {
    Path slice = write("mpd.slice.0-1.json", firstSlice());

    IngestResult result = reader.read(slice, new RejectReport());
    HeteroGraph g = result.graph();

    assertThat(result.rowsRead()).isEqualTo(5);
    assertThat(result.rejects().total()).isZero();
    assertThat(result.notes()).containsExactly("read 1 slice(s) holding 2 playlist(s) and 5 track entries");
    assertThat(g.ids(PLAYLIST).externalIds()).containsExactly("0", "1");
    assertThat(g.ids(TRACK).externalIds()).containsExactly("spotify:track:t1", "spotify:track:t2", "spotify:track:t3");
    assertThat(g.ids(ARTIST).externalIds()).containsExactly("spotify:artist:a1", "spotify:artist:a2");
    assertThat(g.ids(ALBUM).externalIds()).containsExactly("spotify:album:al1", "spotify:album:al2");
    assertThat(g.features(TRACK)).isEmpty();

    CsrAdjacency contains = g.out(CONTAINS);
    assertThat(contains.neighbors(0)).containsExactly(0, 1);
    assertThat(contains.neighbors(1)).containsExactly(1, 2);
    assertThat(result.mergedDuplicateEdges()).containsEntry(CONTAINS, 1).containsEntry(BY_ARTIST, 0);
    assertThat(contains.hasTimestamps()).isTrue();
    assertThat(contains.timestamp(contains.start(0))).isEqualTo(APRIL_29 * 1000);
    assertThat(contains.timestamp(contains.start(1) + 1)).isEqualTo(SEPT_28_NOON * 1000);
    assertThat(g.out(BY_ARTIST).neighbors(2)).containsExactly(0);
    assertThat(g.out(ON_ALBUM).neighbors(1)).containsExactly(1);
    assertThat(g.in(BY_ARTIST).neighbors(0)).containsExactly(0, 2);

    AttributeColumn modified = g.attributes(PLAYLIST).column(MpdReader.MODIFIED_AT);
    assertThat(modified.getDate(0)).isEqualTo(LocalDate.of(2017, 4, 29));
    assertThat(modified.getDate(1)).isEqualTo(LocalDate.of(2017, 9, 28));
    assertThat(g.attributes(PLAYLIST).column(NAME).getString(1)).isEqualTo("Party");
    assertThat(g.attributes(PLAYLIST).column(MpdReader.NUM_FOLLOWERS).getInt(1)).isEqualTo(3);
    assertThat(g.attributes(PLAYLIST).column(MpdReader.COLLABORATIVE).getInt(0)).isZero();
    assertThat(g.attributes(PLAYLIST).column(MpdReader.COLLABORATIVE).getInt(1)).isEqualTo(1);
    assertThat(g.attributes(PLAYLIST).column(MpdReader.DESCRIPTION).getString(0)).isNull();
    assertThat(g.attributes(PLAYLIST).column(MpdReader.DESCRIPTION).getString(1)).isEqualTo("loud");
    assertThat(g.attributes(TRACK).column(NAME).getString(2)).isEqualTo("Gossip Folks");
    assertThat(g.attributes(TRACK).column(MpdReader.DURATION_MS).getInt(0)).isEqualTo(226_863);
    assertThat(g.attributes(ARTIST).column(NAME).getString(1)).isEqualTo("Britney Spears");
    assertThat(g.attributes(ALBUM).column(NAME).getString(0)).isEqualTo("The Cookbook");
  }

  @Test
  void readsTheJsonSlicesOfADirectoryInNameOrder() throws IOException {
    write("mpd.slice.2-2.json", slice(
        playlist("\"name\": \"Later\", \"collaborative\": \"false\", \"pid\": 2, \"modified_at\": " + APRIL_29,
            track(0, "t3", "a1", "Missy Elliott", "al1", "The Cookbook", "Gossip Folks", 234_000),
            track(1, "t4", "a3", "Outkast", "al3", "Stankonia", "Ms. Jackson", 270_000))));
    write("mpd.slice.0-1.json", firstSlice());
    write("notes.txt", "not a slice");

    IngestResult result = reader.read(dir, new RejectReport());
    HeteroGraph g = result.graph();

    assertThat(result.notes()).containsExactly("read 2 slice(s) holding 3 playlist(s) and 7 track entries");
    assertThat(result.rowsRead()).isEqualTo(7);
    assertThat(g.ids(PLAYLIST).externalIds()).containsExactly("0", "1", "2");
    assertThat(g.ids(TRACK).externalIds()).containsExactly(
        "spotify:track:t1", "spotify:track:t2", "spotify:track:t3", "spotify:track:t4");
    assertThat(g.ids(ARTIST).externalIds()).containsExactly(
        "spotify:artist:a1", "spotify:artist:a2", "spotify:artist:a3");
    assertThat(g.edgeCount(CONTAINS)).isEqualTo(6);
    assertThat(g.in(CONTAINS).neighbors(2)).containsExactly(1, 2);
    assertThat(g.out(CONTAINS).neighbors(2)).containsExactly(2, 3);
  }

  @Test
  void trackWithoutUriIsRejectedWithSliceLinePidAndPos() throws IOException {
    String noUri = track(1, "t2", "a2", "Britney Spears", "al2", "In the Zone", "Toxic", 198_800)
        .replace("\"track_uri\": \"spotify:track:t2\", ", "");
    Path slice = write("mpd.slice.0-0.json", slice(
        playlist("\"name\": \"Throwbacks\", \"pid\": 0, \"modified_at\": " + APRIL_29,
            track(0, "t1", "a1", "Missy Elliott", "al1", "The Cookbook", "Lose Control", 226_863),
            noUri)));

    IngestResult result = reader.read(slice, new RejectReport());

    assertThat(result.rejects().rejects()).containsExactly(new Reject("mpd.slice.0-0.json", 6, "track_uri",
        RejectReason.MISSING_FIELD, "pid 0, pos 1: empty"));
    assertThat(result.rowsRead()).isEqualTo(2);
    assertThat(result.graph().ids(TRACK).externalIds()).containsExactly("spotify:track:t1");
    assertThat(result.graph().ids(ARTIST).externalIds()).containsExactly("spotify:artist:a1");
    assertThat(result.graph().edgeCount(CONTAINS)).isEqualTo(1);
  }

  @Test
  void trackReappearingWithAnotherArtistOrAlbumIsAConflict() throws IOException {
    Path slice = write("mpd.slice.0-1.json", slice(
        playlist("\"name\": \"A\", \"pid\": 0, \"modified_at\": " + APRIL_29,
            track(0, "t1", "a1", "Missy Elliott", "al1", "The Cookbook", "Lose Control", 226_863)),
        playlist("\"name\": \"B\", \"pid\": 1, \"modified_at\": " + APRIL_29,
            track(0, "t1", "a2", "Britney Spears", "al1", "The Cookbook", "Lose Control", 226_863),
            track(1, "t1", "a1", "Missy Elliott", "al9", "Other", "Lose Control", 226_863),
            track(2, "t1", "a1", "Missy Elliott", "al1", "The Cookbook", "Lose Control", 226_863))));

    IngestResult result = reader.read(slice, new RejectReport());

    assertThat(result.rejects().rejects()).containsExactly(
        new Reject("mpd.slice.0-1.json", 8, "artist_uri", RejectReason.CONFLICTING_DUPLICATE_NODE,
            "pid 1, pos 0: track 'spotify:track:t1' was first seen with artist_uri 'spotify:artist:a1',"
                + " here 'spotify:artist:a2'"),
        new Reject("mpd.slice.0-1.json", 9, "album_uri", RejectReason.CONFLICTING_DUPLICATE_NODE,
            "pid 1, pos 1: track 'spotify:track:t1' was first seen with album_uri 'spotify:album:al1',"
                + " here 'spotify:album:al9'"));
    HeteroGraph g = result.graph();
    assertThat(g.ids(ARTIST).externalIds()).containsExactly("spotify:artist:a1");
    assertThat(g.ids(ALBUM).externalIds()).containsExactly("spotify:album:al1");
    assertThat(g.in(CONTAINS).neighbors(0)).containsExactly(0, 1);
  }

  @Test
  void artistReappearingWithAnotherNameIsAConflict() throws IOException {
    Path slice = write("mpd.slice.0-0.json", slice(
        playlist("\"name\": \"A\", \"pid\": 0, \"modified_at\": " + APRIL_29,
            track(0, "t1", "a1", "Missy Elliott", "al1", "The Cookbook", "Lose Control", 226_863),
            track(1, "t2", "a1", "Missy", "al1", "The Cookbook", "Gossip Folks", 234_000))));

    IngestResult result = reader.read(slice, new RejectReport());

    assertThat(result.rejects().rejects()).containsExactly(new Reject("mpd.slice.0-0.json", 6, "artist_name",
        RejectReason.CONFLICTING_DUPLICATE_NODE,
        "pid 0, pos 1: artist 'spotify:artist:a1' was first seen with artist_name 'Missy Elliott', here 'Missy'"));
    assertThat(result.graph().nodeCount(TRACK)).isEqualTo(1);
  }

  @Test
  void unparsableDurationAndNestedValuesAreRejected() throws IOException {
    Path slice = write("mpd.slice.0-0.json", slice(
        playlist("\"name\": \"A\", \"pid\": 0, \"modified_at\": " + APRIL_29,
            track(0, "t1", "a1", "Missy Elliott", "al1", "The Cookbook", "Lose Control", 226_863)
                .replace("226863", "\"long\""),
            track(1, "t2", "a2", "Britney Spears", "al2", "In the Zone", "Toxic", 198_800)
                .replace("\"Toxic\"", "[\"Toxic\"]"),
            "      \"not a track\",",
            track(3, "t3", "a1", "Missy Elliott", "al1", "The Cookbook", "Gossip Folks", 234_000))));

    IngestResult result = reader.read(slice, new RejectReport());

    assertThat(result.rejects().rejects()).containsExactly(
        new Reject("mpd.slice.0-0.json", 5, "duration_ms", RejectReason.UNPARSABLE_NUMBER,
            "pid 0, pos 0: 'long' is not a 32-bit integer"),
        new Reject("mpd.slice.0-0.json", 6, "track_name", RejectReason.MALFORMED_ROW,
            "pid 0, pos 1: an object or array where a single value belongs"),
        new Reject("mpd.slice.0-0.json", 7, "tracks", RejectReason.MALFORMED_ROW,
            "pid 0, pos (none): a track must be an object (got VALUE_STRING)"));
    assertThat(result.rowsRead()).isEqualTo(4);
    assertThat(result.graph().ids(TRACK).externalIds()).containsExactly("spotify:track:t3");
  }

  @Test
  void playlistWithoutModificationTimeIsRejectedWithAllItsTracks() throws IOException {
    Path slice = write("mpd.slice.0-1.json", slice(
        playlist("\"name\": \"Undated\", \"pid\": 0",
            track(0, "t1", "a1", "Missy Elliott", "al1", "The Cookbook", "Lose Control", 226_863),
            track(1, "t2", "a2", "Britney Spears", "al2", "In the Zone", "Toxic", 198_800)),
        playlist("\"name\": \"Dated\", \"pid\": 1, \"modified_at\": " + APRIL_29,
            track(0, "t2", "a2", "Britney Spears", "al2", "In the Zone", "Toxic", 198_800))));

    IngestResult result = reader.read(slice, new RejectReport());

    assertThat(result.rejects().rejects()).containsExactly(new Reject("mpd.slice.0-1.json", 4, "modified_at",
        RejectReason.MISSING_FIELD, "playlist pid 0 (2 track(s) not added): empty"));
    HeteroGraph g = result.graph();
    assertThat(g.ids(PLAYLIST).externalIds()).containsExactly("1");
    assertThat(g.ids(TRACK).externalIds()).containsExactly("spotify:track:t2");
    assertThat(result.rowsRead()).isEqualTo(3);
  }

  @Test
  void playlistRepeatedAcrossSlicesMergesWhenEqualAndIsRejectedWhenNot() throws IOException {
    String same = playlist("\"name\": \"A\", \"pid\": 0, \"modified_at\": " + APRIL_29,
        track(0, "t1", "a1", "Missy Elliott", "al1", "The Cookbook", "Lose Control", 226_863));
    write("a.json", slice(same));
    write("b.json", slice(same, playlist("\"name\": \"Renamed\", \"pid\": 0, \"modified_at\": " + APRIL_29,
        track(0, "t2", "a2", "Britney Spears", "al2", "In the Zone", "Toxic", 198_800))));

    IngestResult result = reader.read(dir, new RejectReport());

    assertThat(result.rejects().rejects()).containsExactly(new Reject("b.json", 7, "name",
        RejectReason.CONFLICTING_DUPLICATE_NODE,
        "playlist pid 0 (1 track(s) not added): playlist '0' was first seen with name 'A', here 'Renamed'"));
    assertThat(result.graph().edgeCount(CONTAINS)).isEqualTo(1);
    assertThat(result.mergedDuplicateEdges()).containsEntry(CONTAINS, 1);
  }

  @Test
  void malformedJsonFailsNamingFileAndLine() throws IOException {
    String broken = firstSlice().replace("\"pos\": 1, ", "\"pos\": 1 ");
    Path slice = write("mpd.slice.bad.json", broken);
    assertThatThrownBy(() -> reader.read(slice, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("mpd.slice.bad.json line 6: malformed JSON");
  }

  @Test
  void truncatedSliceFailsNamingFileAndLine() throws IOException {
    String full = firstSlice();
    Path slice = write("mpd.slice.cut.json", full.substring(0, full.indexOf("\"Party\"")));
    assertThatThrownBy(() -> reader.read(slice, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("mpd.slice.cut.json line 9: malformed JSON");
  }

  @Test
  void sliceWithoutPlaylistsAndEmptyDirectoriesFail() throws IOException {
    Path slice = write("info-only.json", "{\"info\": {\"slice\": \"0-999\"}}\n");
    assertThatThrownBy(() -> reader.read(slice, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessage("info-only.json line 1: the slice has no 'playlists' array");

    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> reader.read(empty, new RejectReport()))
        .isInstanceOf(IngestException.class).hasMessageContaining("holds no *.json slices");

    Path array = write("array.json", "[]");
    assertThatThrownBy(() -> reader.read(array, new RejectReport()))
        .isInstanceOf(IngestException.class).hasMessage("array.json line 1: a slice must be a JSON object");
  }

  @Test
  void moreRejectsThanTheLimitStopTheRead() throws IOException {
    Path slice = write("mpd.slice.0-0.json", slice(
        playlist("\"name\": \"A\", \"pid\": 0, \"modified_at\": " + APRIL_29,
            track(0, "t1", "a1", "Missy Elliott", "al1", "The Cookbook", "Lose Control", 226_863)
                .replace("\"album_uri\": \"spotify:album:al1\", ", ""),
            track(1, "t2", "a2", "Britney Spears", "al2", "In the Zone", "Toxic", 198_800)
                .replace("\"artist_uri\": \"spotify:artist:a2\", ", ""))));
    assertThatThrownBy(() -> reader.read(slice, new RejectReport(1)))
        .isInstanceOf(TooManyRejectsException.class)
        .hasMessageContaining("mpd.slice.0-0.json:6 field 'artist_uri'");
  }

  @Test
  void reportsBytesAsProgress() throws IOException {
    Path slice = write("mpd.slice.0-1.json", firstSlice());
    RecordingProgress progress = new RecordingProgress();
    reader.read(slice, new RejectReport(), progress);
    assertThat(progress.stages).containsExactly(MpdReader.PROGRESS_STAGE, "build adjacency");
    assertThat(progress.totals.get(0)).isEqualTo(Files.size(slice));
    assertThat(progress.steps.get(MpdReader.PROGRESS_STAGE)).isEqualTo(Files.size(slice));
  }

  private Path write(String name, String content) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, content);
    return path;
  }

  private static String slice(String... playlists) {
    return "{\n  \"info\": {\"slice\": \"test\", \"version\": \"v1\"},\n  \"playlists\": [\n"
        + String.join(",\n", playlists) + "\n  ]\n}\n";
  }

  /** A playlist over several lines: its fields, then one line per track, then the closing line. */
  private static String playlist(String fields, String... tracks) {
    List<String> lines = new ArrayList<>();
    lines.add("    {" + fields + ", \"tracks\": [");
    for (int i = 0; i < tracks.length; i++) {
      String t = tracks[i];
      lines.add(i < tracks.length - 1 && !t.endsWith(",") ? t + "," : t);
    }
    lines.add("    ], \"num_edits\": 2, \"duration_ms\": 1000}");
    return String.join("\n", lines);
  }

  private static String track(int pos, String track, String artist, String artistName, String album,
      String albumName, String trackName, int durationMs) {
    return "      {\"pos\": " + pos + ", \"artist_name\": \"" + artistName + "\", \"track_uri\": \"spotify:track:"
        + track + "\", \"artist_uri\": \"spotify:artist:" + artist + "\", \"track_name\": \"" + trackName
        + "\", \"album_uri\": \"spotify:album:" + album + "\", \"duration_ms\": " + durationMs
        + ", \"album_name\": \"" + albumName + "\"}";
  }
}
