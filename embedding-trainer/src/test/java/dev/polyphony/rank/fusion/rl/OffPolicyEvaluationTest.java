package dev.polyphony.rank.fusion.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.fusion.ScoreFusion;
import dev.polyphony.rank.session.BehaviourPolicy;
import dev.polyphony.rank.session.FixedFusionPolicy;
import dev.polyphony.rank.session.FusionAction;
import dev.polyphony.rank.session.SessionLog;
import dev.polyphony.rank.session.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffPolicyEvaluationTest {
  static final List<FusionAction> TWO = List.of(new FusionAction(ScoreFusion.product(2), 0),
      new FusionAction(ScoreFusion.product(2), 1));
  private static final double[] HALF = {0.5, 0.5};

  /** Session 0 takes action 0 twice (rewards 1, 2); session 1 takes action 1 once (reward 3). */
  static SessionLog twoSessions() {
    return new SessionLog(TWO, List.of("bias", "step"), List.of(
        new Transition(0, 0, 0, new float[] {1, 0}, 0, HALF, 1, 1, 0, 5, false, new float[] {1, 1}),
        new Transition(0, 0, 1, new float[] {1, 1}, 0, HALF, 2, 2, 0, 5, true, new float[0]),
        new Transition(1, 1, 0, new float[] {1, 0}, 1, HALF, 3, 3, 0, 5, true, new float[0])));
  }

  @Test
  void weightedImportanceSamplingReweighsEachDecision() {
    // t = 0: weights 2 and 0 -> 1; t = 1: weight 4 on reward 2, the ended session keeps weight 0 -> 2.
    OffPolicyEvaluation.Estimate always0 = OffPolicyEvaluation.weightedImportanceSampling(twoSessions(),
        new FixedFusionPolicy("a0", TWO, 0));
    assertThat(always0.value()).isEqualTo(3.0);
    assertThat(always0.effectiveSessions()).isEqualTo(1.0);

    // The behaviour policy itself: weights 1, so the plain mean return (3 + 3) / 2.
    OffPolicyEvaluation.Estimate behaviour = OffPolicyEvaluation.weightedImportanceSampling(twoSessions(),
        new BehaviourPolicy(TWO, 0, 1));
    assertThat(behaviour.value()).isEqualTo(3.0);
    assertThat(behaviour.effectiveSessions()).isEqualTo(2.0);

    assertThat(OffPolicyEvaluation.weightedImportanceSampling(twoSessions(), new FixedFusionPolicy("a1", TWO, 1))
        .value()).isEqualTo(3.0);
  }

  @Test
  void fittedQEvaluationBootstrapsThePolicysNextAction() {
    // Q(s0, 0) = 1 + Q(s1, 0) = 1 + 2; Q(s0, 1) = 3.
    assertThat(OffPolicyEvaluation.fittedQEvaluation(twoSessions(), new FixedFusionPolicy("a0", TWO, 0), 1, 5, 1e-6))
        .isCloseTo(3.0, within(1e-4));
    assertThat(OffPolicyEvaluation.fittedQEvaluation(twoSessions(), new FixedFusionPolicy("a1", TWO, 1), 1, 5, 1e-6))
        .isCloseTo(3.0, within(1e-4));
    // Discounted: 1 + 0.5 * 2.
    assertThat(OffPolicyEvaluation.fittedQEvaluation(twoSessions(), new FixedFusionPolicy("a0", TWO, 0), 0.5, 5,
        1e-6)).isCloseTo(2.0, within(1e-4));
  }

  @Test
  void needsThePolicyOverTheLogsActions() {
    assertThatThrownBy(() -> OffPolicyEvaluation.weightedImportanceSampling(twoSessions(),
        FixedFusionPolicy.of("other", TWO.get(0))))
        .hasMessage("policy 'other' chooses among 1 actions that are not the log's 2; off-policy estimates need the "
            + "log's actions");
  }
}
