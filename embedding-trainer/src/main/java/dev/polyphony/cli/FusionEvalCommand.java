package dev.polyphony.cli;

import dev.polyphony.rank.fusion.rl.FittedQConfig;
import dev.polyphony.rank.fusion.rl.FusionComparison;
import dev.polyphony.rank.fusion.rl.FusionComparisonConfig;
import dev.polyphony.rank.fusion.rl.FusionComparisonMarkdown;
import dev.polyphony.rank.fusion.rl.LearnedFusionPolicy;
import dev.polyphony.rank.session.FusionPolicy;
import dev.polyphony.rank.session.SatisfactionConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony fusion-eval}: compares fusion policies in the session simulator under several seeds (fixed
 * product weights, CEM-searched weights, the behaviour policy, the policy learned by fitted-Q on that seed's log,
 * optionally a saved policy) by session return, length and click rate, with off-policy estimates, and writes the
 * tables as Markdown and JSON.
 */
@Command(name = "fusion-eval", mixinStandardHelpOptions = true,
    description = {"Compares score-fusion policies for long-term satisfaction in the session simulator: fixed "
        + "product weights, the weights the cross-entropy method finds for the per-request objective, the behaviour "
        + "policy, the policy learned offline per seed, and a saved --policy; session return, length, click and "
        + "save rates served in the simulator, and off-policy estimates (weighted importance sampling, fitted-Q "
        + "evaluation) from a held-out log.",
        "Prints the Markdown table and writes fusion-comparison.md and fusion-comparison.json to --out."})
final class FusionEvalCommand implements Callable<Integer> {
  static final String MARKDOWN = "fusion-comparison.md";
  static final String JSON = "fusion-comparison.json";

  @Spec
  CommandSpec spec;

  @Mixin
  SessionWorldOptions world;

  @Option(names = "--policy", paramLabel = "FILE", description = "A policy written by fusion-train, served too.")
  Path policy;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "Runs (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the first run (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--sessions", paramLabel = "N", defaultValue = "2000",
      description = "Sessions logged for learning, and again for the off-policy estimates (default: ${DEFAULT-VALUE}).")
  int sessions;

  @Option(names = "--eval-sessions", paramLabel = "N", defaultValue = "2000",
      description = "Sessions served per policy in the simulator (default: ${DEFAULT-VALUE}).")
  int evalSessions;

  @Option(names = "--search-queries", paramLabel = "N", defaultValue = "500",
      description = "Requests the cross-entropy fusion search ranks (default: ${DEFAULT-VALUE}).")
  int searchQueries;

  @Option(names = "--epsilon", paramLabel = "X", defaultValue = "0.5",
      description = "Exploration share of the behaviour policy (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "polyphony-out/fusion",
      description = "Folder for the Markdown and JSON tables (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "Print JSON instead of Markdown.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    FusionComparisonConfig config;
    try {
      if (seeds <= 0) {
        throw new IllegalArgumentException("--seeds must be > 0 (got " + seeds + ")");
      }
      List<Long> list = new ArrayList<>();
      for (int i = 0; i < seeds; i++) {
        list.add(firstSeed + i);
      }
      config = new FusionComparisonConfig(world.config(), SatisfactionConfig.defaults(), epsilon, sessions,
          evalSessions, searchQueries, FittedQConfig.defaults(), list);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<FusionPolicy> extra = new ArrayList<>();
    if (policy != null) {
      LearnedFusionPolicy loaded = LearnedFusionPolicy.read(policy);
      extra.add(new NamedPolicy("saved policy " + policy.getFileName(), loaded));
    }
    FusionComparison.Result result = new FusionComparison(config).run(extra);
    String markdown = FusionComparisonMarkdown.render(result) + "\nReproduce with `./polyphony fusion-eval "
        + world.asArguments() + " --seeds " + seeds + " --first-seed " + firstSeed + " --sessions " + sessions
        + " --eval-sessions " + evalSessions + " --search-queries " + searchQueries + " --epsilon " + epsilon
        + (policy != null ? " --policy " + policy : "") + "`.\n";
    String jsonText = ComparisonFiles.write(out, MARKDOWN, markdown, JSON, result);
    PrintWriter w = spec.commandLine().getOut();
    w.println(json ? jsonText : markdown);
    w.flush();
    return 0;
  }

  /** A loaded policy under the name the tables show. */
  private record NamedPolicy(String name, FusionPolicy policy) implements FusionPolicy {
    @Override
    public List<dev.polyphony.rank.session.FusionAction> actions() {
      return policy.actions();
    }

    @Override
    public double[] probabilities(float[] state) {
      return policy.probabilities(state);
    }
  }
}
