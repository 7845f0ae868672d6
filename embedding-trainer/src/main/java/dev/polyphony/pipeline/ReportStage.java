package dev.polyphony.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.eval.EvaluationJson;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.split.PlaylistDerivedLabels;
import dev.polyphony.graph.split.PlaylistDerivedLabelsConfig;
import dev.polyphony.graph.split.PlaylistDerivedLabelsResult;
import dev.polyphony.job.PipelineJobConfig;
import dev.polyphony.job.PipelineJobConfigReader;
import dev.polyphony.report.AnnSweep;
import dev.polyphony.report.CandidateShares;
import dev.polyphony.report.DegreeHistogram;
import dev.polyphony.report.EmbeddingMap;
import dev.polyphony.report.RecommenderComparison;
import dev.polyphony.report.ReportContent;
import dev.polyphony.report.ReportTable;
import dev.polyphony.report.ReportWriter;
import dev.polyphony.report.RowSample;
import dev.polyphony.report.TrainingLog;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.ExactIndex;
import dev.polyphony.retrieval.RetrievalExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's report ({@link ReportWriter}) in {@code report/}: training curves, the recommenders compared (warm and
 * cold), the embedding map of the tracks coloured by their playlists' majority genre, degree distributions, the
 * ANN index's recall against speed, the generators' shares of the blended candidate lists, and as tables the
 * ingest, sample candidate lists and the Neo4j questions with their answers. Sections whose stage was skipped are
 * left out.
 */
final class ReportStage implements Stage {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Stream of the job seed that samples the map's points and the sweep's queries. */
  static final long REPORT_STREAM = 13;

  @Override
  public String name() {
    return "report";
  }

  @Override
  public List<String> needs() {
    return List.of("ingest");
  }

  @Override
  public List<Path> inputs(StageContext c) {
    PipelineLayout l = c.layout();
    return List.of(l.graph(), l.ingestSummary(), l.statsJson(), l.metrics(), l.newTracks(), l.embeddings(),
        l.evaluationJson(), l.candidateLists(), l.neo4j());
  }

  @Override
  public String settings(StageContext c) {
    return PipelineJobConfigReader.sectionJson(c.config().pipeline().report()) + "\n"
        + PipelineJobConfigReader.sectionJson(c.config().input()) + "\nseed=" + c.config().training().seed()
        + "\ncatalog=" + PipelineJobConfigReader.sectionJson(c.config().training().catalog());
  }

  @Override
  public List<Path> outputs(StageContext c) {
    return List.of(c.layout().report());
  }

  @Override
  public void run(StageContext c) throws Exception {
    PipelineLayout l = c.layout();
    PipelineJobConfig config = c.config();
    HeteroGraph graph = c.graph();
    ReportContent.Builder report = ReportContent.builder("Polyphony run report");
    facts(c, report);
    if (Files.isRegularFile(l.metrics())) {
      report.training(TrainingLog.read(l.metrics()));
    }
    if (Files.isRegularFile(l.evaluationJson())) {
      report.comparison(RecommenderComparison.from(EvaluationJson.read(l.evaluationJson())));
    }
    report.degrees(DegreeHistogram.of(graph));
    long seed = dev.polyphony.graph.sample.SeedDerivation.derive(config.training().seed(), REPORT_STREAM);
    if (Files.isRegularFile(l.embeddings().resolve("manifest.json"))) {
      c.progress().begin("embedding map and ANN sweep", -1);
      EmbeddingTable table = EmbeddingExport.read(l.embeddings());
      report.embeddingMap(EmbeddingMap.of(table, labels(graph, table, config), config.pipeline().report().mapPoints(),
          seed));
      int[] rows = RowSample.choose(table.size(), config.pipeline().report().annQueries(), seed + 1);
      float[][] queries = new float[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        queries[i] = table.vector(rows[i]);
      }
      try (AnnIndex index = RetrievalExport.loadIndex(l.embeddings());
          ExactIndex exact = ExactIndex.build(table)) {
        report.ann(AnnSweep.measure(index, exact, queries, config.pipeline().report().annEfs()));
      }
      c.progress().end();
    }
    if (Files.isRegularFile(l.candidateLists())) {
      candidates(JSON.readTree(l.candidateLists().toFile()), report);
    }
    if (Files.isRegularFile(l.neo4j().resolve(Neo4jStage.QUERIES))) {
      neo4j(l.neo4j(), report);
    }
    Path index = ReportWriter.write(report.build(), l.report());
    c.text().println("   report:  " + index + " (open it in a browser), " + l.report().resolve(ReportWriter.METRICS));
  }

