package dev.polyphony.rank.fusion.rl;

import dev.polyphony.rank.session.SessionLog;
import dev.polyphony.rank.session.Transition;
import java.util.List;
import java.util.Objects;

/**
 * Conservative fitted-Q iteration (Ernst, Geurts and Wehenkel, JMLR 2005) over a discrete set of fusion
 * actions, learned from logged sessions only. Two regularisers keep the policy near the behaviour data:
 * actions outside the behaviour policy's support (mean propensity below {@code supportThreshold} of the
 * largest, or never logged) are never chosen, as in batch-constrained Q-learning (Fujimoto et al., "Benchmarking
 * Batch Deep Reinforcement Learning Algorithms", 2019), and the bootstrap target and the policy use the lower
 * confidence bound of {@link LinearQFunction}, so rarely logged state-action pairs are not overvalued. This is
 * our conservative stand-in for the batch-constrained actor-critic of Zhang et al., KDD 2022, whose action is
 * continuous; here the action is one of a grid of fusion weight vectors.
 *
 * <p>Round {@code k}: targets {@code y = r + gamma (1 - terminal) max_{a' allowed} LCB_{k-1}(s', a')} (the first
 * round without pessimism, as there are no residuals yet), then the ridge regression on the state-action features. Deterministic:
 * no randomness.
 */
public final class FittedQIteration {
  private final FittedQConfig config;

  public FittedQIteration(FittedQConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * The greedy policy of the learned lower bound.
   *
   * @throws IllegalArgumentException for an empty log
   */
  public LearnedFusionPolicy train(SessionLog log) {
    List<Transition> transitions = log.transitions();
    if (transitions.isEmpty()) {
      throw new IllegalArgumentException("the session log has no transitions");
    }
    boolean[] allowed = support(log, config.supportThreshold());
    double[][] psi = ActionFeatures.of(log.actions());
    JointRegression regression = new JointRegression(log, psi, config.ridge());
    LinearQFunction q = new LinearQFunction(new double[log.features().size() * psi[0].length], new double[0][0], 0,
        allowed, psi);
    double[] targets = new double[transitions.size()];
    for (int round = 0; round < config.iterations(); round++) {
      for (int k = 0; k < targets.length; k++) {
        Transition t = transitions.get(k);
        targets[k] = t.reward() + (t.terminal() ? 0 : config.gamma() * q.lowerBound(t.nextState(), q.greedy(t.nextState())));
      }
      JointRegression.Fit fit = regression.fit(targets);
      q = new LinearQFunction(fit.theta(), regression.scaledInverse(fit.residualVariance()), config.pessimism(),
          allowed, psi);
    }
    return new LearnedFusionPolicy(log.actions(), log.features(), q);
  }

  /**
   * Actions logged at least once whose mean behaviour propensity over the logged states is at least
   * {@code threshold} times the largest.
   */
  static boolean[] support(SessionLog log, double threshold) {
    int actions = log.actions().size();
    double[] mean = new double[actions];
    int[] taken = new int[actions];
    for (Transition t : log.transitions()) {
      taken[t.action()]++;
      for (int a = 0; a < actions; a++) {
        mean[a] += t.behaviour()[a];
      }
    }
    double max = 0;
    for (double m : mean) {
      max = Math.max(max, m);
    }
    boolean[] allowed = new boolean[actions];
    for (int a = 0; a < actions; a++) {
      allowed[a] = taken[a] > 0 && mean[a] >= threshold * max;
    }
    return allowed;
  }
}
