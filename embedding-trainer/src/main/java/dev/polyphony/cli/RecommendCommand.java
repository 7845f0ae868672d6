package dev.polyphony.cli;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.LastfmHetrecReader;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.RankTrainConfig;
import dev.polyphony.rank.compare.ComparisonDatasets;
import dev.polyphony.rank.fusion.ScoreFusion;
import dev.polyphony.rank.recommend.LastfmCatalog;
import dev.polyphony.rank.recommend.LastfmRecommender;
import dev.polyphony.rank.recommend.LastfmRecommenderConfig;
import dev.polyphony.rank.recommend.RankedCandidate;
import dev.polyphony.rank.recommend.Recommendation;
import dev.polyphony.retrieval.candidates.CandidateBlender.GeneratorShare;
import dev.polyphony.retrieval.candidates.Reason;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony recommend}: artists for a Last.fm user, retrieved by several generators, ranked by a
 * multi-task head and ordered by the fused score, each with its task scores and the reasons it was retrieved.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = {"Recommends artists to a Last.fm HetRec user end to end: candidate generators (taste: the "
        + "user's embedding; friends: what the user's friends listen to; popular) blended 60/20/20, a ranking head "
        + "scoring every candidate for listened, heavy and tagged, and the fused score ordering the final list.",
        "The head is trained at start with a fixed seed on the Last.fm ranking impressions (the stand-in "
            + "embeddings are the rank-32 SVD of 80% of every user's listens), and the fusion weights are searched on "
            + "the validation users; the same seeds give the same list."})
