package dev.polyphony.train;

import dev.polyphony.model.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Homoscedastic uncertainty weighting (Kendall, Gal and Cipolla, "Multi-Task Learning Using Uncertainty to
 * Weigh Losses for Scene Geometry and Semantics", CVPR 2018): one learned log-variance {@code s_i} per task,
 * total {@code sum_i exp(-s_i) L_i + s_i}, so a noisy task learns a low weight {@code exp(-s_i)} and the
 * {@code s_i} term keeps it from vanishing. The {@code s_i} start at 0 (weight 1) and are trained with the
 * model (no weight decay).
 */
public final class UncertaintyWeighting implements LossWeighting {
  private final List<SDVariable> logVariances = new ArrayList<>();

  @Override
  public String name() {
    return "uncertainty";
  }

  @Override
  public SDVariable combine(Parameters parameters, List<SDVariable> taskLosses) {
    SDVariable total = null;
    for (int i = 0; i < taskLosses.size(); i++) {
      SDVariable s = parameters.bias("uncertainty_log_variance_" + i, 1);
      logVariances.add(s);
      SDVariable term = taskLosses.get(i).mul(parameters.sameDiff().math().exp(s.neg())).add(s).sum();
      total = total == null ? term : total.add(term);
    }
    return total;
  }

  @Override
  public Map<String, INDArray> placeholders() {
    return Map.of();
  }

  @Override
  public double[] weights() {
    double[] w = new double[logVariances.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.exp(-logVariances.get(i).getArr().getDouble(0));
    }
    return w;
  }

  @Override
  public void endEpoch(double[] meanTaskLosses) {}

  @Override
  public double[] state() {
    return new double[0];
  }

  @Override
  public void restore(double[] state) {}
}
