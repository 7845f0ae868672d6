package dev.polyphony.rank.session;

/**
 * Parameters of a {@link SessionWorld} and of the requests served in it.
 *
 * @param items tracks, {@code >= candidates}
 * @param users users, {@code > 0}
 * @param genres genres, {@code > 0}
 * @param latentDim dimension of the latent user and track factors, {@code > 0}
 * @param candidates candidates retrieved per request, {@code >= slateSize}
 * @param slateSize tracks recommended per request, {@code > 0}
 * @param maxSteps requests per session at most, {@code > 0}
 * @param genreFocus share of candidates drawn from the user's preferred genre, in [0, 1]
 * @param freshShare share of fresh tracks, in [0, 1]
 * @param tailShare share of tracks by tail creators, in [0, 1]
 * @param signal scale of the user-track affinity in the logits, {@code >= 0}
 * @param clickBias logit intercept of a click
 * @param saveBias logit intercept of a save given a click
 * @param seed seed of the world's factors and traits
 */
public record SessionWorldConfig(int items, int users, int genres, int latentDim, int candidates, int slateSize,
    int maxSteps, double genreFocus, double freshShare, double tailShare, double signal, double clickBias,
    double saveBias, long seed) {

  public SessionWorldConfig {
    positive("users", users);
    positive("genres", genres);
    positive("latentDim", latentDim);
    positive("slateSize", slateSize);
    positive("maxSteps", maxSteps);
    if (candidates < slateSize) {
      throw new IllegalArgumentException("candidates must be >= slateSize " + slateSize + " (got " + candidates + ")");
    }
    if (items < candidates) {
      throw new IllegalArgumentException("items must be >= candidates " + candidates + " (got " + items + ")");
    }
    unit("genreFocus", genreFocus);
    unit("freshShare", freshShare);
    unit("tailShare", tailShare);
    if (!(signal >= 0) || Double.isInfinite(signal)) {
      throw new IllegalArgumentException("signal must be a finite number >= 0 (got " + signal + ")");
    }
    finite("clickBias", clickBias);
    finite("saveBias", saveBias);
  }

  /**
   * 2,000 tracks in 8 genres, 500 users, latent dimension 8; 30 candidates (70% from the preferred genre), slates
   * of 5, at most 20 requests; 20% fresh, 30% tail; signal 0.8, click intercept -2.5, save intercept -2.5.
   */
  public static SessionWorldConfig defaults(long seed) {
    return new SessionWorldConfig(2000, 500, 8, 8, 30, 5, 20, 0.7, 0.2, 0.3, 0.8, -2.5, -2.5, seed);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 (got " + value + ")");
    }
  }

  private static void unit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] (got " + value + ")");
    }
  }

  private static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite (got " + value + ")");
    }
  }
}
