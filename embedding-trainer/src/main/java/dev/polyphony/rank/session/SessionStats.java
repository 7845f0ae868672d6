package dev.polyphony.rank.session;

import java.util.List;

/**
 * Outcomes of sessions served by one policy.
 *
 * @param sessions sessions
 * @param meanReturn mean over sessions of the summed rewards
 * @param returnStdError standard error of {@code meanReturn}
 * @param meanLength mean requests per session
 * @param clickRate clicks per shown track (the immediate click rate)
 * @param saveRate saves per shown track
 */
public record SessionStats(int sessions, double meanReturn, double returnStdError, double meanLength,
    double clickRate, double saveRate) {

  /** The statistics of sessions given as their transitions in order (sessions contiguous). */
  public static SessionStats of(List<Transition> transitions) {
    java.util.ArrayList<Double> returns = new java.util.ArrayList<>();
    long shown = 0;
    long clicks = 0;
    long saves = 0;
    int previous = Integer.MIN_VALUE;
    for (Transition t : transitions) {
      if (t.session() != previous) {
        returns.add(0.0);
        previous = t.session();
      }
      returns.set(returns.size() - 1, returns.get(returns.size() - 1) + t.reward());
      shown += t.shown();
      clicks += t.clicks();
      saves += t.saves();
    }
    int n = returns.size();
    double mean = 0;
    for (double r : returns) {
      mean += r / n;
    }
    double squares = 0;
    for (double r : returns) {
      squares += (r - mean) * (r - mean);
    }
    double stdError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
    return new SessionStats(n, n == 0 ? 0 : mean, stdError, n == 0 ? 0 : transitions.size() / (double) n,
        shown == 0 ? 0 : clicks / (double) shown, shown == 0 ? 0 : saves / (double) shown);
  }
}
