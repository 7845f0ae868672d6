package dev.polyphony.cli;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.LastfmHetrecReader;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.graph.io.SpotifySongsSchema;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.RankTrainConfig;
import dev.polyphony.rank.compare.ComparisonDatasets;
import dev.polyphony.rank.data.LastfmImpressionsConfig;
import dev.polyphony.rank.data.PlaylistImpressionsConfig;
import dev.polyphony.rank.fusion.ScoreFusion;
import dev.polyphony.rank.fusion.rl.LearnedFusionPolicy;
import dev.polyphony.rank.recommend.LastfmCatalog;
import dev.polyphony.rank.recommend.LastfmRecommender;
import dev.polyphony.rank.recommend.PlaylistRecommender;
import dev.polyphony.rank.recommend.RankedCandidate;
import dev.polyphony.rank.recommend.Recommendation;
import dev.polyphony.rank.recommend.RecommenderConfig;
import dev.polyphony.rank.recommend.TrainedHead;
import dev.polyphony.retrieval.candidates.CandidateBlender.GeneratorShare;
import dev.polyphony.retrieval.candidates.Reason;
import dev.polyphony.retrieval.quality.StandInTrackEmbedding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony recommend}: artists for a Last.fm user or tracks to continue a Spotify songs playlist,
 * retrieved by several generators, ranked by a multi-task head and ordered by the fused score, each with its
 * task scores and the reasons it was retrieved.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = {"Recommends end to end: candidate generators blended 60/20/20, a ranking head scoring every "
        + "candidate for every task, and the fused score ordering the final list.",
        "--user ID: artists for a Last.fm HetRec user; generators taste (the user's embedding), friends (what the "
            + "user's friends listen to), popular; tasks listened -> heavy, tagged; embeddings: the rank-32 SVD of 80% "
            + "of every user's listens.",
        "--playlist ID: tracks to continue a playlist of the Spotify songs data (bundled); generators playlist, "
            + "tail-creator, fresh; tasks added -> hit; embeddings: the stand-in from audio features and artists.",
        "The head is trained at start with a fixed seed on ranking impressions of the same data (held-out items as "
            + "positives) and the fusion weights are searched on its validation queries: the same options give the "
            + "same list."})
final class RecommendCommand implements Callable<Integer> {
  /** Dimension of the stand-in track embedding of the Spotify songs catalog. */
  static final int TRACK_DIMENSION = 32;

  @Spec
  CommandSpec spec;

  /** Whom to recommend to: exactly one of the two. */
  static final class Target {
    @Option(names = "--user", required = true, paramLabel = "ID",
        description = "Last.fm user id (userID of user_artists.dat).")
    String user;

    @Option(names = "--playlist", required = true, paramLabel = "ID",
        description = "Spotify songs playlist id (playlist_id).")
    String playlist;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--data", paramLabel = "PATH", description = "With --user the HetRec Last.fm 2K folder (default: "
      + "$POLYPHONY_DATASETS/" + BundledData.LASTFM + ", else ../shared/datasets/" + BundledData.LASTFM
      + " beside the project); with --playlist the Spotify songs ZIP (default: the bundled one).")
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

  @Option(names = "--credit", split = ",", paramLabel = "TRAIT=X",
      description = "Credit of the fusion objective for exposure of tail or fresh items (default: 0.1 each).")
  List<String> credits = new ArrayList<>();

  @Option(names = "-k", paramLabel = "N", defaultValue = "10", description = "Length of the list (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--fusion-policy", paramLabel = "FILE",
      description = "With --playlist: order the list by the fusion a policy written by fusion-train chooses for a "
          + "new session (its two task weights on added and hit), instead of the searched fusion.")
  Path fusionPolicy;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  /** A trained recommender's answer with what the report needs. */
  private record Answer(Recommendation result, TrainedHead head, String item, IntFunction<String> names,
      String fusionPolicy) {}

