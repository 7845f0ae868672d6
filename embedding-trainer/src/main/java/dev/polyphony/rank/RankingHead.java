package dev.polyphony.rank;

/**
 * The contract every ranking head serves: feature rows in, one probability per task out.
 *
 * <p>{@link #predict} gives each task's probability on the entire impression space (for a conversion step
 * the joint event, ESMM's CTCVR); {@link #predictConditional} gives each task's probability given its
 * parent's event (CVR), which by default is the ratio {@code p_t / p_parent} (capped at 1; 0 where the
 * parent's probability is 0). Arrays are row-major {@code rows x tasks}.
 */
public interface RankingHead {
  /** A label such as {@code mmoe} or {@code esmm+kd}. */
  String name();

  RankingTasks tasks();

  int featureCount();

  /** Probabilities on the entire space, {@code rows x tasks}, from raw feature rows ({@code rows x featureCount}). */
  float[] predict(float[] features, int rows);

  /** Probabilities given the parent's event, {@code rows x tasks}; equal to {@link #predict} for tasks without parent. */
  default float[] predictConditional(float[] features, int rows) {
    return ratios(tasks(), predict(features, rows), rows);
  }

  /** Joint probabilities of every row of {@code log}. */
  default float[] predict(ImpressionLog log) {
    return predict(log.features(), log.rows());
  }

  /** Conditional probabilities of every row of {@code log}. */
  default float[] predictConditional(ImpressionLog log) {
    return predictConditional(log.features(), log.rows());
  }

  /** {@code p_t / p_parent(t)} per row and task with a parent, capped at 1 (0 when the parent is 0). */
  static float[] ratios(RankingTasks tasks, float[] joint, int rows) {
    int t = tasks.count();
    float[] out = joint.clone();
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < t; k++) {
        if (tasks.hasParent(k)) {
          float parent = joint[r * t + tasks.parent(k)];
          out[r * t + k] = parent > 0 ? Math.min(1f, joint[r * t + k] / parent) : 0f;
        }
      }
    }
    return out;
  }
}
