package dev.polyphony.graph.io;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import java.util.List;

/**
 * The music catalog schema read by {@link SpotifySongsReader} and {@link MpdReader}:
 * {@code (playlist)-[contains]->(track)}, {@code (track)-[by_artist]->(artist)} and
 * {@code (track)-[on_album]->(album)}, plus the attribute names both readers use.
 */
public final class SpotifySongsSchema {
  private SpotifySongsSchema() {}

  private static final GraphSchema.Builder BUILDER = GraphSchema.builder();

  public static final NodeType TRACK = BUILDER.node("track");
  public static final NodeType PLAYLIST = BUILDER.node("playlist");
  public static final NodeType ARTIST = BUILDER.node("artist");
  public static final NodeType ALBUM = BUILDER.node("album");

  public static final EdgeType CONTAINS = BUILDER.edge(PLAYLIST, "contains", TRACK);
  public static final EdgeType BY_ARTIST = BUILDER.edge(TRACK, "by_artist", ARTIST);
  public static final EdgeType ON_ALBUM = BUILDER.edge(TRACK, "on_album", ALBUM);

  /** Node types track, playlist, artist, album; relations contains, by_artist, on_album. */
  public static final GraphSchema SCHEMA = BUILDER.build();

  /** The Spotify audio features of a track, in the column order of the Spotify Songs file. */
  public static final List<String> AUDIO_FEATURES = List.of("danceability", "energy", "key", "loudness",
      "mode", "speechiness", "acousticness", "instrumentalness", "liveness", "valence", "tempo",
      "duration_ms");

  /** STRING: the display name of a node of any type. */
  public static final String NAME = "name";
  /** INT: Spotify popularity of a track, 0 to 100. */
  public static final String POPULARITY = "popularity";
  /** DATE: release day of a track or album (the first day of the month or year when less precise). */
  public static final String RELEASE_DATE = "release_date";
  /** STRING: how precise {@link #RELEASE_DATE} is: {@code day}, {@code month} or {@code year}. */
  public static final String RELEASE_DATE_PRECISION = "release_date_precision";
  /** STRING: the genre label of a playlist. */
  public static final String GENRE = "genre";
  /** STRING: the subgenre label of a playlist. */
  public static final String SUBGENRE = "subgenre";
}
