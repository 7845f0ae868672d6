package dev.polyphony.eval;

import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.retrieval.VectorMath;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Content-based kNN on track features (the Spotify audio features): each track is its feature vector,
 * standardised per column (z-scores with the statistics of every track in the graph: features are
 * content known for new releases too, not interactions) and scaled to unit length. A playlist {@code P}
 * scores track {@code j} with the cosine between {@code x_j} and the centroid of its training tracks,
 * {@code x_j . s / |s|} with {@code s = sum_{i in P} x_i}. This ranks tracks exactly as the sum of cosine
 * similarities {@code sum_{i in P} cos(x_i, x_j)} does, since the rows have unit length. It needs only
 * features, so cold tracks score like any other; a playlist without training tracks scores every
 * track 0.
 */
public final class ContentKnnRecommender implements PlaylistRecommender {
  private final ContentKnnConfig config;

  public ContentKnnRecommender(ContentKnnConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "content kNN";
  }

  @Override
  public ContentKnnConfig parameters() {
    return config;
  }

  @Override
  public FittedRecommender fit(PlaylistCatalog catalog, ProgressTracker progress) {
    NodeFeatures features = catalog.inference().features(catalog.trackType())
        .orElseThrow(() -> new IllegalArgumentException("track type '" + catalog.trackType()
            + "' has no features; content kNN needs them"))
        .standardized();
    int[] columns = columnIndexes(features.columns());
    int d = columns.length;
    int n = features.rows();
    float[] unit = new float[n * d];
    for (int t = 0; t < n; t++) {
      for (int c = 0; c < d; c++) {
        unit[t * d + c] = features.get(t, columns[c]);
      }
    }
    VectorMath.normalizeRows(unit, d);
    return new CentroidCosineScorer(catalog, unit, d);
  }

  private int[] columnIndexes(List<String> available) {
    if (config.columns().isEmpty()) {
      return IntStream.range(0, available.size()).toArray();
    }
    int[] indexes = new int[config.columns().size()];
    for (int i = 0; i < indexes.length; i++) {
      String name = config.columns().get(i);
      indexes[i] = available.indexOf(name);
      if (indexes[i] < 0) {
        throw new IllegalArgumentException("track feature column '" + name + "' does not exist (columns: "
            + available + ")");
      }
    }
    return indexes;
  }
}