  private static void facts(StageContext c, ReportContent.Builder report) throws IOException {
    PipelineLayout l = c.layout();
    PipelineJobConfig config = c.config();
    report.runFact("input", config.input().format() + (config.input().path() == null ? ""
        : " " + config.resolve(config.input().path())));
    if (Files.isRegularFile(l.ingestSummary())) {
      JsonNode ingest = JSON.readTree(l.ingestSummary().toFile());
      if (ingest.has("rowsRead")) {
        report.runFact("rows read", ingest.get("rowsRead").asLong());
        report.runFact("rows rejected", ingest.get("rejected").asLong() + " (" + l.rejects() + ")");
      }
      report.runFact("nodes", counts(ingest.get("nodes")));
      report.runFact("edges", counts(ingest.get("edges")));
    }
    report.runFact("job seed", config.training().seed());
    report.runFact("tasks", String.join(", ", config.training().tasks().tasks()) + " (weighting "
        + config.training().tasks().weighting() + ")");
    report.runFact("epochs", config.training().training().epochs());
    if (Files.isRegularFile(l.newTracks())) {
      long n = Files.readAllLines(l.newTracks(), StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).count();
      report.runFact("new tracks (held out of training, embedded inductively)", n + " (" + l.newTracks() + ")");
    }
    if (Files.isRegularFile(l.embeddings().resolve("manifest.json"))) {
      ExportManifest manifest = ExportManifest.read(l.embeddings().resolve(ExportManifest.FILE_NAME));
      report.runFact("embeddings", manifest.count() + " x " + manifest.dimension() + " (" + l.embeddings() + ")");
      report.runFact("model hash", manifest.metadata().modelHash());
    }
    report.runFact("output folder", l.out().toAbsolutePath().normalize());
  }

  private static String counts(JsonNode byName) {
    List<String> parts = new ArrayList<>();
    byName.fields().forEachRemaining(e -> parts.add(String.format(java.util.Locale.ROOT, "%,d %s",
        e.getValue().asLong(), e.getKey())));
    return String.join(", ", parts);
  }

  /** Each table row's track labelled by the majority genre of its playlists (the first label attribute). */
  private static List<String> labels(HeteroGraph graph, EmbeddingTable table, PipelineJobConfig config) {
    List<String> labels = new ArrayList<>(table.size());
    List<String> attributes = config.training().catalog().labelAttributes();
    String relation = config.training().catalog().playlistRelation();
    PlaylistDerivedLabelsResult derived = null;
    if (!attributes.isEmpty() && graph.schema().hasRelation(relation)) {
      EdgeType playlists = graph.schema().edgeType(relation);
      if (graph.attributes(playlists.src()).has(attributes.get(0))) {
        derived = new PlaylistDerivedLabels(graph, new PlaylistDerivedLabelsConfig(relation, attributes.get(0)))
            .compute();
      }
    }
    var ids = graph.ids(graph.schema().nodeType(table.nodeType()));
    for (int row = 0; row < table.size(); row++) {
      int node = ids.indexOf(table.id(row));
      labels.add(derived != null && node >= 0 && derived.isLabelled(node) ? derived.label(node) : null);
    }
    return labels;
  }

  private static void candidates(JsonNode lists, ReportContent.Builder report) {
    Map<String, Integer> placed = new LinkedHashMap<>();
    Map<String, Integer> supported = new LinkedHashMap<>();
    lists.path("shares").path("placed").fields().forEachRemaining(e -> placed.put(e.getKey(), e.getValue().asInt()));
    lists.path("shares").path("supported").fields()
        .forEachRemaining(e -> supported.put(e.getKey(), e.getValue().asInt()));
    if (!placed.isEmpty()) {
      report.candidateShares(new CandidateShares(placed, supported));
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode request : lists.path("requests")) {
      JsonNode blend = request.path("lists").path(CandidatesStage.BLEND).path("candidates");
      int shown = 0;
      for (Iterator<JsonNode> it = blend.elements(); it.hasNext() && shown < 5; shown++) {
        JsonNode cand = it.next();
        List<String> reasons = new ArrayList<>();
        cand.path("reasons").forEach(r -> reasons.add(r.asText()));
        rows.add(List.of(request.path("request").asText(), cand.path("rank").asText(), cand.path("id").asText(),
            cand.path("generator").asText(), String.join(" | ", reasons)));
      }
    }
    if (!rows.isEmpty()) {
      report.table(ReportTable.of("candidate-lists", "Sample candidate lists",
          "The first five candidates of the blended list for each sample playlist and seed track, with the "
              + "generator that placed each and every reason for it (all lists: candidates/lists.json).",
          List.of("request", "rank", "track", "generator", "reasons"), rows));
    }
  }

  private static void neo4j(Path dir, ReportContent.Builder report) throws IOException {
    JsonNode root = JSON.readTree(dir.resolve(Neo4jStage.QUERIES).toFile());
    int i = 0;
    for (JsonNode q : root.path("queries")) {
      i++;
      Path file = dir.resolve(q.path("file").asText());
      String answer = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
      report.table(ReportTable.preformatted("neo4j-query-" + i, "Neo4j: " + q.path("title").asText(),
          "$ " + q.path("command").asText(), answer));
    }
  }
}
