package dev.polyphony.retrieval;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.graph.IdMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Exact top-k for batch jobs that ask several filtered searches per query vector, as the candidate generators
 * do for one playlist. The rows are held in dense blocks of {@code blockRows} rows (no single array, so no
 * 2^31-value limit), and {@link #prepare} scores a block of query vectors against every row once, tile by tile
 * (one block of rows against all the queries while it is in cache); each later {@link #search} of a prepared
 * vector on the same thread is then a filtered top-k over its scores instead of a scan of the matrix.
 * Unprepared vectors are scanned as {@link ExactIndex} does.
 *
 * <p>Scores, order and ties (lower row first) are those of {@link ExactIndex} to the bit: rows normalised for
 * cosine the same way, the same dot product, the same bounded heap. Prepared scores belong to the thread that
 * prepared them ({@link #release} frees them); searches from other threads are unaffected. Safe for concurrent
 * use otherwise.
 */
public final class BlockedExactIndex extends AbstractVectorIndex {
  /** Rows per block: 1,024 rows of 64 floats are 256 KB, which stays in a core's L2 cache during a tile. */
  public static final int DEFAULT_BLOCK_ROWS = 1024;

  private final int blockRows;
  private final float[][] blocks;
  private final ThreadLocal<Prepared> prepared = new ThreadLocal<>();
  private volatile boolean closed;

  /** The query vectors of one thread (normalised like a search's) and their scores against every row. */
  private record Prepared(List<float[]> queries, List<float[]> scores) {}

  private BlockedExactIndex(IdMap ids, int dimension, Metric metric, int blockRows, float[][] blocks) {
    super(ids, dimension, metric);
    this.blockRows = blockRows;
    this.blocks = blocks;
  }

  /** An index over {@code table} under {@code metric} with blocks of {@code blockRows} rows (> 0). */
  public static BlockedExactIndex build(EmbeddingTable table, Metric metric, int blockRows) {
    Objects.requireNonNull(metric, "metric");
    if (blockRows <= 0) {
      throw new IllegalArgumentException("blockRows must be > 0 (got " + blockRows + ")");
    }
    int n = table.size();
    int d = table.dimension();
    float[][] blocks = new float[(n + blockRows - 1) / blockRows][];
    for (int b = 0; b < blocks.length; b++) {
      int rows = Math.min(blockRows, n - b * blockRows);
      float[] block = new float[rows * d];
      for (int r = 0; r < rows; r++) {
        int row = b * blockRows + r;
        table.copyVector(row, block, r * d);
        if (metric == Metric.COSINE && !VectorMath.normalizeInPlace(block, r * d, d)) {
          throw new IllegalArgumentException("row " + row + " (id '" + table.id(row)
              + "') has length 0; cosine similarity is undefined");
        }
      }
      blocks[b] = block;
    }
    return new BlockedExactIndex(IdMap.of(table.ids()), d, metric, blockRows, blocks);
  }

  /** An index over {@code table} under its own metric with {@value #DEFAULT_BLOCK_ROWS} rows per block. */
  public static BlockedExactIndex build(EmbeddingTable table) {
    return build(table, table.metadata().metric(), DEFAULT_BLOCK_ROWS);
  }

  /**
   * Scores {@code queries} against every row for this thread's later searches, replacing what it prepared
   * before. Holds {@code queries.size() x size()} floats until {@link #release}.
   *
   * @throws IllegalArgumentException for a query {@link #search} would refuse
   */
  public void prepare(List<float[]> queries) {
    List<float[]> normalized = new ArrayList<>(queries.size());
    List<float[]> scores = new ArrayList<>(queries.size());
    for (float[] query : queries) {
      VectorMath.checkQuery(query, 1, dimension, metric());
      normalized.add(normalize(query));
      scores.add(new float[size()]);
    }
    for (int b = 0; b < blocks.length; b++) {
      float[] block = blocks[b];
      int rows = block.length / dimension;
      int base = b * blockRows;
      for (int j = 0; j < normalized.size(); j++) {
        float[] q = normalized.get(j);
        float[] out = scores.get(j);
        for (int r = 0; r < rows; r++) {
          out[base + r] = VectorMath.dot(block, r * dimension, q, 0, dimension);
        }
      }
    }
    prepared.set(new Prepared(normalized, scores));
  }

  /** Frees this thread's prepared scores. */
  public void release() {
    prepared.remove();
  }

  @Override
  public Neighbors search(float[] query, int k) {
    return search(query, k, null);
  }

  @Override
  public Neighbors search(float[] query, int k, IntPredicate rowFilter) {
    VectorMath.checkQuery(query, k, dimension, metric());
    if (closed) {
      throw new IllegalStateException("index is closed");
    }
    float[] q = normalize(query);
    TopK top = new TopK(Math.min(k, size()));
    float[] scores = scoresOf(q);
    if (scores != null) {
      for (int row = 0; row < scores.length; row++) {
        if (rowFilter == null || rowFilter.test(row)) {
          top.offer(row, scores[row]);
        }
      }
    } else {
      for (int b = 0; b < blocks.length; b++) {
        float[] block = blocks[b];
        int base = b * blockRows;
        for (int r = 0, rows = block.length / dimension; r < rows; r++) {
          if (rowFilter == null || rowFilter.test(base + r)) {
            top.offer(base + r, VectorMath.dot(block, r * dimension, q, 0, dimension));
          }
        }
      }
    }
    return top.drain(ids::externalId);
  }

  private float[] scoresOf(float[] q) {
    Prepared p = prepared.get();
    if (p != null) {
      for (int j = 0; j < p.queries().size(); j++) {
        if (Arrays.equals(p.queries().get(j), q)) {
          return p.scores().get(j);
        }
      }
    }
    return null;
  }

  private float[] normalize(float[] query) {
    float[] q = query.clone();
    if (metric() == Metric.COSINE) {
      VectorMath.normalizeInPlace(q, 0, dimension);
    }
    return q;
  }

  /** Approximate heap bytes: the blocks plus the id map (prepared scores not included). */
  public long bytes() {
    long values = 0;
    for (float[] block : blocks) {
      values += block.length;
    }
    return 4 * values + ids.bytes();
  }

  @Override
  public void close() {
    closed = true;
    prepared.remove();
  }
}
