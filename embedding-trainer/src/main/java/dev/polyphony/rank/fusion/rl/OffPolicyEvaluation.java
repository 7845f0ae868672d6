package dev.polyphony.rank.fusion.rl;

import dev.polyphony.rank.session.FusionPolicy;
import dev.polyphony.rank.session.SessionLog;
import dev.polyphony.rank.session.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * Off-policy estimates of a fusion policy's mean session return from logged sessions, for policies over the
 * log's actions.
 *
 * <p>Per-decision weighted importance sampling (Precup, Sutton and Singh, ICML 2000; weighted form as in Thomas,
 * PhD thesis 2015): with {@code rho_{i,t} = prod_{k <= t} pi(a_k | s_k) / mu(a_k | s_k)} over session {@code i},
 * {@code V = sum_t (sum_i rho_{i,t} r_{i,t}) / (sum_i rho_{i,t})}; a session that has ended keeps its last
 * weight with reward 0 (an absorbing state), and a step where every weight is 0 adds nothing. Undiscounted.
 *
 * <p>Fitted-Q evaluation (Le, Voloshin and Yue, ICML 2019): ridge regressions on the state-action features ({@link LinearQFunction}) of
 * {@code y = r + gamma (1 - terminal) sum_a' pi(a' | s') Q(s', a')}, iterated, and the value is the mean over
 * the sessions' first states of {@code sum_a pi(a | s_0) Q(s_0, a)}.
 */
public final class OffPolicyEvaluation {
  private OffPolicyEvaluation() {}

  /**
   * A weighted importance sampling estimate.
   *
   * @param value estimated mean session return
   * @param effectiveSessions {@code (sum w)^2 / sum w^2} of the sessions' final weights (Kong 1992)
   */
  public record Estimate(double value, double effectiveSessions) {}

  /** The per-decision weighted importance sampling estimate of {@code policy}'s mean session return. */
  public static Estimate weightedImportanceSampling(SessionLog log, FusionPolicy policy) {
    requireSameActions(log, policy);
    List<List<Transition>> sessions = sessions(log);
    int horizon = 0;
    for (List<Transition> s : sessions) {
      horizon = Math.max(horizon, s.size());
    }
    double[] weight = new double[sessions.size()];
    java.util.Arrays.fill(weight, 1);
    double value = 0;
    for (int t = 0; t < horizon; t++) {
      double num = 0;
      double den = 0;
      for (int i = 0; i < sessions.size(); i++) {
        List<Transition> s = sessions.get(i);
        double reward = 0;
        if (t < s.size()) {
          Transition tr = s.get(t);
          weight[i] *= policy.probabilities(tr.state())[tr.action()] / tr.propensity();
          reward = tr.reward();
        }
        num += weight[i] * reward;
        den += weight[i];
      }
      if (den > 0) {
        value += num / den;
      }
    }
    double sum = 0;
    double squares = 0;
    for (double w : weight) {
      sum += w;
      squares += w * w;
    }
    return new Estimate(value, squares == 0 ? 0 : sum * sum / squares);
  }

  /** The fitted-Q evaluation of {@code policy}'s mean session return with discount {@code gamma}. */
  public static double fittedQEvaluation(SessionLog log, FusionPolicy policy, double gamma, int iterations,
      double ridge) {
    requireSameActions(log, policy);
    if (iterations <= 0) {
      throw new IllegalArgumentException("iterations must be > 0 (got " + iterations + ")");
    }
    List<Transition> transitions = log.transitions();
    double[][] psi = ActionFeatures.of(log.actions());
    JointRegression regression = new JointRegression(log, psi, ridge);
    boolean[] all = new boolean[psi.length];
    java.util.Arrays.fill(all, true);
    LinearQFunction q = new LinearQFunction(new double[log.features().size() * psi[0].length], new double[0][0], 0,
        all, psi);
    double[] targets = new double[transitions.size()];
    for (int round = 0; round < iterations; round++) {
      for (int k = 0; k < targets.length; k++) {
        Transition t = transitions.get(k);
        targets[k] = t.reward() + (t.terminal() ? 0 : gamma * expected(q, policy, t.nextState()));
      }
      q = new LinearQFunction(regression.fit(targets).theta(), new double[0][0], 0, all, psi);
    }
    double sum = 0;
    int n = 0;
    for (Transition t : transitions) {
      if (t.step() == 0) {
        sum += expected(q, policy, t.state());
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  private static double expected(LinearQFunction q, FusionPolicy policy, float[] state) {
    double[] p = policy.probabilities(state);
    double v = 0;
    for (int a = 0; a < p.length; a++) {
      if (p[a] > 0) {
        v += p[a] * q.value(state, a);
      }
    }
    return v;
  }

  private static List<List<Transition>> sessions(SessionLog log) {
    List<List<Transition>> out = new ArrayList<>();
    int previous = Integer.MIN_VALUE;
    for (Transition t : log.transitions()) {
      if (t.session() != previous) {
        out.add(new ArrayList<>());
        previous = t.session();
      }
      out.get(out.size() - 1).add(t);
    }
    return out;
  }

  private static void requireSameActions(SessionLog log, FusionPolicy policy) {
    if (!policy.actions().equals(log.actions())) {
      throw new IllegalArgumentException("policy '" + policy.name() + "' chooses among " + policy.actions().size()
          + " actions that are not the log's " + log.actions().size() + "; off-policy estimates need the log's actions");
    }
  }
}
