package dev.polyphony.eval;

/**
 * Parameters of {@link BprRecommender}.
 *
 * @param factors latent dimensions per playlist and track, at least 1
 * @param epochs passes of SGD; each draws as many (playlist, positive, negative) triples as the training
 *     graph has playlist-track edges
 * @param learningRate SGD step size, {@code > 0}
 * @param regularization L2 weight on factors and item biases, {@code >= 0}
 * @param seed run seed of the initialisation and of every epoch's draws
 */
public record BprConfig(int factors, int epochs, double learningRate, double regularization, long seed) {

  public BprConfig {
    if (factors < 1) {
      throw new IllegalArgumentException("factors must be >= 1 (got " + factors + ")");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1 (got " + epochs + ")");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be a finite number > 0 (got " + learningRate + ")");
    }
    if (!(regularization >= 0) || Double.isInfinite(regularization)) {
      throw new IllegalArgumentException("regularization must be a finite number >= 0 (got " + regularization + ")");
    }
  }

  /**
   * 64 factors, 200 epochs, learning rate 0.3, regularization 0.1: the best warm Recall@50 of a small grid
   * (factors 16 to 128, epochs 50 to 400, learning rate 0.05 to 0.5, regularization 0 to 0.2) on the
   * Spotify songs continuation split with seed 1. Catalogs where most tracks are in one playlist need the
   * strong regularization.
   */
  public static BprConfig defaults(long seed) {
    return new BprConfig(64, 200, 0.3, 0.1, seed);
  }
}
