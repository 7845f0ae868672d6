package dev.polyphony.retrieval;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import java.time.Instant;
import java.util.List;

/**
 * Five 2-d vectors and a query q = (1, 0.2) with hand-computed scores.
 *
 * <pre>
 *   row id  vector     q.v    cos(q, v)
 *   0   a   (1, 0)     1.0    1 / 1.019804            = 0.980581
 *   1   b   (0, 1)     0.2    0.2 / 1.019804          = 0.196116
 *   2   c   (1, 1)     1.2    1.2 / (1.019804 * 1.414214) = 0.832050
 *   3   d   (-1, 0)   -1.0   -0.980581
 *   4   e   (2, 0.5)   2.1    2.1 / (1.019804 * 2.061553) = 0.998868
 * </pre>
 * Inner product ranks e, c, a, b, d; cosine ranks e, a, c, b, d.
 */
final class FiveTracks {
  static final float[] QUERY = {1f, 0.2f};

  private FiveTracks() {}

  static EmbeddingTable table(Metric metric) {
    return new EmbeddingTable("track", List.of("a", "b", "c", "d", "e"), 2,
        new float[] {1, 0, 0, 1, 1, 1, -1, 0, 2, 0.5f},
        EmbeddingMetadata.of("test-model", metric, Normalization.NONE, Instant.EPOCH));
  }
}
