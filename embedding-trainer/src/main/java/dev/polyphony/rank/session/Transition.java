package dev.polyphony.rank.session;

/**
 * One logged request of a session: the state, the action the behaviour policy took with its propensity, the
 * reward and what followed.
 *
 * @param session session index in the log
 * @param user the user
 * @param step request index within the session, from 0
 * @param state features of {@link SessionObservation}
 * @param action index of the action taken
 * @param behaviour the behaviour policy's probability of every action in this state (sums to 1)
 * @param reward clicks plus the save reward
 * @param clicks clicks on the slate
 * @param saves saves on the slate
 * @param shown tracks in the slate
 * @param terminal whether the session ended after this request
 * @param nextState the next request's features; empty when terminal
 */
public record Transition(int session, int user, int step, float[] state, int action, double[] behaviour,
    double reward, int clicks, int saves, int shown, boolean terminal, float[] nextState) {
  public Transition {
    if (action < 0 || action >= behaviour.length) {
      throw new IllegalArgumentException("action must be in [0, " + behaviour.length + ") (got " + action + ")");
    }
    if (!(behaviour[action] > 0)) {
      throw new IllegalArgumentException("the behaviour policy's propensity of the action taken must be > 0 (got "
          + behaviour[action] + " for action " + action + ")");
    }
    if (terminal != (nextState.length == 0)) {
      throw new IllegalArgumentException("a transition has a next state exactly when it is not terminal (terminal "
          + terminal + ", next state of " + nextState.length + " features)");
    }
    if (!Double.isFinite(reward)) {
      throw new IllegalArgumentException("reward must be finite (got " + reward + ")");
    }
  }

  /** The behaviour policy's probability of the action taken. */
  public double propensity() {
    return behaviour[action];
  }
}
