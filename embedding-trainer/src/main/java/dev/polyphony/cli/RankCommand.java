package dev.polyphony.cli;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.RankTrainConfig;
import dev.polyphony.rank.compare.ComparisonDatasets;
import dev.polyphony.rank.compare.ComparisonMarkdown;
import dev.polyphony.rank.compare.DatasetComparison;
import dev.polyphony.rank.compare.RankingComparison;
import dev.polyphony.rank.compare.RankingComparisonConfig;
import dev.polyphony.rank.data.LastfmImpressionsConfig;
import dev.polyphony.rank.data.SyntheticImpressionsConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony rank-eval} (also {@code rank}): trains every ranking head under several seeds on synthetic impression logs and on
 * Last.fm impressions, and writes the comparison table as Markdown and JSON.
 */
@Command(name = "rank-eval", aliases = "rank", mixinStandardHelpOptions = true,
    description = {"Compares multi-task ranking heads (shared-bottom, MMoE, PLE, ESMM, AITM, the clicked-only "
        + "conversion model; +kd adds cross-task distillation) on synthetic impression logs with known true "
        + "probabilities and on Last.fm HetRec impressions: AUC per task, calibration, error against the true "
        + "probabilities, and the fused ranking whose weights are searched for the long-term objective.",
        "Prints the Markdown table and writes ranking-comparison.md and ranking-comparison.json to --out."})
final class RankCommand implements Callable<Integer> {
  static final String MARKDOWN = "ranking-comparison.md";
  static final String JSON = "ranking-comparison.json";

  @Spec
  CommandSpec spec;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "all",
      description = "synthetic, lastfm or all (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--lastfm", paramLabel = "DIR", description = "HetRec Last.fm 2K folder (default: "
      + "$POLYPHONY_DATASETS/" + BundledData.LASTFM + ", else ../shared/datasets/" + BundledData.LASTFM
      + " beside the project).")
  Path lastfm;

  @Option(names = "--heads", split = ",", paramLabel = "HEAD",
      description = "Heads to compare (default: all of shared-bottom, mmoe, ple, esmm, aitm, clicked-only, "
          + "shared-bottom+kd, mmoe+kd).")
  List<String> heads = new ArrayList<>(RankingComparisonConfig.DEFAULT_HEADS);

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "Runs per head (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1", description = "Seed of the first run (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "1024", description = "Impressions per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--learning-rate", paramLabel = "X", defaultValue = "0.005", description = "Adam step size (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--patience", paramLabel = "N", defaultValue = "3", description = "Early-stopping patience in epochs (default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(names = "--synthetic-users", paramLabel = "N", defaultValue = "2000", description = "Users of the synthetic logs (default: ${DEFAULT-VALUE}).")
  int syntheticUsers;

  @Option(names = "--split-seed", paramLabel = "S", defaultValue = "1", description = "Seed of the split by user (default: ${DEFAULT-VALUE}).")
  long splitSeed;

  @Option(names = "--credit", split = ",", paramLabel = "TRAIT=X",
      description = "Credit of the long-term objective for exposure of tail, fresh or margin (default: 0.1 each).")
  List<String> credits = new ArrayList<>();

  @Option(names = "--trade-off-head", paramLabel = "HEAD", defaultValue = "mmoe",
      description = "Head whose fusion trade-off curve is traced (default: ${DEFAULT-VALUE}).")
  String tradeOffHead;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "polyphony-out/rank",
      description = "Folder for the Markdown and JSON tables (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "Print JSON instead of Markdown.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!List.of("synthetic", "lastfm", "all").contains(dataset)) {
      throw new ParameterException(spec.commandLine(), "--dataset must be synthetic, lastfm or all (got '" + dataset + "')");
    }
    List<HeadConfig> headConfigs = new ArrayList<>();
    for (String h : heads) {
      try {
        headConfigs.add(HeadConfig.parse(h.trim()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage() + "; a head may end in "
            + HeadConfig.DISTILLATION_SUFFIX + " for distillation");
      }
    }
    RankingComparisonConfig config;
    try {
      RankingComparisonConfig d = RankingComparisonConfig.defaults();
      config = d.withHeads(headConfigs).withSeeds(seeds, firstSeed)
          .withTraining(new RankTrainConfig(epochs, batch, learningRate, 0, patience, firstSeed))
          .withFusion(d.fusion(), tradeOffHead, d.tradeOffCredits())
          .withCredits(credits(d.credits(), credits));
      if (syntheticUsers <= 0) {
        throw new IllegalArgumentException("--synthetic-users must be > 0 (got " + syntheticUsers + ")");
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Path lastfmFolder = dataset.equals("synthetic") ? null : BundledData.lastfm(lastfm, "--lastfm");
    RankingComparison comparison = new RankingComparison(config);
    List<DatasetComparison> results = new ArrayList<>();
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      if (!dataset.equals("lastfm")) {
        ComparisonDatasets.Prepared p = ComparisonDatasets.synthetic(
            SyntheticImpressionsConfig.defaults().withUsers(syntheticUsers), splitSeed, progress);
        results.add(comparison.run(p.name(), p.description(), p.split(), progress));
      }
      if (lastfmFolder != null) {
        ComparisonDatasets.Prepared p = ComparisonDatasets.lastfm(lastfmFolder, LastfmImpressionsConfig.defaults(),
            splitSeed, progress);
        results.add(comparison.run(p.name(), p.description(), p.split(), progress));
      }
    }
    String command = reproduction(spec.commandLine().getParseResult().originalArgs());
    String markdown = ComparisonMarkdown.format(results, command, seeds, firstSeed);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("command", command);
    report.put("seeds", seeds);
    report.put("firstSeed", firstSeed);
    report.put("training", config.training());
    report.put("datasets", results);
    String jsonText = ComparisonFiles.write(out, MARKDOWN, markdown, JSON, report);
    PrintWriter text = spec.commandLine().getOut();
    text.println(json ? jsonText : markdown);
    if (!json) {
      text.println("Tables written to " + out.resolve(MARKDOWN) + " and " + out.resolve(JSON));
    }
    text.flush();
    return 0;
  }

  /** {@code defaults} with the credits of the {@code --credit TRAIT=X} values {@code overrides} replaced. */
  static Map<ExposureTrait, Double> credits(Map<ExposureTrait, Double> defaults, List<String> overrides) {
    Map<ExposureTrait, Double> out = new EnumMap<>(ExposureTrait.class);
    out.putAll(defaults);
    for (String c : overrides) {
      String[] parts = c.trim().split("=", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException("--credit takes TRAIT=X (got '" + c + "')");
      }
      try {
        out.put(ExposureTrait.parse(parts[0]), Double.parseDouble(parts[1]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--credit " + parts[0] + " needs a number (got '" + parts[1] + "')");
      }
    }
    return out;
  }

  /** {@code ./polyphony rank-eval} and the arguments after the subcommand's name. */
  static String reproduction(List<String> args) {
    int start = 0;
    while (start < args.size() && !args.get(start).equals("rank") && !args.get(start).equals("rank-eval")) {
      start++;
    }
    List<String> own = start < args.size() ? args.subList(start + 1, args.size()) : args;
    return ("./polyphony rank-eval " + String.join(" ", own)).strip();
  }
}
