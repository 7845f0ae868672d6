package dev.polyphony.bench.gds;

import java.util.List;

/**
 * The settings the GDS embedding algorithms are run with; where GDS has the same knob as Polyphony's job, the
 * comparison sets it to the job's value.
 *
 * @param dimension embedding dimension (all three algorithms)
 * @param sampleSizes GraphSAGE neighbours per hop (GDS samples over all relations together)
 * @param epochs GraphSAGE epochs
 * @param batchSize GraphSAGE seeds per batch
 * @param learningRate GraphSAGE Adam learning rate
 * @param maxIterations GraphSAGE iterations per epoch (each an Adam step over sampled batches)
 * @param batchSamplingRatio GraphSAGE share of all batches each iteration computes its gradient over; 0 for
 *     GDS's default ({@code concurrency * batchSize / nodeCount}, about one batch per thread)
 * @param propertyRatio FastRP share of the dimensions drawn from the node features
 * @param walksPerNode Node2Vec walks started from each node
 * @param walkLength Node2Vec steps per walk
 * @param concurrency threads GDS may use
 * @param seed random seed of every algorithm
 */
public record GdsSettings(int dimension, List<Integer> sampleSizes, int epochs, int batchSize, double learningRate,
    int maxIterations, double batchSamplingRatio, double propertyRatio, int walksPerNode, int walkLength,
    int concurrency, long seed) {

  public GdsSettings {
    positive("dimension", dimension);
    sampleSizes = List.copyOf(sampleSizes);
    if (sampleSizes.isEmpty() || sampleSizes.stream().anyMatch(s -> s <= 0)) {
      throw new IllegalArgumentException("sampleSizes must be non-empty and > 0 (got " + sampleSizes + ")");
    }
    positive("epochs", epochs);
    positive("batchSize", batchSize);
    positive("maxIterations", maxIterations);
    positive("walksPerNode", walksPerNode);
    positive("walkLength", walkLength);
    positive("concurrency", concurrency);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0 (got " + learningRate + ")");
    }
    if (!(batchSamplingRatio >= 0 && batchSamplingRatio <= 1)) {
      throw new IllegalArgumentException("batchSamplingRatio must be in [0, 1], 0 for GDS's default (got "
          + batchSamplingRatio + ")");
    }
    if (!(propertyRatio >= 0 && propertyRatio <= 1)) {
      throw new IllegalArgumentException("propertyRatio must be in [0, 1] (got " + propertyRatio + ")");
    }
  }

  /** GDS's defaults, except dimension, fan-outs, epochs, batch size and learning rate given here. */
  public static GdsSettings matching(int dimension, List<Integer> sampleSizes, int epochs, int batchSize,
      double learningRate, long seed) {
    return new GdsSettings(dimension, sampleSizes, epochs, batchSize, learningRate, 10, 0, 0.5, 10, 80, 2, seed);
  }

  /**
   * GraphSAGE training in which one epoch is one pass over the training seeds, as a Polyphony epoch is: a
   * single iteration per epoch whose gradient covers every batch (GDS's default epoch computes 10 updates
   * over about one batch per thread each, a small fraction of the nodes).
   */
  public GdsSettings onePassPerEpoch() {
    return new GdsSettings(dimension, sampleSizes, epochs, batchSize, learningRate, 1, 1.0, propertyRatio,
        walksPerNode, walkLength, concurrency, seed);
  }

  public GdsSettings withEpochs(int newEpochs) {
    return new GdsSettings(dimension, sampleSizes, newEpochs, batchSize, learningRate, maxIterations,
        batchSamplingRatio, propertyRatio, walksPerNode, walkLength, concurrency, seed);
  }

  public GdsSettings withConcurrency(int threads) {
    return new GdsSettings(dimension, sampleSizes, epochs, batchSize, learningRate, maxIterations,
        batchSamplingRatio, propertyRatio, walksPerNode, walkLength, threads, seed);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 (got " + value + ")");
    }
  }
}
