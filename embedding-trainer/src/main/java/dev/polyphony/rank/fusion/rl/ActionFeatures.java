package dev.polyphony.rank.fusion.rl;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.session.FusionAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Features of the fusion actions, so one Q function generalises across the action grid: a bias, every weight
 * that varies across the actions (task weights, trait weights in {@link ExposureTrait} order, the diversity
 * weight), the square of the diversity weight when it varies, and the pairwise products of the varying weights.
 */
public final class ActionFeatures {
  private ActionFeatures() {}

  /** One row of features per action ({@code actions x p}). */
  public static double[][] of(List<FusionAction> actions) {
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("actions must not be empty");
    }
    List<double[]> raw = new ArrayList<>();
    for (FusionAction a : actions) {
      List<Double> v = new ArrayList<>();
      for (double w : a.fusion().taskWeights()) {
        v.add(w);
      }
      for (ExposureTrait trait : ExposureTrait.values()) {
        v.add(a.fusion().traitWeights().getOrDefault(trait, 0.0));
      }
      v.add(a.diversity());
      raw.add(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
    int width = raw.get(0).length;
    for (double[] r : raw) {
      if (r.length != width) {
        throw new IllegalArgumentException("every action must have the same number of task weights (got " + width
            + " and " + (r.length - ExposureTrait.values().length - 1) + ")");
      }
    }
    List<Integer> varying = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      for (double[] r : raw) {
        if (r[c] != raw.get(0)[c]) {
          varying.add(c);
          break;
        }
      }
    }
    int diversityColumn = width - 1;
    boolean diversityVaries = varying.contains(diversityColumn);
    int m = varying.size();
    double[][] out = new double[actions.size()][1 + m + (diversityVaries ? 1 : 0) + m * (m - 1) / 2];
    for (int a = 0; a < out.length; a++) {
      double[] r = raw.get(a);
      int k = 0;
      out[a][k++] = 1;
      for (int c : varying) {
        out[a][k++] = r[c];
      }
      if (diversityVaries) {
        out[a][k++] = r[diversityColumn] * r[diversityColumn];
      }
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          out[a][k++] = r[varying.get(i)] * r[varying.get(j)];
        }
      }
    }
    return out;
  }
}
