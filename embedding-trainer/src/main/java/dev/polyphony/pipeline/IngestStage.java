package dev.polyphony.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polyphony.cli.IngestReport;
import dev.polyphony.cli.InputFormat;
import dev.polyphony.cli.Ingestion;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.IngestException;
import dev.polyphony.job.PipelineJobConfig;
import dev.polyphony.job.PipelineJobConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the job's source into {@code graph.snap} with the reject report {@code rejects.tsv} and a summary
 * {@code ingest.json} (rows read, nodes and edges per type, rejects per reason). File formats are read in this
 * process, a snapshot is copied; a Neo4j projection is read by {@code polyphony neo4j read} in a child process.
 * A Neo4j source has no checksum, so this stage always runs for it; the stages after it still skip when the
 * snapshot is unchanged.
 */
final class IngestStage implements Stage {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<String> needs() {
    return List.of();
  }

  @Override
  public List<Path> inputs(StageContext c) {
    PipelineJobConfig config = c.config();
    List<Path> inputs = new ArrayList<>();
    PipelineJobConfig.Input in = config.input();
    if (in.format().equals("neo4j")) {
      inputs.add(config.resolve(in.neo4jProjection()));
    } else {
      inputs.add(config.resolve(in.path()));
      if (in.schema() != null) {
        inputs.add(config.resolve(in.schema()));
      }
    }
    return inputs;
  }

  @Override
  public String settings(StageContext c) {
    PipelineJobConfig.Input in = c.config().input();
    // A database can change without a trace in the job: a fresh nonce makes every run read it again.
    String volatileSource = in.format().equals("neo4j") ? "read at " + System.nanoTime() : "";
    return PipelineJobConfigReader.sectionJson(in) + volatileSource;
  }

  @Override
  public List<Path> outputs(StageContext c) {
    PipelineLayout l = c.layout();
    return List.of(l.graph(), l.rejects(), l.ingestSummary());
  }

  @Override
  public void run(StageContext c) throws Exception {
    PipelineJobConfig config = c.config();
    PipelineJobConfig.Input in = config.input();
    PipelineLayout l = c.layout();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("format", in.format());
    HeteroGraph graph;
    if (in.format().equals("neo4j")) {
      List<String> args = new ArrayList<>(List.of("neo4j", "read", "--out", l.graph().toString(), "--projection",
          config.resolve(in.neo4jProjection()).toString(), "--rejects", l.rejects().toString(), "--max-rejects",
          Long.toString(in.maxRejects())));
      if (in.neo4jUri() != null) {
        args.addAll(List.of("--neo4j-uri", in.neo4jUri()));
      } else if (in.neo4jHome() != null) {
        args.addAll(List.of("--neo4j-home", config.resolve(in.neo4jHome()).toString()));
      }
      Files.createDirectories(l.neo4j());
      c.child().run(args, l.neo4j().resolve("read.txt"));
      if (!Files.exists(l.rejects())) {
        AtomicFiles.writeString(l.rejects(), "");
      }
      graph = GraphSnapshot.read(l.graph());
      summary.put("input", in.neo4jUri() != null ? in.neo4jUri() : "embedded Neo4j");
    } else if (in.format().equals("snapshot")) {
      Path input = config.resolve(in.path());
      if (!Files.isRegularFile(input)) {
        throw new IngestException("input.path: snapshot " + input + " does not exist");
      }
      c.progress().begin("read snapshot", -1);
      graph = GraphSnapshot.read(input);
      c.progress().end();
      GraphSnapshot.write(graph, l.graph());
      AtomicFiles.writeString(l.rejects(), "");
      summary.put("input", input.toString());
      summary.put("rejected", 0);
      c.text().println("   read snapshot " + input + " (" + graph + ")");
    } else {
      Path input = config.resolve(in.path());
      if (!Files.exists(input)) {
        throw new IngestException("input.path: " + input + " does not exist");
      }
      Ingestion.Outcome outcome = Ingestion.run(InputFormat.parse(in.format()), input, config.resolve(in.schema()),
          l.graph(), l.rejects(), in.maxRejects(), c.progress());
      IngestReport.print(outcome, c.text());
      graph = outcome.result().graph();
      summary.put("input", input.toString());
      summary.put("rowsRead", outcome.result().rowsRead());
      summary.put("rejected", outcome.result().rejects().total());
      Map<String, Long> reasons = new LinkedHashMap<>();
      outcome.result().rejects().totals().forEach((r, n) -> reasons.put(r.toString(), n));
      summary.put("rejectsByReason", reasons);
      summary.put("notes", outcome.result().notes());
    }
    Map<String, Integer> nodes = new LinkedHashMap<>();
    for (NodeType t : graph.schema().nodeTypes()) {
      nodes.put(t.name(), graph.nodeCount(t));
    }
    Map<String, Integer> edges = new LinkedHashMap<>();
    for (EdgeType e : graph.schema().edgeTypes()) {
      edges.put(e.relation(), graph.edgeCount(e));
    }
    summary.put("nodes", nodes);
    summary.put("edges", edges);
    AtomicFiles.writeString(l.ingestSummary(), JSON.writeValueAsString(summary) + "\n");
    c.text().println("   graph:   " + l.graph());
    c.text().println("   rejects: " + l.rejects());
  }

  static Map<?, ?> readSummary(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Map.class);
  }
}
