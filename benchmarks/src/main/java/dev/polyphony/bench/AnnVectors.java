package dev.polyphony.bench;

import dev.polyphony.embedding.ClusteredEmbeddings;

/** The synthetic vectors the ANN benchmarks share: 64-d, 100 Gaussian clusters, fixed seeds. */
final class AnnVectors {
  static final int DIMENSION = 64;
  static final long SEED = 20240501L;
  static final long QUERY_SEED = 7L;

  private AnnVectors() {}

  static ClusteredEmbeddings spec(int size) {
    return new ClusteredEmbeddings(size, DIMENSION, 100, 0.5, SEED);
  }
}
