package dev.polyphony.retrieval.quality;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.retrieval.candidates.CatalogNames;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A track embedding computed without training, so the retrieval harness can run end to end before a
 * trained model is plugged in; every table it makes says so in its
 * {@value #STAND_IN_PROPERTY} property. Row {@code t} is
 * {@code P z_t + artistWeight * mean_a(u_a)}:
 *
 * <ul>
 *   <li>{@code z_t}: the track's features standardised per column (z-scores over all tracks);</li>
 *   <li>{@code P}: a {@code dimension x features} matrix of N(0, 1/features) entries, so each output
 *       coordinate has about unit variance (a random projection in the sense of Johnson and
 *       Lindenstrauss: distances between feature vectors are roughly kept);</li>
 *   <li>{@code u_a}: an N(0, I) vector per creator, averaged over the track's creators (none: no
 *       creator part), which pulls tracks of one artist together as content alone would not.</li>
 * </ul>
 * Cosine metric, rows not normalised. Deterministic under {@code seed}: {@code P} and every {@code u_a}
 * come from seeds derived from it ({@link SeedDerivation}), each {@code u_a} from its creator's node.
 *
 * @param dimension output dimension; > 0
 * @param artistWeight weight of the creator part; finite and >= 0
 * @param seed fixes the projection and the creator vectors
 */
public record StandInTrackEmbedding(int dimension, double artistWeight, long seed) {
  /** The metadata property that marks a table as a stand-in and says what it is. */
  public static final String STAND_IN_PROPERTY = "stand_in";
  public static final int DEFAULT_DIMENSION = 64;
  public static final double DEFAULT_ARTIST_WEIGHT = 1;

  public StandInTrackEmbedding {
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0 (got " + dimension + ")");
    }
    if (!(artistWeight >= 0) || Double.isInfinite(artistWeight)) {
      throw new IllegalArgumentException("artistWeight must be finite and >= 0 (got " + artistWeight + ")");
    }
  }

  /** 64 dimensions, artist weight 1. */
  public static StandInTrackEmbedding defaults(long seed) {
    return new StandInTrackEmbedding(DEFAULT_DIMENSION, DEFAULT_ARTIST_WEIGHT, seed);
  }

  /** The stand-in vectors of every track of {@code graph}, with the {@link CatalogNames#defaults() default names}. */
  public EmbeddingTable table(HeteroGraph graph) {
    return table(graph, CatalogNames.defaults());
  }

  /**
   * The stand-in vectors of every {@code names.trackType()} node of {@code graph}, in node order, from its
   * features and its {@code names.creatorRelation()} edges.
   *
   * @throws IllegalArgumentException when the graph lacks the track type, its features or the relation
   */
  public EmbeddingTable table(HeteroGraph graph, CatalogNames names) {
    if (!graph.schema().hasNodeType(names.trackType())) {
      throw new IllegalArgumentException("the graph has no node type '" + names.trackType() + "'");
    }
    NodeType trackType = graph.schema().nodeType(names.trackType());
    NodeFeatures features = graph.features(trackType).orElseThrow(() -> new IllegalArgumentException(
        "the stand-in embedding needs features of '" + trackType.name() + "' nodes; the graph has none"))
        .standardized();
    if (!graph.schema().hasRelation(names.creatorRelation())) {
      throw new IllegalArgumentException("the stand-in embedding needs the relation '" + names.creatorRelation()
          + "' from tracks to creators; the graph lacks it");
    }
    EdgeType byCreator = graph.schema().edgeType(names.creatorRelation());
    if (!byCreator.src().equals(trackType)) {
      throw new IllegalArgumentException("relation '" + byCreator.relation() + "' must lead from '"
          + trackType.name() + "' (it leads from '" + byCreator.src().name() + "')");
    }
    CsrAdjacency creators = graph.out(byCreator);
    int f = features.dimension();
    float[] projection = projection(f);
    int n = graph.nodeCount(trackType);
    float[] values = new float[Math.multiplyExact(n, dimension)];
    float[] artistPart = new float[dimension];
    float[] creator = new float[dimension];
    for (int t = 0; t < n; t++) {
      int offset = t * dimension;
      for (int i = 0; i < dimension; i++) {
        double sum = 0;
        for (int j = 0; j < f; j++) {
          sum += (double) projection[i * f + j] * features.get(t, j);
        }
        values[offset + i] = (float) sum;
      }
      int degree = creators.degree(t);
      if (degree > 0 && artistWeight > 0) {
        Arrays.fill(artistPart, 0);
        for (int e = creators.start(t); e < creators.end(t); e++) {
          creatorVector(creators.target(e), creator);
          for (int i = 0; i < dimension; i++) {
            artistPart[i] += creator[i];
          }
        }
        for (int i = 0; i < dimension; i++) {
          values[offset + i] += (float) (artistWeight * artistPart[i] / degree);
        }
      }
    }
    EmbeddingMetadata metadata = new EmbeddingMetadata(modelHash(), Metric.COSINE, Normalization.NONE,
        Instant.EPOCH, Map.of(STAND_IN_PROPERTY, description(f),
            "seed", Long.toString(seed), "artist_weight", Double.toString(artistWeight)));
    return new EmbeddingTable(trackType.name(), graph.ids(trackType).externalIds(), dimension, values, metadata);
  }

  /** The model hash of the tables this makes, naming the construction and the seed. */
  public String modelHash() {
    return String.format(Locale.ROOT, "stand-in-audio-artist-d%d-w%s-seed%d", dimension,
        Double.toString(artistWeight), seed);
  }

  private String description(int features) {
    return String.format(Locale.ROOT, "%d standardised track features projected to %d dimensions by a seeded"
        + " Gaussian matrix, plus a seeded random vector per artist (weight %s); computed without training",
        features, dimension, Double.toString(artistWeight));
  }

  private float[] projection(int features) {
    SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, 1));
    float[] p = new float[dimension * features];
    double scale = 1 / Math.sqrt(features);
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) (random.nextGaussian() * scale);
    }
    return p;
  }

  private void creatorVector(int creator, float[] out) {
    SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, 2, creator));
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) random.nextGaussian();
    }
  }
}