final class RecommendCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--user", required = true, paramLabel = "ID", description = "Last.fm user id (userID of user_artists.dat).")
  String user;

  @Option(names = "--data", paramLabel = "DIR", description = "HetRec Last.fm 2K folder (default: "
      + "$POLYPHONY_DATASETS/" + BundledData.LASTFM + ", else ../shared/datasets/" + BundledData.LASTFM
      + " beside the project).")
  Path data;

  @Option(names = "--head", paramLabel = "HEAD", defaultValue = "esmm",
      description = "Ranking head: shared-bottom, mmoe, ple, esmm, aitm or clicked-only, +kd for distillation "
          + "(default: ${DEFAULT-VALUE}).")
  String head;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Maximum training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the head's training and the fusion search (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--candidates", paramLabel = "N", defaultValue = "100",
      description = "Candidates retrieved and ranked (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(names = "--tail-credit", paramLabel = "X", defaultValue = "0.1",
      description = "Credit of the fusion objective for tail-artist exposure (default: ${DEFAULT-VALUE}).")
  double tailCredit;

  @Option(names = "-k", paramLabel = "N", defaultValue = "10", description = "Length of the list (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    LastfmRecommenderConfig config;
    try {
      if (k <= 0) {
        throw new IllegalArgumentException("-k must be > 0 (got " + k + ")");
      }
      LastfmRecommenderConfig d = LastfmRecommenderConfig.defaults();
      config = new LastfmRecommenderConfig(d.impressions(), d.splitSeed(), HeadConfig.parse(head.trim()),
          new RankTrainConfig(epochs, d.training().batchSize(), d.training().learningRate(), d.training().l2(),
              d.training().patience(), seed), Map.of(ExposureTrait.TAIL_CREATOR, tailCredit), d.ndcgK(), candidates);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Path folder = BundledData.lastfm(data, "--data");
    long started = System.nanoTime();
    LastfmRecommender recommender;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      HeteroGraph graph = new LastfmHetrecReader().read(folder, new RejectReport(ComparisonDatasets.LASTFM_MAX_REJECTS),
          progress).graph();
      LastfmCatalog.requireUser(graph, user);  // before training, so a bad id fails at once
      recommender = LastfmRecommender.train(graph, config, progress);
    }
    double prepareSeconds = (System.nanoTime() - started) / 1e9;
    long ranked = System.nanoTime();
    Recommendation result = recommender.recommend(user, k);
    double recommendSeconds = (System.nanoTime() - ranked) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    ScoreFusion fusion = recommender.ranked().fusion();
    if (json) {
      out.println(Json.write(asJson(result, recommender, fusion, prepareSeconds, recommendSeconds)));
    } else {
      print(result, recommender, fusion, prepareSeconds, recommendSeconds, out);
    }
    out.flush();
    return 0;
  }

  private static void print(Recommendation result, LastfmRecommender recommender, ScoreFusion fusion,
      double prepareSeconds, double recommendSeconds, PrintWriter out) {
    out.printf(Locale.ROOT, "%d artists for %s: %d candidates ranked by %s (best epoch %d of %d, validation mean AUC "
            + "%.4f), ordered by the fused score%n", result.items().size(), result.target(), result.candidatesScored(),
        result.head(), recommender.training().bestEpoch(), recommender.training().history().size(),
        recommender.training().bestValidation());
    out.println("fused score = " + formula(result.tasks(), fusion));
    List<String> header = new ArrayList<>(List.of("#", "artist", "name", "fused"));
    header.addAll(result.tasks());
    header.add("reasons");
    TextTable table = new TextTable(header.toArray(new String[0]));
    for (RankedCandidate c : result.items()) {
      List<Object> row = new ArrayList<>(List.of(c.rank(), c.id(),
          recommender.catalog().artistName(c.candidate().row()), String.format(Locale.ROOT, "%.4f", c.fusedScore())));
      c.taskScores().values().forEach(p -> row.add(String.format(Locale.ROOT, "%.4f", p)));
      row.add(String.join(" | ", c.candidate().reasons().stream().map(Reason::toString).toList()));
      table.row(row.toArray());
    }
    table.print(out, "");
    out.println();
    TextTable shares = new TextTable("generator", "places", "proposed", "placed");
    for (GeneratorShare s : result.shares()) {
      shares.row(s.generator(), s.places(), s.proposed(), s.placed());
    }
    shares.print(out, "");
    out.printf(Locale.ROOT, "%nprepared in %.1f s (read, impressions, training, fusion search); ranked in %.0f ms%n",
        prepareSeconds, recommendSeconds * 1000);
  }

  /** {@code 2.10 ln p(listened) + 0.85 ln p(heavy) + ... + 0.37 tail}. */
  static String formula(List<String> tasks, ScoreFusion fusion) {
    double[] w = fusion.taskWeights();
    List<String> terms = new ArrayList<>();
    for (int t = 0; t < w.length; t++) {
      terms.add(String.format(Locale.ROOT, "%.3f ln p(%s)", w[t], tasks.get(t)));
    }
    fusion.traitWeights().forEach((trait, v) -> terms.add(String.format(Locale.ROOT, "%.3f %s", v, trait.label())));
    return String.join(" + ", terms).replace("+ -", "- ");
  }

  private static Map<String, Object> asJson(Recommendation result, LastfmRecommender recommender, ScoreFusion fusion,
      double prepareSeconds, double recommendSeconds) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("target", result.target());
    root.put("head", result.head());
    root.put("tasks", result.tasks());
    Map<String, Object> weights = new LinkedHashMap<>();
    double[] w = fusion.taskWeights();
    for (int t = 0; t < w.length; t++) {
      weights.put(result.tasks().get(t), w[t]);
    }
    fusion.traitWeights().forEach((trait, v) -> weights.put(trait.label(), v));
    root.put("fusionWeights", weights);
    root.put("training", Map.of("bestEpoch", recommender.training().bestEpoch(), "epochs",
        recommender.training().history().size(), "validationMeanAuc", recommender.training().bestValidation()));
    root.put("candidatesScored", result.candidatesScored());
    List<Map<String, Object>> items = new ArrayList<>();
    for (RankedCandidate c : result.items()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", c.rank());
      m.put("id", c.id());
      m.put("name", recommender.catalog().artistName(c.candidate().row()));
      m.put("fusedScore", c.fusedScore());
      m.put("taskScores", c.taskScores());
      m.put("retrievalScore", c.candidate().score());
      m.put("generator", c.candidate().generator());
      m.put("reasons", c.candidate().reasons());
      items.add(m);
    }
    root.put("items", items);
    root.put("shares", result.shares());
    root.put("prepareSeconds", prepareSeconds);
    root.put("recommendSeconds", recommendSeconds);
    return root;
  }
}
