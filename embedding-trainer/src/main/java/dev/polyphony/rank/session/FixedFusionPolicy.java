package dev.polyphony.rank.session;

import java.util.List;
import java.util.Objects;

/**
 * The same action in every state: fixed weights, or weights searched once offline.
 *
 * @param name name for reports
 * @param actions the actions the policy is over (a log's grid, or just its own action)
 * @param index the action always chosen
 */
public record FixedFusionPolicy(String name, List<FusionAction> actions, int index) implements FusionPolicy {
  public FixedFusionPolicy {
    Objects.requireNonNull(name, "name");
    actions = List.copyOf(actions);
    if (index < 0 || index >= actions.size()) {
      throw new IllegalArgumentException("index must be in [0, " + actions.size() + ") (got " + index + ")");
    }
  }

  /** The policy over the single action {@code action}. */
  public static FixedFusionPolicy of(String name, FusionAction action) {
    return new FixedFusionPolicy(name, List.of(action), 0);
  }

  public FusionAction action() {
    return actions.get(index);
  }

  @Override
  public double[] probabilities(float[] state) {
    double[] p = new double[actions.size()];
    p[index] = 1;
    return p;
  }
}
