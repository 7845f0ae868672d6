package dev.polyphony.graph.split;

/**
 * Parameters of {@link LinkSplit}.
 *
 * @param relation the relation whose edges are split, e.g. {@code listened} or {@code contains}
 * @param validationFraction share of the links held out for validation, in [0, 1)
 * @param testFraction share of the links held out for testing, in [0, 1); with validation below 1 and
 *     above 0 in sum
 * @param keepOneEdgePerSource when true every source node with an edge keeps one (drawn at random) in
 *     training, so no node becomes isolated by the split
 * @param undirected when true the relation (between nodes of one type) stores each link in both
 *     directions, and {@code u -> v} and {@code v -> u} always land in the same part; otherwise the
 *     reverse edge of a held-out edge would stay in training and leak it
 * @param negativesPerPositive sampled non-edges per held-out edge, for validation and test; at least 0
 * @param seed run seed; protection, assignment and negatives use seeds derived from it
 */
public record LinkSplitConfig(String relation, double validationFraction, double testFraction,
    boolean keepOneEdgePerSource, boolean undirected, int negativesPerPositive, long seed) {

  public LinkSplitConfig {
    ConfigChecks.name("relation", relation);
    ConfigChecks.fraction("validationFraction", validationFraction);
    ConfigChecks.fraction("testFraction", testFraction);
    double heldOut = validationFraction + testFraction;
    if (!(heldOut > 0 && heldOut < 1)) {
      throw new IllegalArgumentException("validationFraction + testFraction must be in (0, 1) (got "
          + validationFraction + " + " + testFraction + " = " + heldOut + ")");
    }
    if (negativesPerPositive < 0) {
      throw new IllegalArgumentException("negativesPerPositive must be >= 0 (got " + negativesPerPositive + ")");
    }
  }
}
