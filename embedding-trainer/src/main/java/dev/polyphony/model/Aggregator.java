package dev.polyphony.model;

/**
 * How a node summarises its sampled neighbours along one relation (Hamilton et al., NeurIPS 2017,
 * section 3.3). An empty neighbourhood always aggregates to the zero vector.
 */
public enum Aggregator {
  /** Element-wise mean of the neighbours' vectors. */
  MEAN,
  /** Element-wise max over {@code relu(W_pool h_u + b_pool)} of the neighbours u (the paper's max-pooling). */
  POOL
}
