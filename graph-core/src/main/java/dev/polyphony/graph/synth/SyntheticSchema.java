package dev.polyphony.graph.synth;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import java.util.List;

/**
 * Node types, relations, attribute names and feature columns of synthetic catalogs. Relation names
 * {@code contains} and {@code by_artist} and the audio-feature columns are the ones the Spotify songs
 * data uses, so code written against one runs on the other.
 */
public final class SyntheticSchema {
  private SyntheticSchema() {}

  public static final NodeType TRACK = NodeType.of("track");
  public static final NodeType PLAYLIST = NodeType.of("playlist");
  /** The creators. */
  public static final NodeType ARTIST = NodeType.of("artist");
  public static final NodeType USER = NodeType.of("user");

  /** Playlist to track; unweighted. */
  public static final EdgeType CONTAINS = EdgeType.of(PLAYLIST, "contains", TRACK);
  /** Track to its one artist; unweighted. */
  public static final EdgeType BY_ARTIST = EdgeType.of(TRACK, "by_artist", ARTIST);
  /** User to track; weight = play count, timestamp = epoch milliseconds of the first listen. */
  public static final EdgeType LISTENED = EdgeType.of(USER, "listened", TRACK);

  public static final GraphSchema SCHEMA = new GraphSchema(List.of(TRACK, PLAYLIST, ARTIST, USER),
      List.of(CONTAINS, BY_ARTIST, LISTENED));

  /** STRING on track (the artist's genre), artist, and playlist (the genre most of its tracks come from). */
  public static final String GENRE = "genre";
  /** DATE on track. */
  public static final String RELEASE_DATE = "release_date";
  /** INT 0..100 on track, derived from playlist inclusions and play counts (log scale). */
  public static final String POPULARITY = "popularity";
  /** FLOAT in [0, 1] on track: revenue margin. */
  public static final String MARGIN = "margin";
  /** INT 0/1 on track: 1 for planted trending tracks whose listens grow towards the end of the window. */
  public static final String TRENDING = "trending";
  /** STRING on user: the genre most of the user's listens come from. */
  public static final String PREFERRED_GENRE = "preferred_genre";

  /** The twelve audio features of every track, named as in the Spotify data. */
  public static final List<String> AUDIO_FEATURES = List.of("danceability", "energy", "key", "loudness",
      "mode", "speechiness", "acousticness", "instrumentalness", "liveness", "valence", "tempo",
      "duration_ms");
}
