package dev.polyphony.graph.io;

import static dev.polyphony.graph.io.SpotifySongsSchema.ALBUM;
import static dev.polyphony.graph.io.SpotifySongsSchema.ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.BY_ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.CONTAINS;
import static dev.polyphony.graph.io.SpotifySongsSchema.GENRE;
import static dev.polyphony.graph.io.SpotifySongsSchema.NAME;
import static dev.polyphony.graph.io.SpotifySongsSchema.ON_ALBUM;
import static dev.polyphony.graph.io.SpotifySongsSchema.PLAYLIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.POPULARITY;
import static dev.polyphony.graph.io.SpotifySongsSchema.RELEASE_DATE;
import static dev.polyphony.graph.io.SpotifySongsSchema.RELEASE_DATE_PRECISION;
import static dev.polyphony.graph.io.SpotifySongsSchema.SUBGENRE;
import static dev.polyphony.graph.io.SpotifySongsSchema.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.testing.Datasets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpotifySongsReaderTest {
  private final SpotifySongsReader reader = new SpotifySongsReader();

  @TempDir
  Path dir;

  @Test
  void readsTheRealDatasetWithItsDocumentedCounts() throws IOException {
    IngestResult result = reader.read(Datasets.spotifySongsZip(), new RejectReport());
    HeteroGraph g = result.graph();

    assertThat(result.rowsRead()).isEqualTo(32_833);
    assertThat(result.rejects().total()).isZero();
    assertThat(g.nodeCount(TRACK)).isEqualTo(28_356);
    assertThat(g.nodeCount(PLAYLIST)).isEqualTo(471);
    assertThat(g.nodeCount(ARTIST)).isEqualTo(10_693);
    assertThat(g.nodeCount(ALBUM)).isEqualTo(22_545);
    assertThat(result.mergedDuplicateEdges()).containsEntry(CONTAINS, 582);
    assertThat(g.edgeCount(CONTAINS)).isEqualTo(32_833 - 582);
    assertThat(g.edgeCount(BY_ARTIST)).isEqualTo(28_356);
    assertThat(g.edgeCount(ON_ALBUM)).isEqualTo(28_356);

    // Kept majority labels still cover every genre and subgenre that occurs on some row.
    assertThat(distinctValues(g.attributes(PLAYLIST).column(GENRE))).hasSize(6);
    assertThat(distinctValues(g.attributes(PLAYLIST).column(SUBGENRE))).hasSize(24);
    // Measured on this file: 8 playlist ids carry several labels; 591 rows disagree with the kept one.
    assertThat(result.notes()).containsExactly("8 playlist(s) carry more than one (genre, subgenre) label"
        + " across their rows; each keeps the label on most of its rows (the first seen on ties), and 591"
        + " row(s) disagree with the kept label");
    int tied = g.ids(PLAYLIST).indexOf("37i9dQZF1DWTHM4kX49UKs"); // 99 rows pop/dance pop, then 99 r&b/hip pop
    assertThat(g.attributes(PLAYLIST).column(SUBGENRE).getString(tied)).isEqualTo("dance pop");
    int threeWay = g.ids(PLAYLIST).indexOf("4JkkvMpVl4lSioqQjeAL0q"); // 94 latin pop, 100 latin hip hop, 53 hip pop
    assertThat(g.attributes(PLAYLIST).column(SUBGENRE).getString(threeWay)).isEqualTo("latin hip hop");

    AttributeColumn precision = g.attributes(TRACK).column(RELEASE_DATE_PRECISION);
    Map<String, Integer> byPrecision = new HashMap<>();
    for (int t = 0; t < g.nodeCount(TRACK); t++) {
      byPrecision.merge(precision.getString(t), 1, Integer::sum);
    }
    assertThat(byPrecision).containsExactlyInAnyOrderEntriesOf(Map.of("day", 26_675, "month", 25, "year", 1_656));

    int t = g.ids(TRACK).indexOf("6f807x0ima9a1j3VPbc7VN");
    assertThat(g.attributes(TRACK).column(NAME).getString(t))
        .isEqualTo("I Don't Care (with Justin Bieber) - Loud Luxury Remix");
    assertThat(g.attributes(TRACK).column(POPULARITY).getInt(t)).isEqualTo(66);
    assertThat(g.attributes(TRACK).column(RELEASE_DATE).getDate(t)).isEqualTo(LocalDate.of(2019, 6, 14));
    assertThat(precision.getString(t)).isEqualTo("day");
    NodeFeatures features = g.features(TRACK).orElseThrow();
    assertThat(features.columns()).isEqualTo(SpotifySongsSchema.AUDIO_FEATURES);
    assertThat(features.get(t, features.columns().indexOf("danceability"))).isEqualTo(0.748f);
    assertThat(features.get(t, features.columns().indexOf("tempo"))).isEqualTo(122.036f);
    assertThat(features.get(t, features.columns().indexOf("duration_ms"))).isEqualTo(194_754f);
    assertThat(externalIds(g, ARTIST, g.out(BY_ARTIST).neighbors(t))).containsExactly("Ed Sheeran");
    assertThat(externalIds(g, ALBUM, g.out(ON_ALBUM).neighbors(t))).containsExactly("2oCs0DGTsRO98Gh5ZSl2Cx");
    assertThat(externalIds(g, PLAYLIST, g.in(CONTAINS).neighbors(t)))
        .containsExactlyInAnyOrder("37i9dQZF1DXcZDD7cfEKhW", "4aUEH3uhbofktrFkXOOaKj");
  }

  @Test
  void buildsTracksArtistsAlbumsAndPlaylistsFromRows() throws IOException {
    Path csv = write("songs.csv",
        new Row("t1", "p1"),
        new Row("t2", "p1").set("track_artist", "Artist B").set("track_album_id", "al2")
            .set("track_album_name", "Album Two").set("track_popularity", "7").set("tempo", "98.5")
            .set("danceability", "0.25"),
        new Row("t1", "p2"));

    IngestResult result = reader.read(csv, new RejectReport());
    HeteroGraph g = result.graph();

    assertThat(result.rowsRead()).isEqualTo(3);
    assertThat(result.rejects().total()).isZero();
    assertThat(result.notes()).isEmpty();
    assertThat(g.ids(TRACK).externalIds()).containsExactly("t1", "t2");
    assertThat(g.ids(PLAYLIST).externalIds()).containsExactly("p1", "p2");
    assertThat(g.ids(ARTIST).externalIds()).containsExactly("Artist A", "Artist B");
    assertThat(g.ids(ALBUM).externalIds()).containsExactly("al1", "al2");
    assertThat(g.out(CONTAINS).neighbors(0)).containsExactly(0, 1);
    assertThat(g.out(CONTAINS).neighbors(1)).containsExactly(0);
    assertThat(g.out(BY_ARTIST).neighbors(1)).containsExactly(1);
    assertThat(g.out(ON_ALBUM).neighbors(1)).containsExactly(1);
    assertThat(g.out(CONTAINS).hasTimestamps()).isFalse();
    assertThat(result.mergedDuplicateEdges()).containsEntry(CONTAINS, 0);

    assertThat(g.attributes(TRACK).column(NAME).getString(1)).isEqualTo("Song t2");
    assertThat(g.attributes(TRACK).column(POPULARITY).getInt(1)).isEqualTo(7);
    assertThat(g.features(TRACK).orElseThrow().row(1)).containsExactly(
        0.25f, 0.6f, 5f, -4.5f, 1f, 0.05f, 0.1f, 0f, 0.2f, 0.7f, 98.5f, 200_000f);
    assertThat(g.attributes(ARTIST).column(NAME).getString(1)).isEqualTo("Artist B");
    assertThat(g.attributes(ALBUM).column(NAME).getString(1)).isEqualTo("Album Two");
    assertThat(g.attributes(ALBUM).column(RELEASE_DATE).getDate(1)).isEqualTo(LocalDate.of(2019, 6, 14));
    assertThat(g.attributes(PLAYLIST).column(NAME).getString(1)).isEqualTo("List p2");
    assertThat(g.attributes(PLAYLIST).column(GENRE).getString(0)).isEqualTo("pop");
    assertThat(g.attributes(PLAYLIST).column(SUBGENRE).getString(0)).isEqualTo("dance pop");
  }

  @Test
  void readsTheSingleCsvEntryOfAZipInPlace() throws IOException {
    Path csv = write("songs.csv", new Row("t1", "p1"), new Row("t2", "p1").set("track_popularity", "bad"));
    Path zip = dir.resolve("songs.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("data/"));
      out.closeEntry();
      out.putNextEntry(new ZipEntry("data/songs.csv"));
      out.write(Files.readAllBytes(csv));
      out.closeEntry();
    }

    IngestResult fromCsv = reader.read(csv, new RejectReport());
    IngestResult fromZip = reader.read(zip, new RejectReport());

    assertThat(fromZip.graph()).isEqualTo(fromCsv.graph());
    assertThat(fromZip.rejects().rejects()).containsExactly(new Reject("songs.zip!/data/songs.csv", 3,
        "track_popularity", RejectReason.UNPARSABLE_NUMBER, "'bad' is not a 32-bit integer"));
  }

  @Test
  void archiveWithoutExactlyOneCsvEntryFails() throws IOException {
    Path zip = dir.resolve("two.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : List.of("a.csv", "b.csv")) {
        out.putNextEntry(new ZipEntry(name));
        out.write(header().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    assertThatThrownBy(() -> reader.read(zip, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("two.zip").hasMessageContaining("exactly one .csv entry")
        .hasMessageContaining("[a.csv, b.csv]");
  }

  @Test
  void headerWithoutAColumnFailsNamingFileAndColumn() throws IOException {
    Path csv = dir.resolve("no-tempo.csv");
    Files.writeString(csv, header().replace(",tempo,", ",").replace("track_artist", "artist") + "\n");
    assertThatThrownBy(() -> reader.read(csv, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("no-tempo.csv: header lacks column(s) [track_artist, tempo]");
  }

  @Test
  void missingInputFailsNamingIt() {
    Path absent = dir.resolve("absent.csv");
    assertThatThrownBy(() -> reader.read(absent, new RejectReport()))
        .isInstanceOf(IngestException.class).hasMessageContaining(absent.toString());
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        Arguments.of("track_id", "", RejectReason.MISSING_FIELD, "empty"),
        Arguments.of("track_artist", "", RejectReason.MISSING_FIELD, "empty"),
        Arguments.of("playlist_id", "", RejectReason.MISSING_FIELD, "empty"),
        Arguments.of("playlist_subgenre", "", RejectReason.MISSING_FIELD, "empty"),
        Arguments.of("key", "", RejectReason.MISSING_FIELD, "empty"),
        Arguments.of("track_popularity", "sixty", RejectReason.UNPARSABLE_NUMBER,
            "'sixty' is not a 32-bit integer"),
        Arguments.of("tempo", "fast", RejectReason.UNPARSABLE_NUMBER, "'fast' is not a decimal number"),
        Arguments.of("energy", "0x1p3", RejectReason.UNPARSABLE_NUMBER, "'0x1p3' is not a decimal number"),
        Arguments.of("energy", "NaN", RejectReason.NON_FINITE_VALUE, "'NaN' is not finite"),
        Arguments.of("loudness", "-Inf", RejectReason.NON_FINITE_VALUE, "'-Inf' is not finite"),
        Arguments.of("valence", "Infinity", RejectReason.NON_FINITE_VALUE, "'Infinity' is not finite"),
        Arguments.of("duration_ms", "1e39", RejectReason.NON_FINITE_VALUE, "'1e39' is beyond the float range"),
        Arguments.of("track_album_release_date", "2019-02-30", RejectReason.INVALID_DATE,
            "'2019-02-30' is not a date in the form yyyy-MM-dd, yyyy-MM or yyyy"),
        Arguments.of("track_album_release_date", "2019-13", RejectReason.INVALID_DATE,
            "'2019-13' is not a date in the form yyyy-MM-dd, yyyy-MM or yyyy"),
        Arguments.of("track_album_release_date", "14/06/2019", RejectReason.INVALID_DATE,
            "'14/06/2019' is not a date in the form yyyy-MM-dd, yyyy-MM or yyyy"));
  }

  @ParameterizedTest(name = "{0}=''{1}'' -> {2}")
  @MethodSource("badFields")
  void badFieldRejectsTheWholeRowWithFileLineAndField(String column, String value, RejectReason reason,
      String detail) throws IOException {
    Path csv = write("songs.csv",
        new Row("t1", "p1"),
        new Row("t2", "p2").set("track_artist", "Artist B").set("track_album_id", "al2").set(column, value),
        new Row("t3", "p1"));

    IngestResult result = reader.read(csv, new RejectReport());

    assertThat(result.rejects().rejects()).containsExactly(new Reject("songs.csv", 3, column, reason, detail));
    assertThat(result.rowsRead()).isEqualTo(3);
    HeteroGraph g = result.graph();
    assertThat(g.ids(TRACK).externalIds()).containsExactly("t1", "t3");
    assertThat(g.ids(PLAYLIST).externalIds()).containsExactly("p1");
    assertThat(g.ids(ARTIST).externalIds()).containsExactly("Artist A");
    assertThat(g.ids(ALBUM).externalIds()).containsExactly("al1");
    assertThat(g.edgeCount(CONTAINS)).isEqualTo(2);
  }

  @Test
  void rowWithTooFewFieldsIsAMissingFieldAndTooManyIsMalformed() throws IOException {
    Path csv = dir.resolve("short.csv");
    Files.writeString(csv, header() + "\n" + new Row("t1", "p1").line() + "\nt2,Song,Artist\n"
        + new Row("t3", "p1").line() + ",extra\n");

    IngestResult result = reader.read(csv, new RejectReport());

    assertThat(result.rejects().rejects()).containsExactly(
        new Reject("short.csv", 3, "track_popularity", RejectReason.MISSING_FIELD, "row has 3 of 23 fields"),
        new Reject("short.csv", 4, "*", RejectReason.MALFORMED_ROW, "row has 24 fields, the header 23"));
    assertThat(result.graph().ids(TRACK).externalIds()).containsExactly("t1");
  }

  @Test
  void trackReappearingWithOtherValuesIsRejectedWithoutItsPlaylistMembership() throws IOException {
    Path csv = write("songs.csv",
        new Row("t1", "p1"),
        new Row("t1", "p2").set("track_popularity", "51"),
        new Row("t1", "p3").set("tempo", "120.5"),
        new Row("t1", "p1"));

    IngestResult result = reader.read(csv, new RejectReport());

    assertThat(result.rejects().rejects()).containsExactly(
        new Reject("songs.csv", 3, "track_popularity", RejectReason.CONFLICTING_DUPLICATE_NODE,
            "track 't1' was first seen with track_popularity '50', here '51'"),
        new Reject("songs.csv", 4, "tempo", RejectReason.CONFLICTING_DUPLICATE_NODE,
            "track 't1' was first seen with tempo '120.0', here '120.5'"));
    HeteroGraph g = result.graph();
    assertThat(g.ids(PLAYLIST).externalIds()).containsExactly("p1");
    assertThat(g.edgeCount(CONTAINS)).isEqualTo(1);
    assertThat(result.mergedDuplicateEdges()).containsEntry(CONTAINS, 1);
    assertThat(g.attributes(TRACK).column(POPULARITY).getInt(0)).isEqualTo(50);
  }

  @Test
  void sameTrackWithEquivalentNumbersIsNotAConflict() throws IOException {
    Path csv = write("songs.csv", new Row("t1", "p1"), new Row("t1", "p2").set("tempo", "120").set("key", "5.0"));
    IngestResult result = reader.read(csv, new RejectReport());
    assertThat(result.rejects().total()).isZero();
    assertThat(result.graph().edgeCount(CONTAINS)).isEqualTo(2);
  }

  @Test
  void albumOrPlaylistReappearingWithAnotherNameIsRejected() throws IOException {
    Path csv = write("songs.csv",
        new Row("t1", "p1"),
        new Row("t2", "p1").set("track_album_name", "Another Album"),
        new Row("t3", "p1").set("playlist_name", "Renamed"));

    IngestResult result = reader.read(csv, new RejectReport());

    assertThat(result.rejects().rejects()).containsExactly(
        new Reject("songs.csv", 3, "track_album_name", RejectReason.CONFLICTING_DUPLICATE_NODE,
            "album 'al1' was first seen with track_album_name 'Album One', here 'Another Album'"),
        new Reject("songs.csv", 4, "playlist_name", RejectReason.CONFLICTING_DUPLICATE_NODE,
            "playlist 'p1' was first seen with playlist_name 'List p1', here 'Renamed'"));
    assertThat(result.graph().ids(TRACK).externalIds()).containsExactly("t1");
  }

  @Test
  void repeatedPlaylistTrackRowsAreMergedAndCounted() throws IOException {
    Path csv = write("songs.csv", new Row("t1", "p1"), new Row("t2", "p1"), new Row("t1", "p1"));
    IngestResult result = reader.read(csv, new RejectReport());
    assertThat(result.rowsRead()).isEqualTo(3);
    assertThat(result.graph().edgeCount(CONTAINS)).isEqualTo(2);
    assertThat(result.mergedDuplicateEdges()).containsEntry(CONTAINS, 1).containsEntry(BY_ARTIST, 0);
  }

  @Test
  void moreRejectsThanTheLimitStopTheRead() throws IOException {
    Path csv = write("songs.csv",
        new Row("t1", "p1").set("tempo", "x"),
        new Row("t2", "p1").set("energy", "NaN"),
        new Row("t3", "p1"));
    assertThatThrownBy(() -> reader.read(csv, new RejectReport(1)))
        .isInstanceOf(TooManyRejectsException.class)
        .hasMessageContaining("more than 1 rejected rows")
        .hasMessageContaining("songs.csv:3 field 'energy'");
  }

  @Test
  void quotedFieldsKeepCommasQuotesLineBreaksAndEmoji() throws IOException {
    Path csv = write("songs.csv",
        new Row("t1", "p1").set("track_name", "Hello, \"World\" \uD83C\uDFB5").set("track_artist", "Simon, Garfunkel")
            .set("track_album_name", "Live\nin Paris"),
        new Row("t2", "p1").set("track_popularity", "?"));

    IngestResult result = reader.read(csv, new RejectReport());

    HeteroGraph g = result.graph();
    assertThat(g.attributes(TRACK).column(NAME).getString(0)).isEqualTo("Hello, \"World\" \uD83C\uDFB5");
    assertThat(g.ids(ARTIST).externalIds()).containsExactly("Simon, Garfunkel");
    assertThat(g.attributes(ALBUM).column(NAME).getString(0)).isEqualTo("Live\nin Paris");
    // The first record spans lines 2-3, so the second starts on line 4.
    assertThat(result.rejects().rejects()).extracting(Reject::line).containsExactly(4L);
  }

  @Test
  void yearAndYearMonthDatesArePinnedToTheFirstDayWithTheirPrecision() throws IOException {
    Path csv = write("songs.csv",
        new Row("t1", "p1").set("track_album_release_date", "1999"),
        new Row("t2", "p1").set("track_album_id", "al2").set("track_album_release_date", "2012-01"),
        new Row("t3", "p1").set("track_album_id", "al3").set("track_album_release_date", "2019-06-14"));

    HeteroGraph g = reader.read(csv, new RejectReport()).graph();

    AttributeColumn release = g.attributes(TRACK).column(RELEASE_DATE);
    AttributeColumn precision = g.attributes(TRACK).column(RELEASE_DATE_PRECISION);
    assertThat(List.of(release.getDate(0), release.getDate(1), release.getDate(2)))
        .containsExactly(LocalDate.of(1999, 1, 1), LocalDate.of(2012, 1, 1), LocalDate.of(2019, 6, 14));
    assertThat(List.of(precision.getString(0), precision.getString(1), precision.getString(2)))
        .containsExactly("year", "month", "day");
    assertThat(g.attributes(ALBUM).column(RELEASE_DATE).getDate(1)).isEqualTo(LocalDate.of(2012, 1, 1));
    assertThat(g.attributes(ALBUM).column(RELEASE_DATE_PRECISION).getString(1)).isEqualTo("month");
  }

  @Test
  void playlistWithSeveralLabelsKeepsTheMajorityAndTheFirstSeenOnTies() throws IOException {
    Path csv = write("songs.csv",
        new Row("t1", "p1"),
        new Row("t2", "p1").set("playlist_genre", "rock").set("playlist_subgenre", "hard rock"),
        new Row("t3", "p1").set("playlist_genre", "rock").set("playlist_subgenre", "hard rock"),
        new Row("t4", "p2").set("playlist_genre", "edm").set("playlist_subgenre", "big room"),
        new Row("t5", "p2").set("playlist_genre", "latin").set("playlist_subgenre", "tropical"),
        new Row("t6", "p3"));

    IngestResult result = reader.read(csv, new RejectReport());

    HeteroGraph g = result.graph();
    AttributeColumn genre = g.attributes(PLAYLIST).column(GENRE);
    AttributeColumn subgenre = g.attributes(PLAYLIST).column(SUBGENRE);
    assertThat(List.of(genre.getString(0), subgenre.getString(0))).containsExactly("rock", "hard rock");
    assertThat(List.of(genre.getString(1), subgenre.getString(1))).containsExactly("edm", "big room");
    assertThat(List.of(genre.getString(2), subgenre.getString(2))).containsExactly("pop", "dance pop");
    assertThat(result.rejects().total()).isZero();
    assertThat(result.notes()).containsExactly("2 playlist(s) carry more than one (genre, subgenre) label"
        + " across their rows; each keeps the label on most of its rows (the first seen on ties), and 2"
        + " row(s) disagree with the kept label");
  }

  @Test
  void brokenQuotingFailsNamingFileAndLine() throws IOException {
    Path csv = dir.resolve("broken.csv");
    Files.writeString(csv, header() + "\n" + new Row("t1", "p1").line() + "\n" + new Row("t2", "p1").line()
        .replace("Song t2", "\"Song t2") + "\n");
    assertThatThrownBy(() -> reader.read(csv, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("broken.csv: unreadable CSV from line 3");
  }

  @Test
  void invalidUtf8FailsNamingTheLineInsteadOfBeingReplaced() throws IOException {
    Path csv = dir.resolve("latin1.csv");
    byte[] row = new Row("t2", "p1").set("track_name", "Caf\u00e9").line().getBytes(StandardCharsets.ISO_8859_1);
    try (OutputStream out = Files.newOutputStream(csv)) {
      out.write((header() + "\n" + new Row("t1", "p1").line() + "\n").getBytes(StandardCharsets.UTF_8));
      out.write(row);
      out.write('\n');
    }
    assertThatThrownBy(() -> reader.read(csv, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessage("latin1.csv: line 3 is not valid UTF-8");
  }

  @Test
  void byteOrderMarkAndBlankLinesAreSkipped() throws IOException {
    Path csv = dir.resolve("bom.csv");
    Files.writeString(csv, "\uFEFF" + header() + "\r\n" + new Row("t1", "p1").line() + "\r\n\r\n"
        + new Row("t2", "p1").set("key", "") .line() + "\r\n");
    IngestResult result = reader.read(csv, new RejectReport());
    assertThat(result.rowsRead()).isEqualTo(2);
    assertThat(result.rejects().rejects()).containsExactly(
        new Reject("bom.csv", 4, "key", RejectReason.MISSING_FIELD, "empty"));
  }

  @Test
  void reportsRowsAsProgress() throws IOException {
    Path csv = write("songs.csv", new Row("t1", "p1"), new Row("t2", "p1"), new Row("t3", "p2"));
    RecordingProgress progress = new RecordingProgress();
    reader.read(csv, new RejectReport(), progress);
    assertThat(progress.stages).containsExactly("read spotify songs", "build adjacency");
    assertThat(progress.totals).containsExactly(-1L, 3L);
    assertThat(progress.steps.get("read spotify songs")).isEqualTo(3L);
    assertThat(progress.ended).isEqualTo(2);
  }

  static final class RecordingProgress implements ProgressTracker {
    final List<String> stages = new ArrayList<>();
    final List<Long> totals = new ArrayList<>();
    final Map<String, Long> steps = new LinkedHashMap<>();
    int ended;

    @Override
    public void begin(String stage, long totalSteps) {
      stages.add(stage);
      totals.add(totalSteps);
    }

    @Override
    public void step(long n) {
      steps.merge(stages.get(stages.size() - 1), n, Long::sum);
    }

    @Override
    public void end() {
      ended++;
    }
  }

  private static Set<String> distinctValues(AttributeColumn column) {
    Set<String> values = new HashSet<>();
    for (int row = 0; row < column.size(); row++) {
      values.add(column.getString(row));
    }
    return values;
  }

  private static List<String> externalIds(HeteroGraph g, dev.polyphony.graph.NodeType type, int[] nodes) {
    List<String> ids = new ArrayList<>();
    for (int n : nodes) {
      ids.add(g.ids(type).externalId(n));
    }
    return ids;
  }

  private static String header() {
    return String.join(",", SpotifySongsReader.COLUMNS);
  }

  private Path write(String name, Row... rows) throws IOException {
    StringBuilder sb = new StringBuilder(header()).append('\n');
    for (Row row : rows) {
      sb.append(row.line()).append('\n');
    }
    Path path = dir.resolve(name);
    Files.writeString(path, sb.toString());
    return path;
  }

  /** One valid row of the Spotify Songs table, changed field by field. */
  private static final class Row {
    private final Map<String, String> values = new LinkedHashMap<>();

    Row(String trackId, String playlistId) {
      values.put("track_id", trackId);
      values.put("track_name", "Song " + trackId);
      values.put("track_artist", "Artist A");
      values.put("track_popularity", "50");
      values.put("track_album_id", "al1");
      values.put("track_album_name", "Album One");
      values.put("track_album_release_date", "2019-06-14");
      values.put("playlist_name", "List " + playlistId);
      values.put("playlist_id", playlistId);
      values.put("playlist_genre", "pop");
      values.put("playlist_subgenre", "dance pop");
      values.put("danceability", "0.5");
      values.put("energy", "0.6");
      values.put("key", "5");
      values.put("loudness", "-4.5");
      values.put("mode", "1");
      values.put("speechiness", "0.05");
      values.put("acousticness", "0.1");
      values.put("instrumentalness", "0");
      values.put("liveness", "0.2");
      values.put("valence", "0.7");
      values.put("tempo", "120.0");
      values.put("duration_ms", "200000");
    }

    Row set(String column, String value) {
      if (values.put(column, value) == null) {
        throw new IllegalArgumentException("no column " + column);
      }
      return this;
    }

    /** The row as RFC 4180 CSV, quoting fields that hold commas, quotes or line breaks. */
    String line() {
      List<String> fields = new ArrayList<>();
      for (String v : values.values()) {
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n");
        fields.add(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
      }
      return String.join(",", fields);
    }
  }
}
