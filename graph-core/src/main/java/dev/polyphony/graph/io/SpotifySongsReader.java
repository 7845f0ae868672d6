package dev.polyphony.graph.io;

import static dev.polyphony.graph.io.SpotifySongsSchema.ALBUM;
import static dev.polyphony.graph.io.SpotifySongsSchema.ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.AUDIO_FEATURES;
import static dev.polyphony.graph.io.SpotifySongsSchema.GENRE;
import static dev.polyphony.graph.io.SpotifySongsSchema.PLAYLIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.POPULARITY;
import static dev.polyphony.graph.io.SpotifySongsSchema.RELEASE_DATE;
import static dev.polyphony.graph.io.SpotifySongsSchema.RELEASE_DATE_PRECISION;
import static dev.polyphony.graph.io.SpotifySongsSchema.SUBGENRE;
import static dev.polyphony.graph.io.SpotifySongsSchema.TRACK;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.ProgressTracker;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads the TidyTuesday "Spotify Songs" table (one row per track in a playlist, with artist, album,
 * release date, popularity, playlist genre and subgenre, and twelve Spotify audio features) into a
 * {@link SpotifySongsSchema} graph. The input is the CSV file itself or a ZIP archive holding exactly one
 * CSV entry, which is read in place. The file is RFC 4180 CSV in UTF-8 with a header naming the columns
 * in {@link #COLUMNS} (in any order; further columns are ignored).
 *
 * <p>Graph: a track per {@code track_id} with the audio features and attributes name, popularity,
 * release_date and release_date_precision ({@code day}, {@code month} or {@code year}: "2012-01" is
 * stored as 2012-01-01, "1999" as 1999-01-01); an artist per {@code track_artist} name (the data has no
 * artist id); an album per {@code track_album_id} with name and release date; a playlist per
 * {@code playlist_id} with name, genre and subgenre. A playlist labelled with several (genre, subgenre)
 * pairs across its rows keeps the pair on most of its rows (the first seen on ties); a note in the
 * result counts such playlists and the rows that disagree with the kept label.
 *
 * <p>Rows are judged whole before anything of them is added. A row is rejected (and adds nothing) for an
 * empty id, artist, number, date, genre or subgenre ({@code MISSING_FIELD}; names may be empty), a
 * number that does not parse ({@code UNPARSABLE_NUMBER}), a NaN or infinite feature
 * ({@code NON_FINITE_VALUE}), a release date in none of the three forms ({@code INVALID_DATE}), or a
 * track, album or playlist that reappears with other values than on its first row
 * ({@code CONFLICTING_DUPLICATE_NODE}). A row repeating a (playlist, track) pair adds a duplicate edge,
 * which the builder merges and {@link IngestResult#mergedDuplicateEdges()} counts.
 */
public final class SpotifySongsReader implements GraphReader {
  /** The progress stage of reading rows; its steps are rows and its total is unknown. */
  public static final String PROGRESS_STAGE = "read spotify songs";

  static final String TRACK_ID = "track_id";
  static final String TRACK_NAME = "track_name";
  static final String TRACK_ARTIST = "track_artist";
  static final String TRACK_POPULARITY = "track_popularity";
  static final String TRACK_ALBUM_ID = "track_album_id";
  static final String TRACK_ALBUM_NAME = "track_album_name";
  static final String TRACK_ALBUM_RELEASE_DATE = "track_album_release_date";
  static final String PLAYLIST_NAME = "playlist_name";
  static final String PLAYLIST_ID = "playlist_id";
  static final String PLAYLIST_GENRE = "playlist_genre";
  static final String PLAYLIST_SUBGENRE = "playlist_subgenre";

  /** The columns the header must name. */
  public static final List<String> COLUMNS;

  static {
    List<String> columns = new ArrayList<>(List.of(TRACK_ID, TRACK_NAME, TRACK_ARTIST, TRACK_POPULARITY,
        TRACK_ALBUM_ID, TRACK_ALBUM_NAME, TRACK_ALBUM_RELEASE_DATE, PLAYLIST_NAME, PLAYLIST_ID,
        PLAYLIST_GENRE, PLAYLIST_SUBGENRE));
    columns.addAll(AUDIO_FEATURES);
    COLUMNS = List.copyOf(columns);
  }

  /** Fields that define a track; a track reappearing with any of them changed is a conflict. */
  private static final List<String> TRACK_FIELDS;

  static {
    List<String> fields = new ArrayList<>(List.of(TRACK_NAME, TRACK_ARTIST, TRACK_POPULARITY,
        TRACK_ALBUM_ID, TRACK_ALBUM_RELEASE_DATE));
    fields.addAll(AUDIO_FEATURES);
    TRACK_FIELDS = List.copyOf(fields);
  }

  private static final int PROGRESS_BATCH = 1024;

  @Override
  public IngestResult read(Path input, RejectReport rejects, ProgressTracker progress) throws IOException {
    if (!Files.isRegularFile(input)) {
      throw new IngestException("Spotify Songs input " + input + " is not a readable file");
    }
    CsvSource source = CsvSource.locate(input);
    try (InputStream in = source.open(); Reader text = Utf8Text.reader(in)) {
      return new Ingestion(source.name(), rejects).run(text, progress);
    } catch (IOException | UncheckedIOException e) {
      if (!Utf8Text.isDecodingFailure(e)) {
        throw e;
      }
      long line;
      try (InputStream in = source.open()) {
        line = Utf8Text.lineOfFirstMalformedByte(in);
      }
      throw new IngestException(source.name() + ": line " + line + " is not valid UTF-8", e);
    }
  }

  /**
   * Where the CSV text is: a plain file, or the single CSV entry of a ZIP archive, which is read in place.
   *
   * @param name the file name, or {@code archive.zip!/entry.csv}, as rejects and errors name it
   * @param entry the archive entry, or null for a plain file
   */
  private record CsvSource(Path input, String name, String entry) {
    static CsvSource locate(Path input) throws IOException {
      String fileName = input.getFileName().toString();
      if (!fileName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        return new CsvSource(input, fileName, null);
      }
      try (ZipFile zip = new ZipFile(input.toFile(), StandardCharsets.UTF_8)) {
        List<String> csvEntries = zip.stream().filter(e -> !e.isDirectory()
            && !e.getName().startsWith("__MACOSX/") && e.getName().toLowerCase(Locale.ROOT).endsWith(".csv"))
            .map(ZipEntry::getName).toList();
        if (csvEntries.size() != 1) {
          throw new IngestException("archive " + input + " must hold exactly one .csv entry (found "
              + csvEntries + ")");
        }
        return new CsvSource(input, fileName + "!/" + csvEntries.get(0), csvEntries.get(0));
      }
    }

    /** The raw bytes of the CSV text; closing the stream closes the archive. */
    InputStream open() throws IOException {
      if (entry == null) {
        return Files.newInputStream(input);
      }
      ZipFile zip = new ZipFile(input.toFile(), StandardCharsets.UTF_8);
      try {
        return new FilterInputStream(zip.getInputStream(zip.getEntry(entry))) {
          @Override
          public void close() throws IOException {
            try (zip) {
              super.close();
            }
          }
        };
      } catch (IOException | RuntimeException e) {
        zip.close();
        throw e;
      }
    }
  }

  /** The state of one read: the graph under construction and what each node looked like first. */
  private static final class Ingestion {
    private final String file;
    private final RejectReport rejects;
    private final CatalogGraphAssembler graph = new CatalogGraphAssembler(AUDIO_FEATURES, false);
    private final FirstSeenValues trackValues = new FirstSeenValues(TRACK, TRACK_FIELDS);
    private final FirstSeenValues albumValues = new FirstSeenValues(ALBUM,
        List.of(TRACK_ALBUM_NAME, TRACK_ALBUM_RELEASE_DATE));
    private final FirstSeenValues playlistValues = new FirstSeenValues(PLAYLIST, List.of(PLAYLIST_NAME));
    private final List<Map<Label, Integer>> playlistLabels = new ArrayList<>();
    private final RowValidation row = new RowValidation();
    private final AttributeColumn.Builder popularity;
    private final AttributeColumn.Builder trackRelease;
    private final AttributeColumn.Builder trackPrecision;
    private final AttributeColumn.Builder albumRelease;
    private final AttributeColumn.Builder albumPrecision;
    private List<String> header;

    Ingestion(String file, RejectReport rejects) {
      this.file = file;
      this.rejects = rejects;
      popularity = graph.attribute(TRACK, POPULARITY, AttributeKind.INT);
      trackRelease = graph.attribute(TRACK, RELEASE_DATE, AttributeKind.DATE);
      trackPrecision = graph.attribute(TRACK, RELEASE_DATE_PRECISION, AttributeKind.STRING);
      albumRelease = graph.attribute(ALBUM, RELEASE_DATE, AttributeKind.DATE);
      albumPrecision = graph.attribute(ALBUM, RELEASE_DATE_PRECISION, AttributeKind.STRING);
      graph.attribute(PLAYLIST, GENRE, AttributeKind.STRING);
      graph.attribute(PLAYLIST, SUBGENRE, AttributeKind.STRING);
    }

    IngestResult run(Reader reader, ProgressTracker progress) throws IOException {
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
      long rows = 0;
      progress.begin(PROGRESS_STAGE, -1);
      try (CSVParser parser = openParser(reader, format)) {
        resolveHeader(parser.getHeaderNames());
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
          // commons-csv counts line breaks consumed so far; a record starts on the line after them.
          long line = parser.getCurrentLineNumber() + 1;
          CSVRecord record;
          try {
            if (!records.hasNext()) {
              break;
            }
            record = records.next();
          } catch (UncheckedIOException e) {
            if (Utf8Text.isDecodingFailure(e)) {
              throw e;
            }
            throw new IngestException(file + ": unreadable CSV from line " + line + ": "
                + e.getCause().getMessage(), e);
          }
          if (record.size() == 1 && record.get(0).isEmpty()) {
            continue; // a blank line holds no data
          }
          rows++;
          ingest(record, line);
          if (rows % PROGRESS_BATCH == 0) {
            progress.step(PROGRESS_BATCH);
          }
        }
      }
      progress.step(rows % PROGRESS_BATCH);
      progress.end();
      List<String> notes = new ArrayList<>();
      storeMajorityLabels(notes);
      return graph.finish(rejects, rows, notes, progress);
    }

    private CSVParser openParser(Reader reader, CSVFormat format) throws IOException {
      try {
        return CSVParser.parse(reader, format);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        if (Utf8Text.isDecodingFailure(e)) {
          throw e;
        }
        throw new IngestException(file + ": unreadable header on line 1: " + e.getMessage(), e);
      }
    }

    private void resolveHeader(List<String> names) {
      header = List.copyOf(names);
      List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
      if (!missing.isEmpty()) {
        throw new IngestException(file + ": header lacks column(s) " + missing + " (found " + header + ")");
      }
    }

    private void ingest(CSVRecord record, long line) {
      row.reset();
      if (record.size() < header.size()) {
        row.fail(header.get(record.size()), RejectReason.MISSING_FIELD,
            "row has " + record.size() + " of " + header.size() + " fields");
        row.reject(rejects, file, line, null);
        return;
      }
      if (record.size() > header.size()) {
        row.fail("*", RejectReason.MALFORMED_ROW,
            "row has " + record.size() + " fields, the header " + header.size());
        row.reject(rejects, file, line, null);
        return;
      }
      String trackId = row.required(TRACK_ID, record.get(TRACK_ID));
      String trackName = RowValidation.optional(record.get(TRACK_NAME));
      String artistName = row.required(TRACK_ARTIST, record.get(TRACK_ARTIST));
      int trackPopularity = row.integer(TRACK_POPULARITY, record.get(TRACK_POPULARITY));
      String albumId = row.required(TRACK_ALBUM_ID, record.get(TRACK_ALBUM_ID));
      String albumName = RowValidation.optional(record.get(TRACK_ALBUM_NAME));
      PartialDate release = row.date(TRACK_ALBUM_RELEASE_DATE, record.get(TRACK_ALBUM_RELEASE_DATE));
      String playlistName = RowValidation.optional(record.get(PLAYLIST_NAME));
      String playlistId = row.required(PLAYLIST_ID, record.get(PLAYLIST_ID));
      String genre = row.required(PLAYLIST_GENRE, record.get(PLAYLIST_GENRE));
      String subgenre = row.required(PLAYLIST_SUBGENRE, record.get(PLAYLIST_SUBGENRE));
      float[] features = new float[AUDIO_FEATURES.size()];
      for (int f = 0; f < features.length; f++) {
        String column = AUDIO_FEATURES.get(f);
        features[f] = row.finiteFloat(column, record.get(column));
      }
      if (row.failed()) {
        row.reject(rejects, file, line, null);
        return;
      }

      Object[] trackRow = new Object[TRACK_FIELDS.size()];
      trackRow[0] = trackName;
      trackRow[1] = artistName;
      trackRow[2] = trackPopularity;
      trackRow[3] = albumId;
      trackRow[4] = release;
      for (int f = 0; f < features.length; f++) {
        trackRow[5 + f] = features[f];
      }
      Object[] albumRow = {albumName, release};
      Object[] playlistRow = {playlistName};
      int track = graph.indexOf(TRACK, trackId);
      int album = graph.indexOf(ALBUM, albumId);
      int playlist = graph.indexOf(PLAYLIST, playlistId);
      if (track >= 0) {
        trackValues.check(track, trackId, trackRow, row);
      }
      if (album >= 0) {
        albumValues.check(album, albumId, albumRow, row);
      }
      if (playlist >= 0) {
        playlistValues.check(playlist, playlistId, playlistRow, row);
      }
      if (row.failed()) {
        row.reject(rejects, file, line, null);
        return;
      }

      if (album < 0) {
        album = graph.addNode(ALBUM, albumId, albumName);
        albumRelease.setDate(album, release.date());
        albumPrecision.setString(album, release.precision().label());
        albumValues.record(album, albumRow);
      }
      if (track < 0) {
        int artist = graph.indexOf(ARTIST, artistName);
        if (artist < 0) {
          artist = graph.addNode(ARTIST, artistName, artistName);
        }
        track = graph.addTrack(trackId, trackName, artist, album);
        popularity.setInt(track, trackPopularity);
        trackRelease.setDate(track, release.date());
        trackPrecision.setString(track, release.precision().label());
        graph.setTrackFeatures(track, features);
        trackValues.record(track, trackRow);
      }
      if (playlist < 0) {
        playlist = graph.addNode(PLAYLIST, playlistId, playlistName);
        playlistValues.record(playlist, playlistRow);
        playlistLabels.add(new LinkedHashMap<>());
      }
      graph.addToPlaylist(playlist, track);
      playlistLabels.get(playlist).merge(new Label(genre, subgenre), 1, Integer::sum);
    }

    /**
     * Stores each playlist's majority (genre, subgenre) label; insertion order of the vote map makes
     * the first-seen label win ties.
     */
    private void storeMajorityLabels(List<String> notes) {
      AttributeColumn.Builder genres = graph.attribute(PLAYLIST, GENRE, AttributeKind.STRING);
      AttributeColumn.Builder subgenres = graph.attribute(PLAYLIST, SUBGENRE, AttributeKind.STRING);
      int multiLabelled = 0;
      long disagreeing = 0;
      for (int p = 0; p < playlistLabels.size(); p++) {
        Map<Label, Integer> votes = playlistLabels.get(p);
        Label kept = null;
        int keptVotes = 0;
        int allVotes = 0;
        for (Map.Entry<Label, Integer> vote : votes.entrySet()) {
          allVotes += vote.getValue();
          if (vote.getValue() > keptVotes) {
            kept = vote.getKey();
            keptVotes = vote.getValue();
          }
        }
        genres.setString(p, kept.genre());
        subgenres.setString(p, kept.subgenre());
        if (votes.size() > 1) {
          multiLabelled++;
          disagreeing += allVotes - keptVotes;
        }
      }
      if (multiLabelled > 0) {
        notes.add(multiLabelled + " playlist(s) carry more than one (genre, subgenre) label across their"
            + " rows; each keeps the label on most of its rows (the first seen on ties), and " + disagreeing
            + " row(s) disagree with the kept label");
      }
    }
  }

  private record Label(String genre, String subgenre) {}
}
