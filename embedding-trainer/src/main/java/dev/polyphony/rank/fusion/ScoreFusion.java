package dev.polyphony.rank.fusion;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The final ranking score of an impression from a head's task probabilities:
 * {@code score = sum_t w_t ln(max(p_t, 1e-6)) + sum_b v_b trait_b}. With all {@code v_b = 0} this is the
 * weighted geometric mean of the task probabilities (the multiplicative fusion common in industry); the
 * trait terms let the business trade engagement for exposure of tail creators, fresh items or margin.
 *
 * @param taskWeights {@code w_t} per task
 * @param traitWeights {@code v_b} per exposure trait (traits left out weigh 0)
 */
public record ScoreFusion(double[] taskWeights, Map<ExposureTrait, Double> traitWeights) {
  /** Probabilities are floored here before the logarithm. */
  public static final double FLOOR = 1e-6;

  public ScoreFusion {
    taskWeights = taskWeights.clone();
    for (double w : taskWeights) {
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("task weights must be finite (got " + Arrays.toString(taskWeights) + ")");
      }
    }
    EnumMap<ExposureTrait, Double> copy = new EnumMap<>(ExposureTrait.class);
    traitWeights.forEach((trait, w) -> {
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("weight of trait " + trait.label() + " must be finite (got " + w + ")");
      }
      copy.put(trait, w);
    });
    traitWeights = Collections.unmodifiableMap(copy);
  }

  /** Weight 1 on every task, none on traits: the product of the task probabilities. */
  public static ScoreFusion product(int tasks) {
    double[] ones = new double[tasks];
    Arrays.fill(ones, 1);
    return new ScoreFusion(ones, Map.of());
  }

  @Override
  public double[] taskWeights() {
    return taskWeights.clone();
  }

  /** Fused scores of every row of {@code log} from its predictions ({@code rows x tasks}). */
  public float[] scores(ImpressionLog log, float[] predictions) {
    int t = log.tasks().count();
    if (taskWeights.length != t) {
      throw new IllegalArgumentException("the fusion has " + taskWeights.length + " task weights, the log " + t
          + " tasks");
    }
    if (predictions.length != log.rows() * t) {
      throw new IllegalArgumentException("expected " + log.rows() * t + " predictions (got " + predictions.length + ")");
    }
    float[] out = new float[log.rows()];
    for (int r = 0; r < out.length; r++) {
      double s = 0;
      for (int k = 0; k < t; k++) {
        if (taskWeights[k] != 0) {
          s += taskWeights[k] * Math.log(Math.max(predictions[r * t + k], FLOOR));
        }
      }
      out[r] = (float) s;
    }
    for (Map.Entry<ExposureTrait, Double> e : traitWeights.entrySet()) {
      if (e.getValue() == 0) {
        continue;
      }
      float[] values = log.trait(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
          "the fusion weighs trait " + e.getKey().label() + " but the log has none"));
      for (int r = 0; r < out.length; r++) {
        out[r] += (float) (e.getValue() * values[r]);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreFusion other && Arrays.equals(taskWeights, other.taskWeights)
        && traitWeights.equals(other.traitWeights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(taskWeights) + traitWeights.hashCode();
  }

  @Override
  public String toString() {
    return "ScoreFusion" + Arrays.toString(taskWeights) + traitWeights;
  }
}
