package dev.polyphony.rank.fusion.rl;

import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.compare.MeanStd;
import dev.polyphony.rank.fusion.CrossEntropyMethod;
import dev.polyphony.rank.fusion.FusionSearch;
import dev.polyphony.rank.fusion.LongTermObjective;
import dev.polyphony.rank.session.BehaviourPolicy;
import dev.polyphony.rank.session.FixedFusionPolicy;
import dev.polyphony.rank.session.FusionAction;
import dev.polyphony.rank.session.FusionActions;
import dev.polyphony.rank.session.FusionPolicy;
import dev.polyphony.rank.session.SatisfactionModel;
import dev.polyphony.rank.session.SessionImpressions;
import dev.polyphony.rank.session.SessionLog;
import dev.polyphony.rank.session.SessionSimulator;
import dev.polyphony.rank.session.SessionStats;
import dev.polyphony.rank.session.SessionWorld;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Compares fusion policies for long-term satisfaction in the session simulator, per seed:
 * <ul>
 *   <li><b>fixed product</b>: weight 1 on ln p(click) and ln p(save), nothing else (the default action);</li>
 *   <li><b>CEM-searched</b>: the weights the cross-entropy method finds for the per-request long-term objective of
 *       the ranking issue (deep-engagement NDCG at the slate size plus 0.1 credit each for tail and fresh exposure)
 *       on the first requests of sessions ({@link SessionImpressions}); no diversity term;</li>
 *   <li><b>behaviour</b>: the logging policy ({@link BehaviourPolicy}, the product as its default action);</li>
 *   <li><b>learned</b>: conservative fitted-Q iteration ({@link FittedQIteration}) on the behaviour policy's log;</li>
 *   <li><b>best fixed action</b>: the grid action with the highest return served in the simulator, a reference no
 *       offline method can see.</li>
 * </ul>
 * Each is served to the same users in the simulator (session return, length, click and save rates), and the
 * policies over the log's actions are also estimated off-policy on a second behaviour log (per-decision weighted
 * importance sampling and fitted-Q evaluation, undiscounted). The world is fixed; a seed drives logging, learning,
 * search and evaluation.
 */
public final class FusionComparison {
  private final FusionComparisonConfig config;