  @Override
  public Integer call() throws Exception {
    RecommenderConfig config;
    try {
      if (k <= 0) {
        throw new IllegalArgumentException("-k must be > 0 (got " + k + ")");
      }
      RecommenderConfig d = RecommenderConfig.defaults();
      config = new RecommenderConfig(d.splitSeed(), HeadConfig.parse(head.trim()),
          new RankTrainConfig(epochs, d.training().batchSize(), d.training().learningRate(), d.training().l2(),
              d.training().patience(), seed), RankCommand.credits(d.credits(), credits), d.ndcgK(), candidates);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (fusionPolicy != null && target.user != null) {
      throw new ParameterException(spec.commandLine(), "--fusion-policy orders --playlist lists (two tasks, added -> "
          + "hit, like the policy's click -> save); Last.fm lists have three tasks");
    }
    LearnedFusionPolicy policy = fusionPolicy == null ? null : LearnedFusionPolicy.read(fusionPolicy);
    long started = System.nanoTime();
    Answer answer;
    double[] rankSeconds = new double[1];
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      if (target.user != null) {
        Path folder = BundledData.lastfm(data, "--data");
        HeteroGraph graph = new LastfmHetrecReader().read(folder,
            new RejectReport(ComparisonDatasets.LASTFM_MAX_REJECTS), progress).graph();
        LastfmCatalog.requireUser(graph, target.user);  // before training, so a bad id fails at once
        LastfmRecommender recommender = LastfmRecommender.train(graph, LastfmImpressionsConfig.defaults(), config,
            progress);
        long ranked = System.nanoTime();
        Recommendation result = recommender.recommend(target.user, k);
        rankSeconds[0] = (System.nanoTime() - ranked) / 1e9;
        answer = new Answer(result, recommender.head(), "artist", row -> recommender.catalog().artistName(row), null);
      } else {
        Path songs = data != null ? data : BundledData.spotifySongs();
        HeteroGraph graph = new SpotifySongsReader().read(songs, new RejectReport(), progress).graph();
        PlaylistRecommender.requirePlaylist(graph, target.playlist);
        progress.begin("stand-in track embedding", -1);
        EmbeddingTable tracks = new StandInTrackEmbedding(TRACK_DIMENSION, StandInTrackEmbedding.DEFAULT_ARTIST_WEIGHT,
            seed).table(graph);
        progress.end();
        PlaylistRecommender trained = PlaylistRecommender.train(graph, tracks, PlaylistImpressionsConfig.defaults(),
            config, progress);
        PlaylistRecommender recommender = policy == null ? trained : trained.withFusionPolicy(policy);
        long ranked = System.nanoTime();
        Recommendation result = recommender.recommend(target.playlist, k);
        rankSeconds[0] = (System.nanoTime() - ranked) / 1e9;
        var names = graph.attributes(SpotifySongsSchema.TRACK).find(SpotifySongsSchema.NAME);
        answer = new Answer(result, recommender.head(), "track", row -> {
          int node = recommender.catalog().node(row);
          return names.filter(c -> node >= 0 && c.isPresent(node)).map(c -> c.getString(node))
              .orElse(recommender.catalog().tracks().id(row));
        }, fusionPolicy == null ? null : fusionPolicy.toString());
      }
    }
    double totalSeconds = (System.nanoTime() - started) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(asJson(answer, totalSeconds - rankSeconds[0], rankSeconds[0])));
    } else {
      print(answer, totalSeconds - rankSeconds[0], rankSeconds[0], out);
    }
    out.flush();
    return 0;
  }

  private static void print(Answer answer, double prepareSeconds, double rankSeconds, PrintWriter out) {
    Recommendation result = answer.result();
    TrainedHead head = answer.head();
    out.printf(Locale.ROOT, "%d %ss for %s: %d candidates ranked by %s (best epoch %d of %d, validation mean AUC "
            + "%.4f), ordered by the fused score%n", result.items().size(), answer.item(), result.target(),
        result.candidatesScored(), result.head(), head.training().bestEpoch(), head.training().history().size(),
        head.training().bestValidation());
    out.println("fused score = " + formula(result.tasks(), result.fusion())
        + (answer.fusionPolicy() == null ? "" : " (chosen by the fusion policy " + answer.fusionPolicy() + ")"));
    List<String> header = new ArrayList<>(List.of("#", answer.item(), "name", "fused"));
    header.addAll(result.tasks());
    header.add("reasons");
    TextTable table = new TextTable(header.toArray(new String[0]));
    for (RankedCandidate c : result.items()) {
      List<Object> row = new ArrayList<>(List.of(c.rank(), c.id(), answer.names().apply(c.candidate().row()),
          String.format(Locale.ROOT, "%.4f", c.fusedScore())));
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
        prepareSeconds, rankSeconds * 1000);
  }

  /** {@code 2.100 ln p(listened) + 0.850 ln p(heavy) - 0.040 ln p(tagged) + 0.370 tail}. */
  static String formula(List<String> tasks, ScoreFusion fusion) {
    double[] w = fusion.taskWeights();
    List<String> terms = new ArrayList<>();
    for (int t = 0; t < w.length; t++) {
      terms.add(String.format(Locale.ROOT, "%.3f ln p(%s)", w[t], tasks.get(t)));
    }
    fusion.traitWeights().forEach((trait, v) -> terms.add(String.format(Locale.ROOT, "%.3f %s", v, trait.label())));
    return String.join(" + ", terms).replace("+ -", "- ");
  }

  private static Map<String, Object> asJson(Answer answer, double prepareSeconds, double rankSeconds) {
    Recommendation result = answer.result();
    TrainedHead head = answer.head();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("target", result.target());
    root.put("head", result.head());
    root.put("tasks", result.tasks());
    Map<String, Object> weights = new LinkedHashMap<>();
    double[] w = result.fusion().taskWeights();
    for (int t = 0; t < w.length; t++) {
      weights.put(result.tasks().get(t), w[t]);
    }
    result.fusion().traitWeights().forEach((trait, v) -> weights.put(trait.label(), v));
    root.put("fusionWeights", weights);
    root.put("fusionPolicy", answer.fusionPolicy());
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("bestEpoch", head.training().bestEpoch());
    training.put("epochs", head.training().history().size());
    training.put("validationMeanAuc", head.training().bestValidation());
    training.put("validationObjective", head.validation().value());
    root.put("training", training);
    root.put("candidatesScored", result.candidatesScored());
    List<Map<String, Object>> items = new ArrayList<>();
    for (RankedCandidate c : result.items()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", c.rank());
      m.put("id", c.id());
      m.put("name", answer.names().apply(c.candidate().row()));
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
    root.put("rankSeconds", rankSeconds);
    return root;
  }
}
