package dev.polyphony.graph.sample;

/**
 * Parameters of {@link RandomWalker}.
 *
 * <p>Symbols of node2vec (Grover and Leskovec, KDD 2016): the return parameter {@code p} and the
 * in-out parameter {@code q}. Having arrived at {@code v} from {@code t}, the next node {@code x} gets
 * the unnormalised weight {@code 1/p} when {@code x == t}, {@code 1} when {@code x} is adjacent to
 * {@code t}, and {@code 1/q} otherwise. {@code p = q = 1} is the uniform (first-order) walk of DeepWalk.
 *
 * @param walkLength maximum number of steps per walk; a walk holds at most {@code walkLength + 1} nodes
 *     (the start node first). A restart counts as a step.
 * @param walksPerNode walks started from each start node
 * @param restartProbability probability {@code r} in {@code [0, 1)} of jumping back to the start node
 *     instead of stepping (random walk with restart, as PinSage uses)
 * @param p node2vec return parameter, {@code > 0}
 * @param q node2vec in-out parameter, {@code > 0}
 * @param seed run seed; walk {@code i} of start node {@code u} uses a seed derived from
 *     {@code (seed, u, i)}
 */
public record WalkConfig(int walkLength, int walksPerNode, double restartProbability, double p, double q,
    long seed) {

  public WalkConfig {
    if (walkLength <= 0) {
      throw new IllegalArgumentException("walkLength must be > 0 (got " + walkLength + ")");
    }
    if (walksPerNode <= 0) {
      throw new IllegalArgumentException("walksPerNode must be > 0 (got " + walksPerNode + ")");
    }
    if (!(restartProbability >= 0 && restartProbability < 1)) {
      throw new IllegalArgumentException("restartProbability must be in [0, 1) (got " + restartProbability + ")");
    }
    if (!(p > 0) || !Double.isFinite(p)) {
      throw new IllegalArgumentException("p must be a finite number > 0 (got " + p + ")");
    }
    if (!(q > 0) || !Double.isFinite(q)) {
      throw new IllegalArgumentException("q must be a finite number > 0 (got " + q + ")");
    }
  }

  /** Uniform walks without restarts ({@code p = q = 1}, {@code r = 0}). */
  public static WalkConfig uniform(int walkLength, int walksPerNode, long seed) {
    return new WalkConfig(walkLength, walksPerNode, 0, 1, 1, seed);
  }

  public WalkConfig withRestartProbability(double r) {
    return new WalkConfig(walkLength, walksPerNode, r, p, q, seed);
  }

  /** The same walks with node2vec biases {@code p} and {@code q}. */
  public WalkConfig withBias(double newP, double newQ) {
    return new WalkConfig(walkLength, walksPerNode, restartProbability, newP, newQ, seed);
  }

  public WalkConfig withSeed(long newSeed) {
    return new WalkConfig(walkLength, walksPerNode, restartProbability, p, q, newSeed);
  }

  public WalkConfig withWalksPerNode(int n) {
    return new WalkConfig(walkLength, n, restartProbability, p, q, seed);
  }

  public WalkConfig withWalkLength(int length) {
    return new WalkConfig(length, walksPerNode, restartProbability, p, q, seed);
  }

  /** True when {@code p} or {@code q} differ from 1, so steps depend on the previous node. */
  public boolean isBiased() {
    return p != 1 || q != 1;
  }
}
