package dev.polyphony.rank.fusion.rl;

/**
 * {@code Q(s, a) = theta' (phi(s) kron psi(a))}: linear in the products of the state features {@code phi} and
 * the action features {@code psi} ({@link ActionFeatures}), and its lower confidence bound
 * {@code Q - beta sqrt(x' C x)} with {@code x = phi kron psi} and {@code C = sigma^2 (ridge I + sum x x')^-1} over
 * the logged state-action pairs, {@code sigma} the residual standard deviation of the last regression (the
 * pessimism of Jin, Yang and Wang, "Is Pessimism Provably Efficient for Offline RL?", ICML 2021): state-action
 * pairs far from the logged ones get wide bounds.
 *
 * @param theta weights ({@code stateFeatures * actionFeatures}, state-major)
 * @param covariance {@code C} (square, of theta's length; may be empty when {@code pessimism} is 0)
 * @param pessimism {@code beta >= 0}
 * @param allowed which actions may be chosen (the behaviour policy's support)
 * @param actionFeatures {@code psi} per action
 */
public record LinearQFunction(double[] theta, double[][] covariance, double pessimism, boolean[] allowed,
    double[][] actionFeatures) {
  public LinearQFunction {
    if (actionFeatures.length == 0 || actionFeatures.length != allowed.length) {
      throw new IllegalArgumentException("the action features and the support must cover the same actions (got "
          + actionFeatures.length + " and " + allowed.length + ")");
    }
    int p = actionFeatures[0].length;
    if (p == 0 || theta.length % p != 0) {
      throw new IllegalArgumentException("theta's length " + theta.length + " must be a multiple of the "
          + p + " action features");
    }
    boolean any = false;
    for (boolean a : allowed) {
      any |= a;
    }
    if (!any) {
      throw new IllegalArgumentException("at least one action must be allowed");
    }
    if (!(pessimism >= 0) || Double.isInfinite(pessimism)) {
      throw new IllegalArgumentException("pessimism must be a finite number >= 0 (got " + pessimism + ")");
    }
    if (pessimism > 0 && covariance.length != theta.length) {
      throw new IllegalArgumentException("a pessimistic Q function needs a " + theta.length + " x " + theta.length
          + " covariance (got " + covariance.length + " rows)");
    }
  }

  public int actions() {
    return actionFeatures.length;
  }

  /** State features read. */
  public int stateFeatures() {
    return theta.length / actionFeatures[0].length;
  }

  /** {@code phi(state) kron psi(action)}. */
  public double[] joint(float[] state, int action) {
    if (state.length != stateFeatures()) {
      throw new IllegalArgumentException("expected " + stateFeatures() + " state features (got " + state.length + ")");
    }
    return joint(state, actionFeatures[action]);
  }

  static double[] joint(float[] state, double[] psi) {
    double[] x = new double[state.length * psi.length];
    for (int i = 0; i < state.length; i++) {
      for (int j = 0; j < psi.length; j++) {
        x[i * psi.length + j] = state[i] * psi[j];
      }
    }
    return x;
  }

  /** {@code Q(state, action)}. */
  public double value(float[] state, int action) {
    double[] x = joint(state, action);
    double v = 0;
    for (int i = 0; i < x.length; i++) {
      v += theta[i] * x[i];
    }
    return v;
  }

  /** The lower confidence bound of {@code Q(state, action)}. */
  public double lowerBound(float[] state, int action) {
    double[] x = joint(state, action);
    double v = 0;
    for (int i = 0; i < x.length; i++) {
      v += theta[i] * x[i];
    }
    if (pessimism == 0) {
      return v;
    }
    double q = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == 0) {
        continue;
      }
      double row = 0;
      double[] c = covariance[i];
      for (int j = 0; j < x.length; j++) {
        row += c[j] * x[j];
      }
      q += x[i] * row;
    }
    return v - pessimism * Math.sqrt(Math.max(0, q));
  }

  /** The allowed action with the highest lower bound, ties to the lower index. */
  public int greedy(float[] state) {
    int best = -1;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < actionFeatures.length; a++) {
      if (!allowed[a]) {
        continue;
      }
      double v = lowerBound(state, a);
      if (best < 0 || v > bestValue) {
        best = a;
        bestValue = v;
      }
    }
    return best;
  }
}
