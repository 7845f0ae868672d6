package dev.polyphony.neo4j.cli;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.IngestResult;
import dev.polyphony.graph.io.RejectReason;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.neo4j.GraphMapping;
import dev.polyphony.neo4j.GraphProjection;
import dev.polyphony.neo4j.GraphProjectionFile;
import dev.polyphony.neo4j.Neo4jBridge;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony neo4j read}: a projection of a Neo4j database into a graph snapshot. */
@Command(name = "read", mixinStandardHelpOptions = true,
    description = {"Reads labels and relationship types from Neo4j into a graph and writes it as a snapshot. "
        + "Rows that cannot be used (missing or mistyped ids, features, attributes, weights; relationships to "
        + "nodes not read) are rejects, counted here and listed with --rejects."})
final class ReadCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions neo4j;

  @Option(names = "--out", required = true, paramLabel = "FILE.snap", description = "Snapshot to write.")
  Path out;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Projection projection;

  static final class Projection {
    @Option(names = "--like", paramLabel = "FILE.snap",
        description = "Read what importing this snapshot wrote: its labels, relationship types, features and "
            + "attributes.")
    Path like;

    @Option(names = "--projection", paramLabel = "FILE.yaml",
        description = "Projection file naming labels, relationship types and properties (see docs/neo4j.md).")
    Path file;
  }

  @Option(names = "--rejects", paramLabel = "FILE.tsv", description = "Write the rejected rows here.")
  Path rejectsFile;

  @Option(names = "--max-rejects", paramLabel = "N", defaultValue = "" + RejectReport.DEFAULT_MAX_REJECTS,
      description = "Stop after this many rejected rows (default: ${DEFAULT-VALUE}).")
  long maxRejects;

  @Override
  public Integer call() throws Exception {
    StageProgress progress = new StageProgress(spec.commandLine().getErr());
    GraphProjection chosen;
    try {
      if (projection.like != null) {
        HeteroGraph template = GraphSnapshot.read(projection.like);
        chosen = GraphProjection.of(template, GraphMapping.conventional(template.schema()));
      } else {
        chosen = GraphProjectionFile.load(projection.file);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    RejectReport rejects = new RejectReport(maxRejects);
    IngestResult r = new Neo4jBridge(neo4j.connection(spec)).readToSnapshot(chosen, out, rejects, progress);
    if (rejectsFile != null) {
      rejects.writeTsv(rejectsFile);
    }
    PrintWriter text = spec.commandLine().getOut();
    HeteroGraph g = r.graph();
    text.printf(Locale.ROOT, "read %,d nodes and %,d edges (%,d rows) into %s%n", g.nodeCount(), g.edgeCount(),
        r.rowsRead(), out);
    for (NodeType t : g.schema().nodeTypes()) {
      text.printf(Locale.ROOT, "  node type  %-20s %,12d%n", t.name(), g.nodeCount(t));
    }
    for (EdgeType e : g.schema().edgeTypes()) {
      text.printf(Locale.ROOT, "  relation   %-20s %,12d%n", e.relation(), g.edgeCount(e));
    }
    text.println("rejected: " + rejects.total() + " row(s)" + (rejectsFile != null ? " (listed in " + rejectsFile
        + ")" : ""));
    for (Map.Entry<RejectReason, Long> t : rejects.totals().entrySet()) {
      text.println("  " + t.getKey() + ": " + t.getValue());
    }
    for (String note : r.notes()) {
      text.println("note: " + note);
    }
    text.flush();
    return 0;
  }
}
