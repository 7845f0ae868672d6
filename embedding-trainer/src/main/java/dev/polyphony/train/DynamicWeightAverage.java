package dev.polyphony.train;

import java.util.Arrays;

/**
 * Dynamic Weight Average (Liu, Johns and Davison, "End-to-End Multi-Task Learning with Attention", CVPR 2019,
 * eq. 7): a task whose loss falls slowly gets more weight. With {@code r_i = L_i(t-1) / L_i(t-2)} the mean
 * losses of the two previous epochs, {@code w_i(t) = K exp(r_i / T) / sum_j exp(r_j / T)} for K tasks and
 * temperature T; the first two epochs weigh every task 1.
 */
public final class DynamicWeightAverage extends HostLossWeighting {
  private final double temperature;
  private double[] previous;
  private double[] beforePrevious;

  public DynamicWeightAverage(double temperature) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be > 0 (got " + temperature + ")");
    }
    this.temperature = temperature;
  }

  @Override
  public String name() {
    return "dwa";
  }

  @Override
  public double[] weights() {
    int k = tasks();
    double[] w = new double[k];
    if (previous == null || beforePrevious == null) {
      Arrays.fill(w, 1);
      return w;
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      double ratio = beforePrevious[i] > 0 ? previous[i] / beforePrevious[i] : 1;
      w[i] = Math.exp(ratio / temperature);
      sum += w[i];
    }
    for (int i = 0; i < k; i++) {
      w[i] = k * w[i] / sum;
    }
    return w;
  }

  @Override
  public void endEpoch(double[] meanTaskLosses) {
    beforePrevious = previous;
    previous = meanTaskLosses.clone();
  }

  @Override
  public double[] state() {
    if (previous == null) {
      return new double[0];
    }
    double[] state = Arrays.copyOf(previous, previous.length * 2);
    if (beforePrevious != null) {
      System.arraycopy(beforePrevious, 0, state, previous.length, previous.length);
    } else {
      Arrays.fill(state, previous.length, state.length, Double.NaN);
    }
    return state;
  }

  @Override
  public void restore(double[] state) {
    if (state.length == 0) {
      previous = null;
      beforePrevious = null;
      return;
    }
    int k = state.length / 2;
    previous = Arrays.copyOf(state, k);
    beforePrevious = Double.isNaN(state[k]) ? null : Arrays.copyOfRange(state, k, 2 * k);
  }
}
