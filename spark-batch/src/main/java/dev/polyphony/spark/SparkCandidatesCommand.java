package dev.polyphony.spark;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.retrieval.candidates.BlendPlan;
import dev.polyphony.retrieval.candidates.CatalogNames;
import dev.polyphony.retrieval.candidates.SimilarTracks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony spark-candidates}: blended candidate lists for every playlist and user as a Spark job
 * ({@link SparkCandidateJob}), for {@code spark-submit} and for Spark's local mode.
 */
@Command(name = "spark-candidates", mixinStandardHelpOptions = true,
    description = {"Computes the blended candidate list `polyphony retrieve --playlist ID` gives, for every playlist "
        + "(and every user, when the graph has a user-to-track relation), as a Spark job with exact search.",
        "Input: an embedding export (npy/fvecs/jsonl, or spark-embed's Parquet table) and the graph snapshot. "
            + "Output: DIR/candidates.parquet (query_type, query, rank, track, score, generator, reasons), "
            + "DIR/skipped.parquet (query_type, query, error) and DIR/manifest.json."})
public final class SparkCandidatesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--embeddings", required = true, paramLabel = "DIR", description = "Track embedding export.")
  Path embeddings;

  @Option(names = "--graph", required = true, paramLabel = "FILE.snap",
      description = "Catalog graph snapshot (read on the driver, broadcast to the executors).")
  Path graph;

  @Option(names = "--generator", required = true, split = ",", paramLabel = "NAME[:SHARE]",
      description = "Generator (playlist, fresh, trending, tail-creator, revenue-margin); repeat or separate with "
          + "commas to blend several; NAME:SHARE sets a share, the others split the rest equally.")
  List<String> generators;

  @Option(names = "-k", paramLabel = "N", defaultValue = "10", description = "Candidates per list (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--queries", split = ",", paramLabel = "TYPE",
      description = "playlist, user or both (default: every type the graph has).")
  List<String> queries = new ArrayList<>();

  @Option(names = "--user-relation", paramLabel = "RELATION", defaultValue = "listened",
      description = "User-to-track relation whose tracks stand for a user (default: ${DEFAULT-VALUE}).")
  String userRelation;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin
  SparkSessionOptions session;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "8",
      description = "Query partitions, one Spark task each (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Override
  public Integer call() throws Exception {
    BlendPlan plan;
    try {
      plan = BlendPlan.parse(generators);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (plan.choices().stream().anyMatch(c -> c.name().equals(SimilarTracks.NAME))) {
      throw new ParameterException(spec.commandLine(), "generator '" + SimilarTracks.NAME + "' needs a seed track;"
          + " playlist and user lists have none");
    }
    if (k <= 0 || partitions <= 0) {
      throw new ParameterException(spec.commandLine(), "-k and --partitions must be > 0 (got " + k + ", "
          + partitions + ")");
    }
    for (String q : queries) {
      if (!q.equals("playlist") && !q.equals("user")) {
        throw new ParameterException(spec.commandLine(), "unknown query type '" + q + "' (expected playlist or user)");
      }
    }
    long start = System.nanoTime();
    try (SparkSessionOptions.Session opened = session.open(partitions)) {
      SparkSession spark = opened.spark();
      EmbeddingTable tracks = SparkEmbeddingInput.read(spark, embeddings);
      HeteroGraph catalog = GraphSnapshot.read(graph);
      Map<String, CatalogNames> types;
      try {
        types = new LinkedHashMap<>(SparkCandidateJob.queryTypes(catalog, CatalogNames.defaults(), userRelation));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      if (!queries.isEmpty()) {
        for (String q : queries) {
          if (!types.containsKey(q)) {
            throw new ParameterException(spec.commandLine(), "the graph has no " + q + " queries (types it has: "
                + types.keySet() + ")");
          }
        }
        types.keySet().retainAll(queries);
      }
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("generators", plan.toString());
      settings.put("k", k);
      settings.put("query_types", List.copyOf(types.keySet()));
      settings.put("embeddings", embeddings.toAbsolutePath().toString());
      settings.put("model_hash", tracks.metadata().modelHash());
      settings.put("tracks", tracks.size());
      settings.put("dimension", tracks.dimension());
      settings.put("metric", tracks.metadata().metric().label());
      settings.put("graph", graph.toAbsolutePath().toString());
      settings.put("search", "exact");
      CandidateListsExport.Summary summary = CandidateListsExport.write(
          new SparkCandidateJob(spark, plan, k, partitions).run(tracks, catalog, types), out, settings);
      PrintWriter text = spec.commandLine().getOut();
      text.println(String.format(Locale.ROOT, "%d lists (%d candidates) for %s, %d queries skipped, to %s in %.1f s"
          + " (master %s)", summary.lists(), summary.candidates(), summary.queriesByType(), summary.skipped(),
          out.resolve(CandidateListsExport.LISTS), (System.nanoTime() - start) / 1e9, spark.sparkContext().master()));
      text.flush();
    }
    return 0;
  }

  /** The command line: an error prints one line naming the problem (and the stack trace with POLYPHONY_DEBUG). */
  public static CommandLine commandLine() {
    return SparkCommandLines.of("spark-candidates", new SparkCandidatesCommand());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
