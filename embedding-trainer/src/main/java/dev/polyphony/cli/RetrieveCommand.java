package dev.polyphony.cli;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.export.EmbeddingExports;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.RetrievalExport;
import dev.polyphony.retrieval.candidates.BlendPlan;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateBlender.BlendResult;
import dev.polyphony.retrieval.candidates.CandidateBlender.GeneratorShare;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import dev.polyphony.retrieval.candidates.Reason;
import dev.polyphony.retrieval.candidates.RetrievalCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony retrieve}: candidates for a seed track or a playlist from one generator, or from
 * several blended by share, printed with their reasons.
 */
@Command(name = "retrieve", mixinStandardHelpOptions = true,
    description = {"Proposes tracks for a seed track and/or a playlist from exported track embeddings and "
        + "the catalog graph, and says why each is there.",
        "Generators: similar (seed track neighbours), playlist (continuation of the playlist), fresh (released "
            + "in the last 30 days of the catalog), trending (fastest engagement growth, or popularity for "
            + "age), tail-creator (creators below popularity percentile 20, at most 2 tracks each), "
            + "revenue-margin (0.7 relevance + 0.3 margin).",
        "Several --generator options are blended: NAME:SHARE sets a generator's share of the list; generators "
            + "without one split the rest equally; earlier generators have priority."})
final class RetrieveCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--embeddings", required = true, paramLabel = "DIR",
      description = "Track embedding export (a folder with manifest.json; spark-embed's Parquet table too); its Voyager index is used when it has "
          + "one, otherwise one is built.")
  Path embeddings;

  @Option(names = "--graph", required = true, paramLabel = "FILE.snap", description = "Catalog graph snapshot.")
  Path graph;

  @Option(names = "--generator", required = true, split = ",", paramLabel = "NAME[:SHARE]",
      description = "Generator; repeat or separate with commas to blend several.")
  List<String> generators;

  @Option(names = "--seed-track", paramLabel = "ID", description = "External id of the seed track.")
  String seedTrack;

  @Option(names = "--playlist", paramLabel = "ID", description = "External id of the playlist.")
  String playlist;

  @Option(names = "--exclude", split = ",", paramLabel = "ID", description = "Track ids never to return.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "-k", paramLabel = "N", defaultValue = "10", description = "Candidates (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    BlendPlan plan;
    try {
      plan = BlendPlan.parse(generators);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    CandidateRequest request;
    try {
      request = new CandidateRequest(seedTrack, playlist, Set.copyOf(exclude));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "give --seed-track ID, --playlist ID or both");
    }
    if (k <= 0) {
      throw new ParameterException(spec.commandLine(), "-k must be > 0 (got " + k + ")");
    }
    BlendResult result;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      progress.begin("read embeddings", -1);
      EmbeddingTable table = EmbeddingExports.read(embeddings);
      ExportManifest manifest = ExportManifest.read(embeddings.resolve(ExportManifest.FILE_NAME));
      progress.end();
      progress.begin(RetrievalExport.hasIndex(manifest) ? "load the Voyager index" : "build a Voyager index", -1);
      try (AnnIndex index = RetrievalExport.hasIndex(manifest) ? RetrievalExport.loadIndex(embeddings)
          : AnnIndex.build(table, AnnIndexConfig.defaults(table.metadata().metric()))) {
        progress.end();
        progress.begin("read graph", -1);
        HeteroGraph catalogGraph = GraphSnapshot.read(graph);
        progress.end();
        RetrievalCatalog catalog = new RetrievalCatalog(table, index, catalogGraph);
        progress.begin("generate candidates", -1);
        result = plan.blender(catalog).blend(request, k);
        progress.end();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(asJson(request, result)));
    } else {
      print(request, result, out);
    }
    out.flush();
    return 0;
  }

  private static void print(CandidateRequest request, BlendResult result, PrintWriter out) {
    out.println(result.candidates().size() + " candidates for " + describe(request));
    TextTable table = new TextTable("#", "track", "score", "generator", "reasons");
    int rank = 1;
    for (Candidate c : result.candidates()) {
      List<String> reasons = c.reasons().stream().map(Reason::toString).toList();
      table.row(rank++, c.id(), String.format(Locale.ROOT, "%.4f", c.score()), c.generator(),
          String.join(" | ", reasons));
    }
    table.print(out, "");
    if (result.shares().size() > 1) {
      out.println();
      TextTable shares = new TextTable("generator", "places", "proposed", "placed", "share", "with reason");
      for (GeneratorShare s : result.shares()) {
        shares.row(s.generator(), s.places(), s.proposed(), s.placed(),
            String.format(Locale.ROOT, "%.2f", s.share()), s.supported());
      }
      shares.print(out, "");
    }
  }

  private static String describe(CandidateRequest request) {
    String target = request.hasSeedTrack() && request.hasPlaylist()
        ? "seed track " + request.seedTrack() + " and playlist " + request.playlist()
        : request.hasSeedTrack() ? "seed track " + request.seedTrack() : "playlist " + request.playlist();
    return request.exclusions().isEmpty() ? target : target + " (excluding " + request.exclusions().size() + ")";
  }

  private static Map<String, Object> asJson(CandidateRequest request, BlendResult result) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("seedTrack", request.seedTrack());
    req.put("playlist", request.playlist());
    req.put("exclusions", request.exclusions().stream().sorted().toList());
    root.put("request", req);
    List<Map<String, Object>> candidates = new ArrayList<>();
    int rank = 1;
    for (Candidate c : result.candidates()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", rank++);
      m.put("id", c.id());
      m.put("row", c.row());
      m.put("score", c.score());
      m.put("generator", c.generator());
      m.put("reasons", c.reasons());
      candidates.add(m);
    }
    root.put("candidates", candidates);
    root.put("shares", result.shares());
    return root;
  }
}
