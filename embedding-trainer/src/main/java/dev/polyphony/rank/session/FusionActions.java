package dev.polyphony.rank.session;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.fusion.ScoreFusion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Discrete sets of fusion actions for batch reinforcement learning. */
public final class FusionActions {
  private FusionActions() {}

  /**
   * Every combination of the save weights, fresh weights and diversity weights, with click weight 1 and tail
   * weight 0, in that nesting order (save outermost).
   */
  public static List<FusionAction> grid(double[] saveWeights, double[] freshWeights, double[] diversities) {
    List<FusionAction> actions = new ArrayList<>();
    for (double save : saveWeights) {
      for (double fresh : freshWeights) {
        for (double diversity : diversities) {
          Map<ExposureTrait, Double> traits = new EnumMap<>(ExposureTrait.class);
          traits.put(ExposureTrait.TAIL_CREATOR, 0.0);
          traits.put(ExposureTrait.FRESH, fresh);
          actions.add(new FusionAction(new ScoreFusion(new double[] {1, save}, traits), diversity));
        }
      }
    }
    return List.copyOf(actions);
  }

  /**
   * Save weight 0 or 1, fresh weight 0 or 1, diversity 0, 0.5 or 1.5: 12 actions. Index
   * {@value #PRODUCT}, is the plain product of click and save probabilities.
   */
  public static List<FusionAction> defaults() {
    return grid(new double[] {0, 1}, new double[] {0, 1}, new double[] {0, 0.5, 1.5});
  }

  /** Index of the product of the task probabilities in {@link #defaults()}. */
  public static final int PRODUCT = 6;
}
