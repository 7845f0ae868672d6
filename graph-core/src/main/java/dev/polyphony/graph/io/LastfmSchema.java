package dev.polyphony.graph.io;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import java.util.List;

/**
 * The graph schema of the HetRec 2011 Last.fm 2K dataset as read by {@link LastfmHetrecReader}.
 *
 * <pre>
 * (user)-[listened]-&gt;(artist)   weight = play count
 * (user)-[friend]-&gt;(user)       one edge per row; the file lists each friendship in both directions
 * (user)-[tagged]-&gt;(artist)     weight = tag assignments, timestamp = earliest assignment (UTC midnight)
 * (artist)-[has_tag]-&gt;(tag)     weight = tag assignments
 * (user)-[used_tag]-&gt;(tag)      weight = tag assignments
 * </pre>
 *
 * Artists carry {@value #ARTIST_NAME}, {@value #ARTIST_PLAYS} (total plays, INT) and
 * {@value #ARTIST_LISTENERS} (distinct listening users, INT); tags carry {@value #TAG_VALUE}.
 */
public final class LastfmSchema {
  private LastfmSchema() {}

  public static final NodeType USER = new NodeType("user");
  public static final NodeType ARTIST = new NodeType("artist");
  public static final NodeType TAG = new NodeType("tag");

  public static final EdgeType LISTENED = new EdgeType(USER, "listened", ARTIST);
  public static final EdgeType FRIEND = new EdgeType(USER, "friend", USER);
  public static final EdgeType TAGGED = new EdgeType(USER, "tagged", ARTIST);
  public static final EdgeType HAS_TAG = new EdgeType(ARTIST, "has_tag", TAG);
  public static final EdgeType USED_TAG = new EdgeType(USER, "used_tag", TAG);

  /** Artist attribute: the artist's name (STRING). */
  public static final String ARTIST_NAME = "name";
  /** Artist attribute: plays summed over all accepted listened rows (INT). */
  public static final String ARTIST_PLAYS = "plays";
  /** Artist attribute: number of distinct users with an accepted listened row (INT). */
  public static final String ARTIST_LISTENERS = "listeners";
  /** Tag attribute: the tag text (STRING). */
  public static final String TAG_VALUE = "value";

  public static final GraphSchema SCHEMA = new GraphSchema(
      List.of(USER, ARTIST, TAG),
      List.of(LISTENED, FRIEND, TAGGED, HAS_TAG, USED_TAG));
}
