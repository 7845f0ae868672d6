package dev.polyphony.rank.data;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.io.SpotifySongsSchema;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the features of a (playlist, track) pair are computed from, in a catalog of the Spotify songs schema
 * ({@code playlist -contains-> track -by_artist-> artist}, track attributes {@code popularity} and
 * {@code release_date}): track embeddings scaled to unit length, track popularity, and per track a tail-creator
 * and a fresh flag. A playlist enters through a {@link Profile} of the tracks known to be in it (the training
 * tracks when building impressions, all of its tracks when recommending). Immutable.
 *
 * <p>Feature row: the profile vector (the normalised mean of its tracks' unit vectors), the track's unit
 * vector, their element-wise product, their cosine, log(1 + popularity), the largest share of the profile's
 * tracks by one of the track's creators, log(1 + profile tracks), the tail flag, the fresh flag.
 */
public final class PlaylistFeatureSpace {
  private final HeteroGraph graph;
  private final int dimension;
  private final float[] vectors;
  private final float[] popularity;
  private final float[] tail;
  private final float[] fresh;
  private final CsrAdjacency creators;

  /**
   * A profile of the tracks known to be in a playlist.
   *
   * @param vector normalised mean of the tracks' unit vectors (zeros for no tracks)
   * @param size number of tracks
   * @param creatorCounts per creator node the number of the tracks by it
   */
  public record Profile(float[] vector, int size, Int2IntOpenHashMap creatorCounts) {}

  /**
   * @param tracks one vector per track of {@code graph} (matched by id; other rows are ignored)
   * @throws IllegalArgumentException when a track of the graph has no vector, or the graph lacks the schema's
   *     relations
   */
  public PlaylistFeatureSpace(HeteroGraph graph, EmbeddingTable tracks, PlaylistImpressionsConfig config) {
    this.graph = Objects.requireNonNull(graph, "graph");
    IdMap ids = graph.ids(SpotifySongsSchema.TRACK);
    int n = ids.size();
    this.dimension = tracks.dimension();
    this.vectors = new float[n * dimension];
    float[] row = new float[dimension];
    for (int t = 0; t < n; t++) {
      int r = tracks.rowOf(ids.externalId(t));
      if (r < 0) {
        throw new IllegalArgumentException("track '" + ids.externalId(t) + "' has no embedding (" + tracks.size()
            + " tracks are embedded)");
      }
      tracks.copyVector(r, row, 0);
      double norm = 0;
      for (float x : row) {
        norm += (double) x * x;
      }
      double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (int c = 0; c < dimension; c++) {
        vectors[t * dimension + c] = (float) (row[c] * scale);
      }
    }
    this.creators = graph.out(SpotifySongsSchema.BY_ARTIST);
    this.popularity = new float[n];
    AttributeColumn pop = graph.attributes(SpotifySongsSchema.TRACK).find(SpotifySongsSchema.POPULARITY)
        .orElseThrow(() -> new IllegalArgumentException("the tracks have no attribute '" + SpotifySongsSchema.POPULARITY
            + "'"));
    for (int t = 0; t < n; t++) {
      popularity[t] = pop.isPresent(t) ? (float) number(pop, t) : 0f;
    }
    this.tail = tailFlags(config.tailPercentile());
    this.fresh = freshFlags(config.freshDays());
  }

  private static double number(AttributeColumn column, int row) {
    return column.kind() == AttributeKind.INT ? column.getInt(row) : column.getFloat(row);
  }

  /** Tracks whose creators all have summed track popularity below the {@code percentile} quantile of creators'. */
  private float[] tailFlags(double percentile) {
    int artists = graph.nodeCount(SpotifySongsSchema.ARTIST);
    double[] sums = new double[artists];
    for (int t = 0; t < popularity.length; t++) {
      for (int e = creators.start(t); e < creators.end(t); e++) {
        sums[creators.target(e)] += popularity[t];
      }
    }
    double[] sorted = sums.clone();
    Arrays.sort(sorted);
    double threshold = sorted.length == 0 ? 0
        : sorted[(int) Math.min(sorted.length - 1, Math.floor(percentile * sorted.length))];
    float[] flags = new float[popularity.length];
    for (int t = 0; t < flags.length; t++) {
      boolean all = creators.degree(t) > 0;
      for (int e = creators.start(t); e < creators.end(t); e++) {
        all &= sums[creators.target(e)] < threshold;
      }
      flags[t] = all ? 1f : 0f;
    }
    return flags;
  }

  /** Tracks released at most {@code days} before the latest release date of the catalog. */
  private float[] freshFlags(int days) {
    float[] flags = new float[popularity.length];
    AttributeColumn dates = graph.attributes(SpotifySongsSchema.TRACK).find(SpotifySongsSchema.RELEASE_DATE)
        .orElse(null);
    if (dates == null) {
      return flags;
    }
    long latest = Long.MIN_VALUE;
    for (int t = 0; t < flags.length; t++) {
      if (dates.isPresent(t)) {
        latest = Math.max(latest, dates.getEpochDay(t));
      }
    }
    for (int t = 0; t < flags.length; t++) {
      flags[t] = dates.isPresent(t) && latest - dates.getEpochDay(t) <= days ? 1f : 0f;
    }
    return flags;
  }

  /** Column names of a feature row for embeddings of {@code dimension}. */
  public static List<String> featureNames(int dimension) {
    List<String> names = new ArrayList<>();
    for (String part : List.of("playlist_", "track_", "product_")) {
      for (int i = 0; i < dimension; i++) {
        names.add(part + i);
      }
    }
    names.addAll(List.of("cosine", "log_popularity", "same_creator_share", "log_playlist_tracks", "tail_creator",
        "fresh"));
    return names;
  }

  public int featureCount() {
    return 3 * dimension + 6;
  }

  public int tracks() {
    return popularity.length;
  }

  /** The profile of the track nodes {@code members}. */
  public Profile profile(int[] members) {
    float[] mean = new float[dimension];
    Int2IntOpenHashMap counts = new Int2IntOpenHashMap();
    for (int t : members) {
      for (int c = 0; c < dimension; c++) {
        mean[c] += vectors[t * dimension + c];
      }
      for (int e = creators.start(t); e < creators.end(t); e++) {
        counts.addTo(creators.target(e), 1);
      }
    }
    double norm = 0;
    for (float x : mean) {
      norm += (double) x * x;
    }
    if (norm > 0) {
      double scale = 1 / Math.sqrt(norm);
      for (int c = 0; c < dimension; c++) {
        mean[c] = (float) (mean[c] * scale);
      }
    }
    return new Profile(mean, members.length, counts);
  }

  /** The cosine of the profile's vector and track {@code track}'s. */
  public float cosine(Profile profile, int track) {
    float s = 0;
    float[] p = profile.vector();
    for (int c = 0; c < dimension; c++) {
      s += p[c] * vectors[track * dimension + c];
    }
    return s;
  }

  public float popularity(int track) {
    return popularity[track];
  }

  public float tail(int track) {
    return tail[track];
  }

  public float fresh(int track) {
    return fresh[track];
  }

  /** Writes the feature row of (profile, track) into {@code out[offset, offset + featureCount)}. */
  public void fill(Profile profile, int track, float[] out, int offset) {
    int d = dimension;
    float[] p = profile.vector();
    float dot = 0;
    for (int c = 0; c < d; c++) {
      float x = p[c];
      float y = vectors[track * d + c];
      out[offset + c] = x;
      out[offset + d + c] = y;
      out[offset + 2 * d + c] = x * y;
      dot += x * y;
    }
    int most = 0;
    for (int e = creators.start(track); e < creators.end(track); e++) {
      most = Math.max(most, profile.creatorCounts().get(creators.target(e)));
    }
    out[offset + 3 * d] = dot;
    out[offset + 3 * d + 1] = (float) Math.log1p(popularity[track]);
    out[offset + 3 * d + 2] = profile.size() == 0 ? 0f : (float) most / profile.size();
    out[offset + 3 * d + 3] = (float) Math.log1p(profile.size());
    out[offset + 3 * d + 4] = tail[track];
    out[offset + 3 * d + 5] = fresh[track];
  }
}
