package dev.polyphony.report;

import dev.polyphony.embedding.EmbeddingTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A 2-d map of embeddings: a seeded sample of rows projected by {@link PcaProjection} (fitted to the
 * sampled rows), each point with its id and categorical label (a genre, say).
 *
 * @param rows rows of the embedded table before sampling; >= number of points
 * @param varianceShareX share of the sample's variance along the first axis, in [0, 1]
 * @param varianceShareY share along the second axis, in [0, 1]
 * @param points the sampled rows in table order; copied
 */
public record EmbeddingMap(int rows, double varianceShareX, double varianceShareY, List<Point> points) {
  /** The label given to rows whose label is null, so that no row vanishes from the map. */
  public static final String UNLABELLED = "(unlabelled)";

  /** One sampled row: its id, label and coordinates. */
  public record Point(String id, String label, double x, double y) {
    public Point {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new IllegalArgumentException("point '" + id + "' has non-finite coordinates (" + x + ", " + y + ")");
      }
    }
  }

  public EmbeddingMap {
    points = List.copyOf(points);
    if (rows < points.size()) {
      throw new IllegalArgumentException("rows must be >= the " + points.size() + " points (got " + rows + ")");
    }
  }

  /** The map of {@code table}, {@code labels} holding one label (or null) per table row. */
  public static EmbeddingMap of(EmbeddingTable table, List<String> labels, int maxPoints, long seed) {
    int[] chosen = RowSample.choose(table.size(), maxPoints, seed);
    float[][] vectors = new float[chosen.length][];
    for (int i = 0; i < chosen.length; i++) {
      vectors[i] = table.vector(chosen[i]);
    }
    return of(table.size(), chosen, table::id, vectors, labels);
  }

  /**
   * The map of {@code vectors} (one row each, equal lengths), {@code ids} and {@code labels} holding one
   * id and one label (or null) per row.
   */
  public static EmbeddingMap of(List<String> ids, float[][] vectors, List<String> labels, int maxPoints,
      long seed) {
    if (ids.size() != vectors.length) {
      throw new IllegalArgumentException(ids.size() + " ids for " + vectors.length + " vectors");
    }
    int[] chosen = RowSample.choose(vectors.length, maxPoints, seed);
    float[][] sampled = new float[chosen.length][];
    for (int i = 0; i < chosen.length; i++) {
      sampled[i] = vectors[chosen[i]];
    }
    return of(vectors.length, chosen, ids::get, sampled, labels);
  }

  private static EmbeddingMap of(int rows, int[] chosen, IntFunction<String> id,
      float[][] sampled, List<String> labels) {
    if (labels.size() != rows) {
      throw new IllegalArgumentException(labels.size() + " labels for " + rows + " rows");
    }
    if (rows == 0) {
      return new EmbeddingMap(0, 0, 0, List.of());
    }
    PcaProjection pca = PcaProjection.fit(sampled);
    List<Point> points = new ArrayList<>(chosen.length);
    for (int i = 0; i < chosen.length; i++) {
      double[] xy = pca.project(sampled[i]);
      String label = labels.get(chosen[i]);
      points.add(new Point(id.apply(chosen[i]), label == null ? UNLABELLED : label, xy[0], xy[1]));
    }
    return new EmbeddingMap(rows, pca.varianceShare(0), pca.varianceShare(1), points);
  }

  /** Points per label, most frequent first (ties by label). */
  public Map<String, Integer> labelCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (Point p : points) {
      counts.merge(p.label(), 1, Integer::sum);
    }
    Map<String, Integer> ordered = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEachOrdered(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }
}
