package dev.polyphony.retrieval;

import dev.polyphony.embedding.Metric;
import java.util.function.IntPredicate;

/**
 * Top-k similarity search over the rows of an embedding table. Scores are similarities under
 * {@link #metric()} (higher is closer). Implementations are safe for concurrent searches from many
 * threads; {@link #close()} must not race with searches (it waits for running ones where it can).
 */
public interface VectorIndex extends AutoCloseable {
  Metric metric();

  /** Number of indexed rows. */
  int size();

  int dimension();

  /** The external id of {@code row}. */
  String id(int row);

  /** The row of {@code id}, or -1 when absent. */
  int rowOf(String id);

  /**
   * The {@code min(k, size())} rows most similar to {@code query}, best first. The query has
   * {@link #dimension()} finite values, and for cosine a non-zero length.
   *
   * @throws IllegalArgumentException on {@code k <= 0} or a bad query
   */
  Neighbors search(float[] query, int k);

  /**
   * The {@code min(k, m)} rows most similar to {@code query} among the {@code m} rows accepted by
   * {@code rowFilter}, best first. The filter is called from search threads, possibly concurrently,
   * and must be side-effect free.
   */
  Neighbors search(float[] query, int k, IntPredicate rowFilter);

  /** Releases the index; later searches fail. Idempotent. */
  @Override
  void close();
}