  public FusionComparison(FusionComparisonConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * One policy in one seed.
   *
   * @param policy name
   * @param onPolicy what it earned in the simulator
   * @param wis weighted importance sampling estimate of its return ({@code NaN} when not over the log's actions)
   * @param wisEffectiveSessions effective sessions of that estimate ({@code NaN} likewise)
   * @param fqe fitted-Q evaluation of its return ({@code NaN} likewise)
   * @param action the action of a fixed policy, else null
   * @param actionShares share of the simulator's requests served with each of the policy's actions
   */
  public record PolicyRun(String policy, SessionStats onPolicy, double wis, double wisEffectiveSessions, double fqe,
      String action, double[] actionShares) {}

  /**
   * Every policy of one seed.
   *
   * @param grid labels of the grid's actions (the log's)
   */
  public record SeedRun(long seed, List<String> grid, List<PolicyRun> policies) {}

  /** A policy's metrics over seeds. */
  public record Summary(String policy, MeanStd sessionReturn, MeanStd sessionLength, MeanStd clickRate,
      MeanStd saveRate, MeanStd wis, MeanStd fqe) {}

  /** All seeds and their summary. */
  public record Result(FusionComparisonConfig config, List<SeedRun> runs, List<Summary> summaries) {}

  public Result run() {
    return run(List.of());
  }

  /** The comparison with {@code extra} policies (for example one trained before and loaded) served too. */
  public Result run(List<FusionPolicy> extra) {
    List<SeedRun> runs = new ArrayList<>();
    for (long seed : config.seeds()) {
      runs.add(runSeed(seed, extra));
    }
    Map<String, List<PolicyRun>> byPolicy = new LinkedHashMap<>();
    for (SeedRun r : runs) {
      for (PolicyRun p : r.policies()) {
        byPolicy.computeIfAbsent(p.policy(), k -> new ArrayList<>()).add(p);
      }
    }
    List<Summary> summaries = new ArrayList<>();
    byPolicy.forEach((name, list) -> summaries.add(new Summary(name, over(list, p -> p.onPolicy().meanReturn()),
        over(list, p -> p.onPolicy().meanLength()), over(list, p -> p.onPolicy().clickRate()),
        over(list, p -> p.onPolicy().saveRate()), over(list, PolicyRun::wis), over(list, PolicyRun::fqe))));
    return new Result(config, runs, summaries);
  }

  /** One seed: log, learn, search, serve, estimate. */
  public SeedRun runSeed(long seed, List<FusionPolicy> extra) {
    SessionWorld world = SessionWorld.generate(config.world());
    SessionSimulator simulator = new SessionSimulator(world, new SatisfactionModel(config.user()));
    List<FusionAction> grid = FusionActions.defaults();
    BehaviourPolicy behaviour = new BehaviourPolicy(grid, FusionActions.PRODUCT, config.epsilon());
    SessionLog training = simulator.run(behaviour, config.logSessions(), SeedDerivation.derive(seed, 1)).log();
    SessionLog heldOut = simulator.run(behaviour, config.logSessions(), SeedDerivation.derive(seed, 2)).log();
    LearnedFusionPolicy learned = new FittedQIteration(config.fittedQ()).train(training);
    FusionAction searched = searched(world, seed);
    long evalSeed = SeedDerivation.derive(seed, 3);
    List<PolicyRun> out = new ArrayList<>();
    out.add(evaluate(simulator, new FixedFusionPolicy("fixed product", grid, FusionActions.PRODUCT), heldOut,
        evalSeed));
    out.add(evaluate(simulator, FixedFusionPolicy.of("CEM-searched", searched), heldOut, evalSeed));
    out.add(evaluate(simulator, behaviour, heldOut, evalSeed));
    out.add(evaluate(simulator, learned, heldOut, evalSeed));
    for (FusionPolicy policy : extra) {
      out.add(evaluate(simulator, policy, heldOut, evalSeed));
    }
    PolicyRun best = null;
    for (int a = 0; a < grid.size(); a++) {
      PolicyRun r = evaluate(simulator, new FixedFusionPolicy("best fixed action (simulator reference)", grid, a),
          heldOut, evalSeed);
      if (best == null || r.onPolicy().meanReturn() > best.onPolicy().meanReturn()) {
        best = r;
      }
    }
    out.add(best);
    return new SeedRun(seed, grid.stream().map(FusionAction::label).toList(), List.copyOf(out));
  }

  /** The cross-entropy search of the ranking issue's per-request objective, as a fixed action. */
  private FusionAction searched(SessionWorld world, long seed) {
    SessionImpressions.Impressions impressions = SessionImpressions.generate(world, config.searchQueries(),
        SeedDerivation.derive(seed, 4));
    LongTermObjective objective = LongTermObjective.deepEngagement(SessionImpressions.TASKS,
        config.world().slateSize(), Map.of(ExposureTrait.TAIL_CREATOR, 0.1, ExposureTrait.FRESH, 0.1));
    FusionSearch.Found found = new FusionSearch(CrossEntropyMethod.defaults(SeedDerivation.derive(seed, 5)))
        .search(impressions.log(), impressions.predictions(), objective);
    return new FusionAction(found.fusion(), 0);
  }

  private PolicyRun evaluate(SessionSimulator simulator, FusionPolicy policy, SessionLog heldOut, long evalSeed) {
    SessionSimulator.Run run = simulator.run(policy, config.evalSessions(), evalSeed);
    SessionStats stats = run.stats();
    double[] shares = new double[policy.actions().size()];
    for (var t : run.log().transitions()) {
      shares[t.action()] += 1.0 / run.log().transitions().size();
    }
    double wis = Double.NaN;
    double ess = Double.NaN;
    double fqe = Double.NaN;
    if (policy.actions().equals(heldOut.actions())) {
      OffPolicyEvaluation.Estimate estimate = OffPolicyEvaluation.weightedImportanceSampling(heldOut, policy);
      wis = estimate.value();
      ess = estimate.effectiveSessions();
      fqe = OffPolicyEvaluation.fittedQEvaluation(heldOut, policy, 1, config.world().maxSteps(),
          config.fittedQ().ridge());
    }
    String action = policy instanceof FixedFusionPolicy fixed ? fixed.action().label() : null;
    return new PolicyRun(policy.name(), stats, wis, ess, fqe, action, shares);
  }

  private static MeanStd over(List<PolicyRun> runs, ToDoubleFunction<PolicyRun> metric) {
    List<Double> values = new ArrayList<>();
    for (PolicyRun r : runs) {
      values.add(metric.applyAsDouble(r));
    }
    return MeanStd.of(values);
  }
}
