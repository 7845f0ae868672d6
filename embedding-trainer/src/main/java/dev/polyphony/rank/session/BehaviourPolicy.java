package dev.polyphony.rank.session;

import java.util.List;

/**
 * The logging policy: the default action with probability {@code 1 - epsilon}, else an action drawn uniformly
 * from all (the default included), so its propensity is known exactly:
 * {@code mu(a) = (1 - epsilon) [a = default] + epsilon / |A|}. It ignores the state.
 *
 * @param actions the actions, non-empty
 * @param defaultAction index of the default action
 * @param epsilon exploration share, in (0, 1]
 */
public record BehaviourPolicy(List<FusionAction> actions, int defaultAction, double epsilon) implements FusionPolicy {
  public BehaviourPolicy {
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("actions must not be empty");
    }
    if (defaultAction < 0 || defaultAction >= actions.size()) {
      throw new IllegalArgumentException("defaultAction must be in [0, " + actions.size() + ") (got " + defaultAction
          + ")");
    }
    if (!(epsilon > 0 && epsilon <= 1)) {
      throw new IllegalArgumentException("epsilon must be in (0, 1] (got " + epsilon + ")");
    }
  }

  @Override
  public double[] probabilities(float[] state) {
    double[] p = new double[actions.size()];
    java.util.Arrays.fill(p, epsilon / actions.size());
    p[defaultAction] += 1 - epsilon;
    return p;
  }

  @Override
  public String name() {
    return "behaviour";
  }
}
