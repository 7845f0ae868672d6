package dev.polyphony.rank.eval;

import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankingTasks;
import java.util.ArrayList;
import java.util.List;

/** Per-task test metrics ({@link TaskMetrics}) of a head's predictions on an impression log. */
public final class HeadMetrics {
  private HeadMetrics() {}

  /**
   * Metrics of every task.
   *
   * @param joint entire-space probabilities, {@code rows x tasks}
   * @param conditional probabilities given the parent, {@code rows x tasks}
   */
  public static List<TaskMetrics> of(ImpressionLog log, float[] joint, float[] conditional) {
    RankingTasks tasks = log.tasks();
    int t = tasks.count();
    int n = log.rows();
    if (joint.length != n * t || conditional.length != n * t) {
      throw new IllegalArgumentException("predictions must have " + n + " x " + t + " values (got " + joint.length
          + " and " + conditional.length + ")");
    }
    List<TaskMetrics> out = new ArrayList<>();
    for (int k = 0; k < t; k++) {
      float[] p = new float[n];
      float[] c = new float[n];
      boolean[] y = new boolean[n];
      boolean[] parentPositive = new boolean[n];
      for (int r = 0; r < n; r++) {
        p[r] = joint[r * t + k];
        c[r] = conditional[r * t + k];
        y[r] = log.label(r, k) == 1;
        parentPositive[r] = tasks.hasParent(k) && log.label(r, tasks.parent(k)) == 1;
      }
      double conditionalAuc = tasks.hasParent(k) ? Auc.of(c, y, parentPositive) : Double.NaN;
      Calibration calibration = Calibration.of(p, y, null);
      double jointRmse = Double.NaN;
      double conditionalRmse = Double.NaN;
      if (log.hasTrueProbabilities() && n > 0) {
        double jointSquares = 0;
        double conditionalSquares = 0;
        for (int r = 0; r < n; r++) {
          double dj = p[r] - log.trueJoint(r, k);
          double dc = c[r] - log.trueConditional(r, k);
          jointSquares += dj * dj;
          conditionalSquares += dc * dc;
        }
        jointRmse = Math.sqrt(jointSquares / n);
        conditionalRmse = tasks.hasParent(k) ? Math.sqrt(conditionalSquares / n) : Double.NaN;
      }
      out.add(new TaskMetrics(tasks.name(k), Auc.of(p, y), conditionalAuc, calibration.meanPredicted(),
          calibration.observedRate(), calibration.expectedCalibrationError(), jointRmse, conditionalRmse));
    }
    return out;
  }
}
