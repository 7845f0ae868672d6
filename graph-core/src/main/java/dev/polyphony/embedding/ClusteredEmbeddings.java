package dev.polyphony.embedding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic embeddings drawn from a Gaussian mixture: {@code clusters} centres with N(0, 1)
 * coordinates, and each point a uniformly chosen centre plus N(0, spread^2) noise per coordinate.
 * Clustered data is what ANN indexes meet in practice (uniform random vectors have no near
 * neighbours), so recall and speed measured on it mean something. Deterministic under {@code seed}.
 *
 * @param size number of rows; >= 0
 * @param dimension vector length; > 0
 * @param clusters number of mixture components; > 0
 * @param spread standard deviation of the noise around a centre; finite and >= 0
 * @param seed fixes the centres and the points
 */
public record ClusteredEmbeddings(int size, int dimension, int clusters, double spread, long seed) {

  public ClusteredEmbeddings {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0 (got " + size + ")");
    }
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0 (got " + dimension + ")");
    }
    if (clusters <= 0) {
      throw new IllegalArgumentException("clusters must be > 0 (got " + clusters + ")");
    }
    if (!(spread >= 0) || Double.isInfinite(spread)) {
      throw new IllegalArgumentException("spread must be finite and >= 0 (got " + spread + ")");
    }
  }

  /** A table of {@code size} rows with ids {@code "v0", "v1", ...}, normalisation NONE. */
  public EmbeddingTable table(String nodeType, Metric metric) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] centres = centres(random);
    float[] values = points(centres, size, random.split());
    List<String> ids = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ids.add("v" + i);
    }
    EmbeddingMetadata metadata = new EmbeddingMetadata(
        "synthetic-clustered-" + Long.toHexString(seed), metric, Normalization.NONE, Instant.EPOCH,
        Map.of("size", Integer.toString(size), "clusters", Integer.toString(clusters),
            "spread", Double.toString(spread), "seed", Long.toString(seed)));
    return new EmbeddingTable(nodeType, ids, dimension, values, metadata);
  }

  /**
   * {@code count} query vectors from the same mixture as {@link #table}, drawn with {@code querySeed}
   * (not rows of the table).
   */
  public float[][] queries(int count, long querySeed) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0 (got " + count + ")");
    }
    float[] centres = centres(new SplittableRandom(seed));
    float[] flat = points(centres, count, new SplittableRandom(querySeed));
    float[][] out = new float[count][];
    for (int i = 0; i < count; i++) {
      out[i] = java.util.Arrays.copyOfRange(flat, i * dimension, (i + 1) * dimension);
    }
    return out;
  }

  private float[] centres(SplittableRandom random) {
    float[] centres = new float[clusters * dimension];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) random.nextGaussian();
    }
    return centres;
  }

  private float[] points(float[] centres, int count, SplittableRandom random) {
    float[] values = new float[Math.multiplyExact(count, dimension)];
    for (int row = 0; row < count; row++) {
      int centre = random.nextInt(clusters) * dimension;
      for (int c = 0; c < dimension; c++) {
        values[row * dimension + c] = (float) (centres[centre + c] + spread * random.nextGaussian());
      }
    }
    return values;
  }
}
