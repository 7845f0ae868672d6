package dev.polyphony.rank.session;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the fusion per request from the observed session state ({@link SessionObservation}): a distribution
 * over a fixed list of actions. Deterministic policies put all mass on one action.
 */
public interface FusionPolicy {
  /** The actions this policy chooses among; their order indexes {@link #probabilities}. */
  List<FusionAction> actions();

  /** The probability of every action in the state with these features; sums to 1. */
  double[] probabilities(float[] state);

  /** A short name for reports. */
  String name();

  /** An action index drawn from {@link #probabilities}; one uniform draw from {@code random}. */
  static int sample(double[] probabilities, SplittableRandom random) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int a = 0; a < probabilities.length; a++) {
      cumulative += probabilities[a];
      if (u < cumulative) {
        return a;
      }
    }
    for (int a = probabilities.length - 1; a >= 0; a--) {
      if (probabilities[a] > 0) {
        return a;
      }
    }
    throw new IllegalArgumentException("no action has positive probability");
  }
}
