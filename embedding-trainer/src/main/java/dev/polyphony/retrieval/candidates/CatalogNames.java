package dev.polyphony.retrieval.candidates;

import java.util.Objects;

/**
 * The node type, relations and track attributes the generators read from a catalog graph. The
 * defaults are the names of the Spotify songs, MPD and synthetic catalogs; a generic-format catalog
 * that names them otherwise passes its own.
 *
 * @param trackType node type of the embedded tracks, e.g. {@code track}
 * @param creatorRelation track to creator, e.g. {@code by_artist}
 * @param playlistRelation playlist to track, e.g. {@code contains}
 * @param engagementRelation user to track with timestamps (epoch milliseconds), e.g. {@code listened};
 *     optional in the graph
 * @param releaseDate DATE attribute of tracks
 * @param popularity INT or FLOAT attribute of tracks
 * @param margin FLOAT or INT attribute of tracks
 *
 * <p>Serializable, so distributed jobs can ship it.
 */
public record CatalogNames(String trackType, String creatorRelation, String playlistRelation,
    String engagementRelation, String releaseDate, String popularity, String margin) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public CatalogNames {
    requireName("trackType", trackType);
    requireName("creatorRelation", creatorRelation);
    requireName("playlistRelation", playlistRelation);
    requireName("engagementRelation", engagementRelation);
    requireName("releaseDate", releaseDate);
    requireName("popularity", popularity);
    requireName("margin", margin);
  }

  /** track, by_artist, contains, listened, release_date, popularity, margin. */
  public static CatalogNames defaults() {
    return new CatalogNames("track", "by_artist", "contains", "listened", "release_date", "popularity", "margin");
  }

  private static void requireName(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must be non-blank (got '" + value + "')");
    }
  }
}
