package dev.polyphony.rank.fusion.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.session.BehaviourPolicy;
import dev.polyphony.rank.session.FixedFusionPolicy;
import dev.polyphony.rank.session.FusionAction;
import dev.polyphony.rank.session.FusionActions;
import dev.polyphony.rank.session.SatisfactionConfig;
import dev.polyphony.rank.session.SatisfactionModel;
import dev.polyphony.rank.session.SessionLog;
import dev.polyphony.rank.session.SessionSimulator;
import dev.polyphony.rank.session.SessionStats;
import dev.polyphony.rank.session.SessionWorld;
import dev.polyphony.rank.session.SessionWorldConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FittedQIterationTest {
  private static final SessionWorldConfig WORLD = new SessionWorldConfig(600, 100, 6, 8, 30, 5, 20, 0.7, 0.2, 0.3,
      0.8, -2.5, -2.5, 3);
  private final List<FusionAction> grid = FusionActions.defaults();
  private final SessionSimulator simulator = new SessionSimulator(SessionWorld.generate(WORLD),
      new SatisfactionModel(SatisfactionConfig.defaults()));

  @TempDir
  Path dir;

  @Test
  void learnsTheBetterActionOfATwoActionLog() {
    FittedQConfig exact = new FittedQConfig(1, 5, 1e-6, 0, 0);
    LearnedFusionPolicy policy = new FittedQIteration(exact).train(OffPolicyEvaluationTest.twoSessions());

    // Q(s0, 0) = 1 + 2 = 3 ties Q(s0, 1) = 3; the tie goes to the lower index. At step 1 only action 0 was logged.
    assertThat(policy.q().value(new float[] {1, 0}, 0)).isCloseTo(3, within(1e-4));
    assertThat(policy.q().value(new float[] {1, 0}, 1)).isCloseTo(3, within(1e-4));
    assertThat(policy.q().value(new float[] {1, 1}, 0)).isCloseTo(2, within(1e-4));
  }

  @Test
  void pessimismPrefersTheActionTheLogKnowsBetter() {
    FittedQConfig optimistic = new FittedQConfig(1, 5, 1e-6, 0, 0);
    SessionLog log = OffPolicyEvaluationTest.twoSessions();
    // A noisy log: action 1 once with reward 3.2, action 0 at step 0 nine times with rewards around 3.
    java.util.List<dev.polyphony.rank.session.Transition> ts = new java.util.ArrayList<>();
    double[] half = {0.5, 0.5};
    for (int i = 0; i < 9; i++) {
      ts.add(new dev.polyphony.rank.session.Transition(i, 0, 0, new float[] {1, 0}, 0, half, 2.5 + (i % 3) * 0.5, 1, 0,
          5, true, new float[0]));
    }
    ts.add(new dev.polyphony.rank.session.Transition(9, 0, 0, new float[] {1, 0}, 1, half, 3.2, 3, 0, 5, true,
        new float[0]));
    SessionLog noisy = new SessionLog(log.actions(), log.features(), ts);

    assertThat(new FittedQIteration(optimistic).train(noisy).act(new float[] {1, 0})).isEqualTo(1);
    assertThat(new FittedQIteration(new FittedQConfig(1, 5, 1e-6, 1, 0)).train(noisy).act(new float[] {1, 0}))
        .isEqualTo(0);
  }

  @Test
  void neverChoosesAnActionOutsideTheLoggedSupport() {
    SessionLog onlyProduct = simulator.run(new FixedFusionPolicy("product", grid, FusionActions.PRODUCT), 200, 1).log();
    LearnedFusionPolicy policy = new FittedQIteration(FittedQConfig.defaults()).train(onlyProduct);

    for (int a = 0; a < grid.size(); a++) {
      assertThat(policy.q().allowed()[a]).isEqualTo(a == FusionActions.PRODUCT);
    }
    SessionStats served = simulator.run(policy, 100, 2).stats();
    assertThat(served).isEqualTo(simulator.run(new FixedFusionPolicy("product", grid, FusionActions.PRODUCT), 100, 2)
        .stats());
  }

  @Test
  void theLearnedPolicyBeatsTheBehaviourPolicyInTheSimulator() {
    BehaviourPolicy behaviour = new BehaviourPolicy(grid, FusionActions.PRODUCT, 0.5);
    SessionLog log = simulator.run(behaviour, 1500, 11).log();
    LearnedFusionPolicy learned = new FittedQIteration(FittedQConfig.defaults()).train(log);

    SessionStats byBehaviour = simulator.run(behaviour, 1500, 5).stats();
    SessionStats byLearned = simulator.run(learned, 1500, 5).stats();

    assertThat(byLearned.meanReturn()).isGreaterThan(byBehaviour.meanReturn() + 3 * (byLearned.returnStdError()
        + byBehaviour.returnStdError()));
    assertThat(byLearned.meanLength()).isGreaterThan(byBehaviour.meanLength());
    // One log gives one policy.
    assertThat(new FittedQIteration(FittedQConfig.defaults()).train(log).q().theta())
        .containsExactly(learned.q().theta());
  }

  @Test
  void roundTripsThroughJson() throws IOException {
    SessionLog log = simulator.run(new BehaviourPolicy(grid, FusionActions.PRODUCT, 0.5), 300, 4).log();
    LearnedFusionPolicy policy = new FittedQIteration(FittedQConfig.defaults()).train(log);
    Path file = dir.resolve("policy.json");

    policy.write(file);
    LearnedFusionPolicy read = LearnedFusionPolicy.read(file);

    assertThat(read.actions()).isEqualTo(policy.actions());
    assertThat(read.features()).isEqualTo(policy.features());
    assertThat(read.q().theta()).containsExactly(policy.q().theta());
    for (var t : log.transitions()) {
      assertThat(read.act(t.state())).isEqualTo(policy.act(t.state()));
    }
  }
}
