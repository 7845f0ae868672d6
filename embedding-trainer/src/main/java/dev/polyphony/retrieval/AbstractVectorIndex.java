package dev.polyphony.retrieval;

import dev.polyphony.embedding.Metric;
import dev.polyphony.graph.IdMap;
import java.util.Objects;

/**
 * The part every {@link VectorIndex} shares: the rows' external ids, their width and the metric they are
 * searched under. Subclasses add the search.
 */
abstract class AbstractVectorIndex implements VectorIndex {
  /** Row {@code i}'s external id is {@code ids.externalId(i)}. */
  protected final IdMap ids;
  protected final int dimension;
  private final Metric metric;

  AbstractVectorIndex(IdMap ids, int dimension, Metric metric) {
    this.ids = Objects.requireNonNull(ids, "ids");
    this.dimension = dimension;
    this.metric = Objects.requireNonNull(metric, "metric");
  }

  @Override
  public final Metric metric() {
    return metric;
  }

  @Override
  public final int size() {
    return ids.size();
  }

  @Override
  public final int dimension() {
    return dimension;
  }

  @Override
  public final String id(int row) {
    Objects.checkIndex(row, ids.size());
    return ids.externalId(row);
  }

  @Override
  public final int rowOf(String id) {
    return ids.indexOf(id);
  }
}
