package dev.polyphony.rank.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSimulatorTest {
  private static final SessionWorldConfig WORLD = new SessionWorldConfig(600, 100, 6, 8, 30, 5, 20, 0.7, 0.2, 0.3,
      0.8, -2.5, -2.5, 3);
  private final List<FusionAction> grid = FusionActions.defaults();

  private SessionStats serve(SatisfactionConfig user, int action, int sessions) {
    SessionSimulator simulator = new SessionSimulator(SessionWorld.generate(WORLD), new SatisfactionModel(user));
    return simulator.run(new FixedFusionPolicy("a" + action, grid, action), sessions, 7).stats();
  }

  @Test
  void longTermReturnRespondsToDiversityAsDesigned() {
    SatisfactionConfig d = SatisfactionConfig.defaults();
    int product = FusionActions.PRODUCT;        // click 1, save 1, fresh 0, diversity 0
    int diverse = FusionActions.PRODUCT + 2;    // the same with diversity 1.5
    SessionStats narrow = serve(d, product, 1500);
    SessionStats spread = serve(d, diverse, 1500);

    // Diversity costs immediate clicks but keeps users longer, so it earns more over the session.
    assertThat(spread.clickRate()).isLessThan(narrow.clickRate() - 0.05);
    assertThat(spread.meanLength()).isGreaterThan(narrow.meanLength() + 2);
    assertThat(spread.meanReturn()).isGreaterThan(narrow.meanReturn() + 4 * (spread.returnStdError()
        + narrow.returnStdError()));

    // A user indifferent to diversity: the same slates, no longer sessions, fewer clicks, a lower return.
    SatisfactionConfig indifferent = new SatisfactionConfig(d.initial(), d.memory(), d.fitWeight(), 0, d.freshWeight(),
        d.continueBias(), d.continueSlope(), d.saveReward());
    SessionStats narrowIndifferent = serve(indifferent, product, 1500);
    SessionStats spreadIndifferent = serve(indifferent, diverse, 1500);
    assertThat(spreadIndifferent.meanReturn()).isLessThan(narrowIndifferent.meanReturn());
    assertThat(spreadIndifferent.meanLength()).isLessThan(narrowIndifferent.meanLength());
    // The diversity weight changes nothing of the clicks on a given slate, only whether the user stays.
    assertThat(narrowIndifferent.clickRate()).isCloseTo(narrow.clickRate(), org.assertj.core.api.Assertions.within(0.02));
  }

  @Test
  void logsEveryRequestWithItsPropensityAndNextState() {
    SessionSimulator simulator = new SessionSimulator(SessionWorld.generate(WORLD),
        new SatisfactionModel(SatisfactionConfig.defaults()));
    BehaviourPolicy behaviour = new BehaviourPolicy(grid, FusionActions.PRODUCT, 0.5);
    SessionLog log = simulator.run(behaviour, 50, 11).log();

    assertThat(log.sessions()).isEqualTo(50);
    List<Transition> ts = log.transitions();
    for (int i = 0; i < ts.size(); i++) {
      Transition t = ts.get(i);
      assertThat(t.propensity()).isEqualTo(t.action() == FusionActions.PRODUCT ? 0.5 + 0.5 / 12 : 0.5 / 12);
      assertThat(t.reward()).isEqualTo(t.clicks() + t.saves());
      assertThat(t.state()[1]).isEqualTo(t.step() == 0 ? 1f : 0f);
      if (!t.terminal()) {
        Transition next = ts.get(i + 1);
        assertThat(next.session()).isEqualTo(t.session());
        assertThat(next.step()).isEqualTo(t.step() + 1);
        assertThat(t.nextState()).containsExactly(next.state());
      } else if (i + 1 < ts.size()) {
        assertThat(ts.get(i + 1).step()).isZero();
      }
    }
    assertThat(ts.get(ts.size() - 1).terminal()).isTrue();
  }

  @Test
  void oneSeedGivesOneRun() {
    SessionSimulator simulator = new SessionSimulator(SessionWorld.generate(WORLD),
        new SatisfactionModel(SatisfactionConfig.defaults()));
    BehaviourPolicy behaviour = new BehaviourPolicy(grid, FusionActions.PRODUCT, 0.5);
    SessionSimulator.Run a = simulator.run(behaviour, 40, 5);
    SessionSimulator.Run b = simulator.run(behaviour, 40, 5);

    assertThat(a.stats()).isEqualTo(b.stats());
    assertThat(a.log().transitions()).hasSameSizeAs(b.log().transitions());
    for (int i = 0; i < a.log().transitions().size(); i++) {
      Transition x = a.log().transitions().get(i);
      Transition y = b.log().transitions().get(i);
      assertThat(x.action()).isEqualTo(y.action());
      assertThat(x.reward()).isEqualTo(y.reward());
      assertThat(x.state()).containsExactly(y.state());
    }
    assertThat(simulator.run(behaviour, 40, 6).stats()).isNotEqualTo(a.stats());
  }
}
