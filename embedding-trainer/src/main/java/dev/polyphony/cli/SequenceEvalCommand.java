package dev.polyphony.cli;

import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.RankTrainConfig;
import dev.polyphony.rank.compare.RankingComparisonConfig;
import dev.polyphony.rank.sequence.SequenceComparison;
import dev.polyphony.rank.sequence.SequenceComparisonConfig;
import dev.polyphony.rank.sequence.SequenceComparisonMarkdown;
import dev.polyphony.rank.sequence.SequenceSource;
import dev.polyphony.rank.sequence.SequenceWindows;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony sequence-eval}: the entire-space heads with and without multi-scale behaviour sequences on a
 * synthetic funnel, per-task AUC over seeds, as Markdown and JSON.
 */
@Command(name = "sequence-eval", mixinStandardHelpOptions = true,
    description = {"Compares ranking heads (default ESMM and AITM) with and without multi-scale behaviour sequences "
        + "(the last listens, the last days, all history before the impression, mean-pooled over track embeddings) "
        + "on the synthetic funnel: per-task AUC, mean and std over seeds.",
        "Prints the Markdown table and writes sequence-comparison.md and sequence-comparison.json to --out."})
final class SequenceEvalCommand implements Callable<Integer> {
  static final String MARKDOWN = "sequence-comparison.md";
  static final String JSON = "sequence-comparison.json";

  @Spec
  CommandSpec spec;

  @Option(names = "--source", paramLabel = "NAME", defaultValue = "listens",
      description = "listens (the catalog's listens over stand-in track embeddings) or clicks (the clicks on the "
          + "user's earlier impressions over the items' features) (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--heads", split = ",", paramLabel = "HEAD", description = "Heads (default: esmm, aitm).")
  List<String> heads = new ArrayList<>(List.of("esmm", "aitm"));

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "Runs per head (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1", description = "Seed of the first run (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--users", paramLabel = "N", defaultValue = "1000", description = "Users (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--listens", paramLabel = "N", defaultValue = "30", description = "Mean listens per user (default: ${DEFAULT-VALUE}).")
  double listens;

  @Option(names = "--window-days", paramLabel = "N", defaultValue = "56", description = "Days of the listen window (default: ${DEFAULT-VALUE}).")
  int windowDays;

  @Option(names = "--feature-noise", paramLabel = "X", defaultValue = "0.3",
      description = "Noise on the latent factors the impression features show (default: ${DEFAULT-VALUE}).")
  double featureNoise;

  @Option(names = "--last", paramLabel = "N", defaultValue = "5", description = "Events of the short-term window (default: ${DEFAULT-VALUE}).")
  int last;

  @Option(names = "--recent-days", paramLabel = "N", defaultValue = "7", description = "Days of the mid-term window (default: ${DEFAULT-VALUE}).")
  int recentDays;

  @Option(names = "--dimension", paramLabel = "N", defaultValue = "16", description = "Dimension of the pooled track embedding (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "polyphony-out/sequences",
      description = "Folder for the Markdown and JSON tables (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    SequenceComparisonConfig config;
    try {
      List<HeadConfig> parsed = new ArrayList<>();
      for (String h : heads) {
        parsed.add(HeadConfig.parse(h.trim()));
      }
      RankingComparisonConfig d = RankingComparisonConfig.defaults();
      RankTrainConfig t = d.training();
      RankingComparisonConfig ranking = d.withHeads(parsed).withSeeds(seeds, firstSeed)
          .withTraining(new RankTrainConfig(epochs, t.batchSize(), t.learningRate(), t.l2(), t.patience(), firstSeed))
          .withFusion(d.fusion(), "", d.tradeOffCredits());
      config = new SequenceComparisonConfig(SequenceSource.parse(source), users, listens, windowDays, featureNoise,
          dimension, new SequenceWindows(last, recentDays),
          ranking, 1, 1);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    SequenceComparison.Result result;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      result = new SequenceComparison(config).run(progress);
    }
    String markdown = SequenceComparisonMarkdown.render(result, seeds, firstSeed)
        + "\nReproduce with `./polyphony sequence-eval --source " + source + " --heads " + String.join(",", heads)
        + " --seeds " + seeds + " --first-seed " + firstSeed + " --epochs " + epochs + " --users " + users
        + " --listens " + listens + " --window-days " + windowDays + " --feature-noise " + featureNoise + " --last "
        + last + " --recent-days " + recentDays + " --dimension " + dimension + "`.\n";
    ComparisonFiles.write(out, MARKDOWN, markdown, JSON, result);
    PrintWriter w = spec.commandLine().getOut();
    w.println(markdown);
    w.flush();
    return 0;
  }
}
