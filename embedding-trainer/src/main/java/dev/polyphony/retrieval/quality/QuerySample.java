package dev.polyphony.retrieval.quality;

import dev.polyphony.embedding.EmbeddingTable;
import java.util.SplittableRandom;

/**
 * A seeded sample of table rows whose vectors serve as search queries. Rows are drawn without
 * replacement by a partial Fisher-Yates shuffle, so the sample is a function of the table size, the
 * count and the seed alone.
 */
public final class QuerySample {
  private QuerySample() {}

  /** {@code min(count, size)} distinct rows of {@code [0, size)} in draw order. */
  public static int[] rows(int size, int count, long seed) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0 (got " + size + ")");
    }
    if (count <= 0) {
      throw new IllegalArgumentException("count must be > 0 (got " + count + ")");
    }
    int n = Math.min(count, size);
    int[] pool = new int[size];
    for (int i = 0; i < size; i++) {
      pool[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] drawn = new int[n];
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(size - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
      drawn[i] = pool[i];
    }
    return drawn;
  }

  /** The vectors of {@link #rows(int, int, long) rows(table.size(), count, seed)}, one array per query. */
  public static float[][] vectors(EmbeddingTable table, int count, long seed) {
    int[] rows = rows(table.size(), count, seed);
    float[][] queries = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      queries[i] = table.vector(rows[i]);
    }
    return queries;
  }
}
