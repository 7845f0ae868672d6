package dev.polyphony.retrieval;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.graph.IdMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/**
 * Brute-force top-k: scores the query against every row and keeps the best {@code k} in a bounded
 * heap. The rows are split into blocks scanned in parallel on a pool of {@code threads} workers, whose
 * heaps are merged. Exact by construction, so it is the oracle that approximate indexes are measured
 * against, and the fallback of filtered ANN search. Ties rank the lower row first.
 *
 * <p>For cosine the rows are stored L2-normalised and the query is normalised, so the score is a dot
 * product in both metrics.
 */
public final class ExactIndex extends AbstractVectorIndex {
  /** Blocks smaller than this cost more to schedule than to scan. */
  private static final int MIN_BLOCK_ROWS = 2048;

  private final float[] vectors;
  private final ForkJoinPool pool;
  private final int blockRows;
  private volatile boolean closed;

  /** Takes ownership of {@code vectors} (row-major, {@code ids.size() x dimension}, finite). */
  ExactIndex(IdMap ids, int dimension, float[] vectors, Metric metric, int threads) {
    super(ids, dimension, metric);
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0 (got " + threads + ")");
    }
    if ((long) ids.size() * dimension != vectors.length) {
      throw new IllegalArgumentException("expected " + ids.size() + " x " + dimension + " values (got "
          + vectors.length + ")");
    }
    this.vectors = vectors;
    if (metric == Metric.COSINE) {
      for (int row = 0; row < ids.size(); row++) {
        if (!VectorMath.normalizeInPlace(vectors, row * dimension, dimension)) {
          throw new IllegalArgumentException("row " + row + " (id '" + ids.externalId(row)
              + "') has length 0; cosine similarity is undefined");
        }
      }
    }
    this.blockRows = Math.max(MIN_BLOCK_ROWS, -Math.floorDiv(-ids.size(), threads * 4));
    this.pool = threads > 1 && ids.size() > blockRows ? new ForkJoinPool(threads) : null;
  }

  /** An exact index over {@code table} under the table's own metric, on all available processors. */
  public static ExactIndex build(EmbeddingTable table) {
    return build(table, table.metadata().metric(), Runtime.getRuntime().availableProcessors());
  }

  /** An exact index over {@code table} under {@code metric}, scanning with {@code threads} workers. */
  public static ExactIndex build(EmbeddingTable table, Metric metric, int threads) {
    float[] copy = new float[table.size() * table.dimension()];
    table.valuesView().get(copy);
    return new ExactIndex(IdMap.of(table.ids()), table.dimension(), copy, metric, threads);
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
    float[] q = query.clone();
    if (metric() == Metric.COSINE) {
      VectorMath.normalizeInPlace(q, 0, dimension);
    }
    int capacity = Math.min(k, size());
    int n = size();
    if (pool == null) {
      return scan(q, capacity, 0, n, rowFilter).drain(ids::externalId);
    }
    List<Callable<TopK>> blocks = new ArrayList<>();
    for (int start = 0; start < n; start += blockRows) {
      int from = start;
      int to = Math.min(n, start + blockRows);
      blocks.add(() -> scan(q, capacity, from, to, rowFilter));
    }
    TopK merged = new TopK(capacity);
    try {
      for (Future<TopK> block : pool.invokeAll(blocks)) {
        merged.addAll(block.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while searching", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    return merged.drain(ids::externalId);
  }

  private TopK scan(float[] q, int capacity, int from, int to, IntPredicate rowFilter) {
    TopK top = new TopK(capacity);
    for (int row = from; row < to; row++) {
      if (rowFilter == null || rowFilter.test(row)) {
        top.offer(row, VectorMath.dot(vectors, row * dimension, q, 0, dimension));
      }
    }
    return top;
  }

  /** Approximate heap bytes: the vectors plus the id map. */
  public long bytes() {
    return 4L * vectors.length + ids.bytes();
  }

  @Override
  public void close() {
    closed = true;
    if (pool != null) {
      pool.shutdown();
    }
  }
}
