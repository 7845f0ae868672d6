package dev.polyphony.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.job.PipelineJobConfig;
import dev.polyphony.job.PipelineJobConfigReader;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.RetrievalExport;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateBlender;
import dev.polyphony.retrieval.candidates.CandidateBlender.BlendResult;
import dev.polyphony.retrieval.candidates.CandidateGenerator;
import dev.polyphony.retrieval.candidates.CandidateGenerators;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import dev.polyphony.retrieval.candidates.Quota;
import dev.polyphony.retrieval.candidates.Reason;
import dev.polyphony.retrieval.candidates.RetrievalCatalog;
import dev.polyphony.report.CandidateShares;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Candidate lists from every generator ({@link CandidateGenerators#NAMES}) for the {@link Samples}: each generator
 * alone (a generator that cannot serve a request, such as similar tracks for a playlist, is recorded with its
 * reason) and the blend of those that can, with equal shares ({@link CandidateBlender}). Writes
 * {@code candidates/lists.json} (requests, lists with reasons, per-blend and total generator shares) and
 * {@code candidates/lists.tsv} (one row per candidate).
 */
final class CandidatesStage implements Stage {
  static final String BLEND = "blend";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "candidates";
  }

  @Override
  public List<String> needs() {
    return List.of("ingest", "train", "embed");
  }

  @Override
  public List<Path> inputs(StageContext c) {
    return List.of(c.layout().graph(), c.layout().embeddings(), c.layout().newTracks());
  }

  @Override
  public String settings(StageContext c) {
    return PipelineJobConfigReader.sectionJson(c.config().pipeline().candidates()) + "\nseed="
        + c.config().training().seed() + "\nplaylistRelation=" + c.config().training().catalog().playlistRelation();
  }

  @Override
  public List<Path> outputs(StageContext c) {
    return List.of(c.layout().candidates());
  }

  @Override
  public void run(StageContext c) throws Exception {
    PipelineJobConfig.Candidates settings = c.config().pipeline().candidates();
    String relation = c.config().training().catalog().playlistRelation();
    HeteroGraph graph = c.graph();
    c.progress().begin("read embeddings and the Voyager index", -1);
    EmbeddingTable table = EmbeddingExport.read(c.layout().embeddings());
    List<Map<String, Object>> requests = new ArrayList<>();
    List<BlendResult> blends = new ArrayList<>();
    StringBuilder tsv = new StringBuilder("request\tlist\trank\ttrack\tscore\tgenerator\treasons\n");
    try (AnnIndex index = RetrievalExport.loadIndex(c.layout().embeddings())) {
      c.progress().end();
      RetrievalCatalog catalog = new RetrievalCatalog(table, index, graph);
      Map<String, CandidateGenerator> generators = new LinkedHashMap<>();
      Map<String, String> unavailable = new LinkedHashMap<>();
      for (String n : CandidateGenerators.NAMES) {
        try {
          generators.put(n, CandidateGenerators.create(n, catalog));
        } catch (IllegalArgumentException e) {
          unavailable.put(n, String.valueOf(e.getMessage()));
        }
      }
      unavailable.forEach((n, why) -> c.text().println("   generator " + n + " does not apply to this catalog: "
          + why));
      List<CandidateRequest> wanted = new ArrayList<>();
      Samples.playlists(graph, relation, settings.playlists())
          .forEach(p -> wanted.add(CandidateRequest.forPlaylist(p)));
      Samples.tracks(graph, relation, c.layout().newTracks(), settings.tracks(), c.config().training().seed())
          .forEach(t -> wanted.add(CandidateRequest.forSeedTrack(t)));
      c.progress().begin("candidate lists", wanted.size());
      for (CandidateRequest request : wanted) {
        String name = request.hasPlaylist() ? "playlist " + request.playlist() : "track " + request.seedTrack();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("request", name);
        Map<String, Object> lists = new LinkedHashMap<>();
        List<CandidateGenerator> serving = new ArrayList<>();
        unavailable.forEach((n, why) -> lists.put(n, Map.of("notApplicable", why)));
        for (CandidateGenerator g : generators.values()) {
          try {
            List<Candidate> list = g.generate(request, settings.k());
            lists.put(g.name(), rows(list));
            appendTsv(tsv, name, g.name(), list);
            serving.add(g);
          } catch (IllegalArgumentException e) {
            lists.put(g.name(), Map.of("notApplicable", String.valueOf(e.getMessage())));
          }
        }
        if (!serving.isEmpty()) {
          List<CandidateBlender.Entry> equal = serving.stream()
              .map(g -> new CandidateBlender.Entry(g, Quota.share(1.0 / serving.size()))).toList();
          BlendResult blend = new CandidateBlender(equal).blend(request, settings.k());
          blends.add(blend);
          lists.put(BLEND, Map.of("candidates", rows(blend.candidates()), "shares", blend.shares()));
          appendTsv(tsv, name, BLEND, blend.candidates());
        }
        entry.put("lists", lists);
        requests.add(entry);
        c.progress().step(1);
      }
      c.progress().end();
    }
    CandidateShares shares = CandidateShares.fromBlends(blends);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("k", settings.k());
    root.put("generators", CandidateGenerators.NAMES);
    root.put("shares", Map.of("placed", shares.placed(), "supported", shares.supported()));
    root.put("requests", requests);
    Path dir = c.layout().candidates();
    Files.createDirectories(dir);
    AtomicFiles.writeString(c.layout().candidateLists(), JSON.writeValueAsString(root) + "\n");
    AtomicFiles.writeString(dir.resolve("lists.tsv"), tsv.toString());
    c.text().printf(Locale.ROOT, "   %d requests x %d generators + blend, %d candidates placed by blends: %s%n",
        requests.size(), CandidateGenerators.NAMES.size(), shares.total(), shares.placed());
    c.text().println("   candidates: " + c.layout().candidateLists() + ", " + dir.resolve("lists.tsv"));
  }

  private static List<Map<String, Object>> rows(List<Candidate> list) {
    List<Map<String, Object>> rows = new ArrayList<>();
    int rank = 1;
    for (Candidate cand : list) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", rank++);
      m.put("id", cand.id());
      m.put("score", cand.score());
      m.put("generator", cand.generator());
      m.put("reasons", cand.reasons().stream().map(Reason::toString).toList());
      rows.add(m);
    }
    return rows;
  }

  private static void appendTsv(StringBuilder tsv, String request, String list, List<Candidate> candidates) {
    int rank = 1;
    for (Candidate cand : candidates) {
      tsv.append(request).append('\t').append(list).append('\t').append(rank++).append('\t').append(cand.id())
          .append('\t').append(String.format(Locale.ROOT, "%.6f", cand.score())).append('\t')
          .append(cand.generator()).append('\t')
          .append(String.join(" | ", cand.reasons().stream().map(Reason::toString).toList()).replace('\t', ' '))
          .append('\n');
    }
  }
}
