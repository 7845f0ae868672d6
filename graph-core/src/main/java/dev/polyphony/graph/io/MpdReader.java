package dev.polyphony.graph.io;

import static dev.polyphony.graph.io.SpotifySongsSchema.ALBUM;
import static dev.polyphony.graph.io.SpotifySongsSchema.ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.PLAYLIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.TRACK;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads slices of the Spotify Million Playlist Dataset (MPD) into a {@link SpotifySongsSchema} graph.
 * The input is one slice file or a directory whose {@code *.json} slices are read in name order. Each
 * slice is streamed with Jackson's {@link JsonParser}; only one playlist is held in memory at a time.
 *
 * <p>A slice is {@code {"info": {...}, "playlists": [...]}}; each playlist has {@code pid},
 * {@code name}, {@code collaborative}, {@code modified_at} (epoch seconds), {@code num_followers}, an
 * optional {@code description} and {@code tracks}, each track with {@code pos}, {@code track_uri},
 * {@code track_name}, {@code artist_uri}, {@code artist_name}, {@code album_uri}, {@code album_name} and
 * {@code duration_ms}. Other fields (the counts MPD derives from the tracks) are skipped.
 *
 * <p>Graph: a playlist per pid with attributes name, description, {@link #COLLABORATIVE} (1 or 0),
 * {@link #NUM_FOLLOWERS} and {@link #MODIFIED_AT} (the UTC day); a track per track URI with name and
 * {@link #DURATION_MS}; an artist per artist URI and an album per album URI, each with its name.
 * Contains edges carry the playlist's {@code modified_at} in epoch milliseconds (MPD has no per-track
 * time). A track listed twice in a playlist adds a duplicate edge, merged by the builder and counted in
 * {@link IngestResult#mergedDuplicateEdges()}. Tracks have no features (MPD has no audio features).
 *
 * <p>Rejects, with the slice's file name and the JSON line where the entry starts: a track without
 * track, artist or album URI ({@code MISSING_FIELD}); a non-integer {@code pos} or {@code duration_ms}
 * ({@code UNPARSABLE_NUMBER}); a track, artist or album reappearing with another artist URI, album
 * URI, name or duration than on its first entry ({@code CONFLICTING_DUPLICATE_NODE}); an object or
 * array where a single value belongs ({@code MALFORMED_ROW}). Details start with the playlist pid and
 * the track pos. A playlist without pid or {@code modified_at}, or reappearing with other values, is
 * rejected as one entry and none of its tracks is added (the detail says how many). Malformed JSON,
 * or a slice that is not an object with a {@code playlists} array, is an {@link IngestException}
 * naming the file and line.
 */
public final class MpdReader implements GraphReader {
  /** The progress stage of reading slices; its steps are bytes of JSON. */
  public static final String PROGRESS_STAGE = "read mpd slices";
  /** INT on playlists: followers when the dataset was sampled. */
  public static final String NUM_FOLLOWERS = "num_followers";
  /** DATE on playlists: the UTC day of the last edit ({@code modified_at}); the exact time is on its edges. */
  public static final String MODIFIED_AT = "modified_at";
  /** INT on playlists: 1 when the playlist is collaborative, else 0. */
  public static final String COLLABORATIVE = "collaborative";
  /** STRING on playlists: the optional description. */
  public static final String DESCRIPTION = "description";
  /** INT on tracks: the duration in milliseconds. */
  public static final String DURATION_MS = "duration_ms";

  static final String PID = "pid";
  static final String PLAYLIST_NAME = "name";
  static final List<String> PLAYLIST_FIELDS = List.of(PID, PLAYLIST_NAME, COLLABORATIVE, MODIFIED_AT,
      NUM_FOLLOWERS, DESCRIPTION);

  static final String POS = "pos";
  static final String TRACK_URI = "track_uri";
  static final String TRACK_NAME = "track_name";
  static final String ARTIST_URI = "artist_uri";
  static final String ARTIST_NAME = "artist_name";
  static final String ALBUM_URI = "album_uri";
  static final String ALBUM_NAME = "album_name";
  static final List<String> TRACK_FIELDS = List.of(POS, TRACK_URI, TRACK_NAME, ARTIST_URI, ARTIST_NAME,
      ALBUM_URI, ALBUM_NAME, DURATION_MS);

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  @Override
  public IngestResult read(Path input, RejectReport rejects, ProgressTracker progress) throws IOException {
    List<Path> slices = slices(input);
    long bytes = 0;
    for (Path slice : slices) {
      bytes += Files.size(slice);
    }
    Ingestion ingestion = new Ingestion(rejects);
    progress.begin(PROGRESS_STAGE, bytes);
    for (Path slice : slices) {
      ingestion.readSlice(slice, progress);
    }
    progress.end();
    List<String> notes = List.of("read " + slices.size() + " slice(s) holding " + ingestion.playlistsRead
        + " playlist(s) and " + ingestion.tracksRead + " track entries");
    return ingestion.graph.finish(rejects, ingestion.tracksRead, notes, progress);
  }

  /** The slice itself, or the {@code *.json} files of a directory sorted by name. */
  static List<Path> slices(Path input) throws IOException {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    if (!Files.isDirectory(input)) {
      throw new IngestException("MPD input " + input + " is neither a slice file nor a directory");
    }
    List<Path> slices;
    try (Stream<Path> files = Files.list(input)) {
      slices = files.filter(f -> Files.isRegularFile(f)
              && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    }
    if (slices.isEmpty()) {
      throw new IngestException("MPD directory " + input + " holds no *.json slices");
    }
    return slices;
  }

  /** One playlist or track object as read: its known fields as text, and where it starts. */
  private static final class Entry {
    final long line;
    final List<String> fields;
    final String[] values;
    private String malformedField;
    private String malformedDetail;

    Entry(long line, List<String> fields) {
      this.line = line;
      this.fields = fields;
      this.values = new String[fields.size()];
    }

    String get(String field) {
      return values[fields.indexOf(field)];
    }

    /** Stores the parser's current value under {@code field} when it is one of the known fields. */
    void read(JsonParser parser, String field) throws IOException {
      int index = fields.indexOf(field);
      JsonToken token = parser.currentToken();
      if (token.isStructStart()) {
        parser.skipChildren();
        if (index >= 0) {
          markMalformed(field, "an object or array where a single value belongs");
        }
      } else if (index >= 0) {
        values[index] = token == JsonToken.VALUE_NULL ? null : parser.getText();
      }
    }

    /** Notes a structural fault; the first one is reported. */
    void markMalformed(String field, String detail) {
      if (malformedField == null) {
        malformedField = field;
        malformedDetail = detail;
      }
    }

    /** Makes a structural fault the row's problem. */
    void reportStructure(RowValidation row) {
      if (malformedField != null) {
        row.fail(malformedField, RejectReason.MALFORMED_ROW, malformedDetail);
      }
    }
  }

  /** The state of one read over all slices. */
  private static final class Ingestion {
    final CatalogGraphAssembler graph = new CatalogGraphAssembler(List.of(), true);
    private final RejectReport rejects;
    private final RowValidation row = new RowValidation();
    private final FirstSeenValues playlistValues = new FirstSeenValues(PLAYLIST,
        List.of(PLAYLIST_NAME, COLLABORATIVE, MODIFIED_AT, NUM_FOLLOWERS, DESCRIPTION));
    private final FirstSeenValues trackValues = new FirstSeenValues(TRACK,
        List.of(TRACK_NAME, ARTIST_URI, ALBUM_URI, DURATION_MS));
    private final FirstSeenValues artistValues = new FirstSeenValues(ARTIST, List.of(ARTIST_NAME));
    private final FirstSeenValues albumValues = new FirstSeenValues(ALBUM, List.of(ALBUM_NAME));
    private final AttributeColumn.Builder collaborative;
    private final AttributeColumn.Builder modifiedAt;
    private final AttributeColumn.Builder followers;
    private final AttributeColumn.Builder description;
    private final AttributeColumn.Builder duration;
    long playlistsRead;
    long tracksRead;

    Ingestion(RejectReport rejects) {
      this.rejects = rejects;
      collaborative = graph.attribute(PLAYLIST, COLLABORATIVE, AttributeKind.INT);
      modifiedAt = graph.attribute(PLAYLIST, MODIFIED_AT, AttributeKind.DATE);
      followers = graph.attribute(PLAYLIST, NUM_FOLLOWERS, AttributeKind.INT);
      description = graph.attribute(PLAYLIST, DESCRIPTION, AttributeKind.STRING);
      duration = graph.attribute(TRACK, DURATION_MS, AttributeKind.INT);
    }

    void readSlice(Path slice, ProgressTracker progress) throws IOException {
      String file = slice.getFileName().toString();
      long sliceBytes = Files.size(slice);
      long reportedBytes = 0;
      try (InputStream in = Files.newInputStream(slice); JsonParser parser = JSON.createParser(in)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          throw structure(file, parser, "a slice must be a JSON object");
        }
        boolean sawPlaylists = false;
        while (next(parser, file) == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = next(parser, file);
          if (!field.equals("playlists")) {
            parser.skipChildren();
            continue;
          }
          if (value != JsonToken.START_ARRAY) {
            throw structure(file, parser, "'playlists' must be an array");
          }
          sawPlaylists = true;
          JsonToken token;
          while ((token = next(parser, file)) != JsonToken.END_ARRAY) {
            long line = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
              parser.skipChildren();
              row.reset();
              row.fail("playlists", RejectReason.MALFORMED_ROW, "a playlist must be an object (got " + token + ")");
              row.reject(rejects, file, line, null);
              continue;
            }
            readPlaylist(parser, file, line);
            long offset = parser.currentLocation().getByteOffset();
            progress.step(offset - reportedBytes);
            reportedBytes = offset;
          }
        }
        if (!sawPlaylists) {
          throw structure(file, parser, "the slice has no 'playlists' array");
        }
        if (parser.nextToken() != null) {
          throw structure(file, parser, "content follows the slice object");
        }
      } catch (StreamReadException e) {
        throw new IngestException(file + " line " + e.getLocation().getLineNr() + ": malformed JSON: "
            + e.getOriginalMessage(), e);
      }
      progress.step(sliceBytes - reportedBytes);
    }

    private void readPlaylist(JsonParser parser, String file, long line) throws IOException {
      Entry playlist = new Entry(line, PLAYLIST_FIELDS);
      List<Entry> tracks = new ArrayList<>();
      while (next(parser, file) == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = next(parser, file);
        if (!field.equals("tracks")) {
          playlist.read(parser, field);
        } else if (value == JsonToken.START_ARRAY) {
          JsonToken token;
          while ((token = next(parser, file)) != JsonToken.END_ARRAY) {
            tracks.add(readTrack(parser, file, token));
          }
        } else if (value != JsonToken.VALUE_NULL) {
          parser.skipChildren();
          playlist.markMalformed("tracks", "must be an array (got " + value + ")");
        }
      }
      playlistsRead++;
      tracksRead += tracks.size();
      ingest(file, playlist, tracks);
    }

    private Entry readTrack(JsonParser parser, String file, JsonToken token) throws IOException {
      Entry track = new Entry(parser.currentTokenLocation().getLineNr(), TRACK_FIELDS);
      if (token != JsonToken.START_OBJECT) {
        parser.skipChildren();
        track.markMalformed("tracks", "a track must be an object (got " + token + ")");
        return track;
      }
      while (next(parser, file) == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        next(parser, file);
        track.read(parser, field);
      }
      return track;
    }

    private void ingest(String file, Entry entry, List<Entry> tracks) {
      row.reset();
      entry.reportStructure(row);
      String pid = row.required(PID, entry.get(PID));
      String name = RowValidation.optional(entry.get(PLAYLIST_NAME));
      Integer isCollaborative = flag(entry.get(COLLABORATIVE));
      long modifiedSeconds = row.longInteger(MODIFIED_AT, entry.get(MODIFIED_AT));
      Integer followerCount = row.optionalInteger(NUM_FOLLOWERS, entry.get(NUM_FOLLOWERS));
      String about = RowValidation.optional(entry.get(DESCRIPTION));
      long modifiedMillis = 0;
      if (!row.failed()) {
        try {
          modifiedMillis = Math.multiplyExact(modifiedSeconds, 1000L);
        } catch (ArithmeticException e) {
          row.fail(MODIFIED_AT, RejectReason.UNPARSABLE_NUMBER, "'" + modifiedSeconds
              + "' is beyond the range of epoch seconds");
        }
      }
      Object[] values = {name, isCollaborative, modifiedSeconds, followerCount, about};
      int playlist = row.failed() ? -1 : graph.indexOf(PLAYLIST, pid);
      if (playlist >= 0) {
        playlistValues.check(playlist, pid, values, row);
      }
      if (row.failed()) {
        String which = pid == null || pid.isEmpty() ? "playlist without pid" : "playlist pid " + pid;
        row.reject(rejects, file, entry.line, which + " (" + tracks.size() + " track(s) not added)");
        return;
      }
      if (playlist < 0) {
        playlist = graph.addNode(PLAYLIST, pid, name);
        collaborative.set(playlist, isCollaborative);
        modifiedAt.setDate(playlist, LocalDate.ofEpochDay(Math.floorDiv(modifiedSeconds, 86_400L)));
        followers.set(playlist, followerCount);
        description.setString(playlist, about);
        playlistValues.record(playlist, values);
      }
      for (Entry track : tracks) {
        ingestTrack(file, pid, playlist, modifiedMillis, track);
      }
    }

    /** 1, 0 or null for "true", "false" or absent; a malformed value is recorded as the row's problem. */
    private Integer flag(String value) {
      if (RowValidation.optional(value) == null) {
        return null;
      }
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return value.equalsIgnoreCase("true") ? 1 : 0;
      }
      row.fail(COLLABORATIVE, RejectReason.MALFORMED_ROW, "'" + value + "' is neither true nor false");
      return null;
    }

    private void ingestTrack(String file, String pid, int playlist, long modifiedMillis, Entry entry) {
      row.reset();
      entry.reportStructure(row);
      row.optionalInteger(POS, entry.get(POS));
      String trackUri = row.required(TRACK_URI, entry.get(TRACK_URI));
      String artistUri = row.required(ARTIST_URI, entry.get(ARTIST_URI));
      String albumUri = row.required(ALBUM_URI, entry.get(ALBUM_URI));
      String trackName = RowValidation.optional(entry.get(TRACK_NAME));
      String artistName = RowValidation.optional(entry.get(ARTIST_NAME));
      String albumName = RowValidation.optional(entry.get(ALBUM_NAME));
      Integer durationMs = row.optionalInteger(DURATION_MS, entry.get(DURATION_MS));
      Object[] trackRow = {trackName, artistUri, albumUri, durationMs};
      Object[] artistRow = {artistName};
      Object[] albumRow = {albumName};
      int track = row.failed() ? -1 : graph.indexOf(TRACK, trackUri);
      int artist = row.failed() ? -1 : graph.indexOf(ARTIST, artistUri);
      int album = row.failed() ? -1 : graph.indexOf(ALBUM, albumUri);
      if (track >= 0) {
        trackValues.check(track, trackUri, trackRow, row);
      }
      if (artist >= 0) {
        artistValues.check(artist, artistUri, artistRow, row);
      }
      if (album >= 0) {
        albumValues.check(album, albumUri, albumRow, row);
      }
      if (row.failed()) {
        String pos = entry.get(POS);
        row.reject(rejects, file, entry.line, "pid " + pid + ", pos " + (pos == null ? "(none)" : pos));
        return;
      }
      if (artist < 0) {
        artist = graph.addNode(ARTIST, artistUri, artistName);
        artistValues.record(artist, artistRow);
      }
      if (album < 0) {
        album = graph.addNode(ALBUM, albumUri, albumName);
        albumValues.record(album, albumRow);
      }
      if (track < 0) {
        track = graph.addTrack(trackUri, trackName, artist, album);
        duration.set(track, durationMs);
        trackValues.record(track, trackRow);
      }
      graph.addToPlaylist(playlist, track, modifiedMillis);
    }

    /** The next token; the end of input inside an object or array is malformed JSON. */
    private static JsonToken next(JsonParser parser, String file) throws IOException {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw structure(file, parser, "the input ends inside an object or array");
      }
      return token;
    }

    private static IngestException structure(String file, JsonParser parser, String problem) {
      return new IngestException(file + " line " + parser.currentLocation().getLineNr() + ": " + problem);
    }
  }
}
