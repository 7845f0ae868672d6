package dev.polyphony.rank.fusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Maximises a function over real vectors with the cross-entropy method (Rubinstein, "Optimization of
 * Computer Simulation Models with Rare Events", EJOR 1997; de Boer et al., Annals of OR 2005): each
 * iteration samples {@code population} vectors from independent normals, keeps the best
 * {@code eliteFraction}, and moves the normals' means and standard deviations towards the elite's by
 * {@code smoothing}; standard deviations never fall below {@code minStd}, so the search keeps exploring.
 * The best vector ever evaluated is returned. Deterministic under the seed (the function being so).
 *
 * @param population vectors per iteration, {@code >= 2}
 * @param eliteFraction share kept, in (0, 1], at least one vector
 * @param iterations iterations, {@code > 0}
 * @param smoothing step towards the elite statistics, in (0, 1]
 * @param minStd floor of the standard deviations, {@code >= 0}
 * @param seed sampling seed
 */
public record CrossEntropyMethod(int population, double eliteFraction, int iterations, double smoothing,
    double minStd, long seed) {

  public CrossEntropyMethod {
    if (population < 2) {
      throw new IllegalArgumentException("population must be >= 2 (got " + population + ")");
    }
    if (!(eliteFraction > 0 && eliteFraction <= 1)) {
      throw new IllegalArgumentException("eliteFraction must be in (0, 1] (got " + eliteFraction + ")");
    }
    if (iterations <= 0) {
      throw new IllegalArgumentException("iterations must be > 0 (got " + iterations + ")");
    }
    if (!(smoothing > 0 && smoothing <= 1)) {
      throw new IllegalArgumentException("smoothing must be in (0, 1] (got " + smoothing + ")");
    }
    if (!(minStd >= 0) || Double.isInfinite(minStd)) {
      throw new IllegalArgumentException("minStd must be a finite number >= 0 (got " + minStd + ")");
    }
  }

  /** 48 vectors, elite 20%, 15 iterations, smoothing 0.7, minimum deviation 0.02. */
  public static CrossEntropyMethod defaults(long seed) {
    return new CrossEntropyMethod(48, 0.2, 15, 0.7, 0.02, seed);
  }

  /**
   * The search's outcome.
   *
   * @param best the best vector evaluated
   * @param bestValue its value
   * @param bestPerIteration the best value seen after each iteration
   * @param evaluations function evaluations
   */
  public record Result(double[] best, double bestValue, List<Double> bestPerIteration, int evaluations) {}

  /** Maximises {@code f} starting from normals with {@code mean} and {@code std}; the start mean is evaluated too. */
  public Result maximise(ToDoubleFunction<double[]> f, double[] mean, double[] std) {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException("mean and std must be non-empty and of equal length (got " + mean.length
          + " and " + std.length + ")");
    }
    int d = mean.length;
    double[] mu = mean.clone();
    double[] sigma = std.clone();
    SplittableRandom random = new SplittableRandom(seed);
    double[] best = mu.clone();
    double bestValue = f.applyAsDouble(best);
    int evaluations = 1;
    int elite = Math.max(1, (int) Math.round(eliteFraction * population));
    List<Double> history = new ArrayList<>();
    double[][] samples = new double[population][];
    double[] values = new double[population];
    for (int it = 0; it < iterations; it++) {
      Integer[] order = new Integer[population];
      for (int i = 0; i < population; i++) {
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
          x[j] = mu[j] + sigma[j] * random.nextGaussian();
        }
        samples[i] = x;
        values[i] = f.applyAsDouble(x);
        evaluations++;
        order[i] = i;
        if (values[i] > bestValue) {
          bestValue = values[i];
          best = x.clone();
        }
      }
      Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : values[a] != values[b] ? Double.compare(values[b], values[a])
          : Integer.compare(a, b));
      for (int j = 0; j < d; j++) {
        double m = 0;
        for (int e = 0; e < elite; e++) {
          m += samples[order[e]][j];
        }
        m /= elite;
        double v = 0;
        for (int e = 0; e < elite; e++) {
          double diff = samples[order[e]][j] - m;
          v += diff * diff;
        }
        double s = Math.sqrt(v / elite);
        mu[j] = (1 - smoothing) * mu[j] + smoothing * m;
        sigma[j] = Math.max(minStd, (1 - smoothing) * sigma[j] + smoothing * s);
      }
      history.add(bestValue);
    }
    return new Result(best, bestValue, List.copyOf(history), evaluations);
  }
}
