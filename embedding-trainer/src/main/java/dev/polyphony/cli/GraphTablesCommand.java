package dev.polyphony.cli;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.GraphTablesCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony graph-tables}: writes a snapshot as the node and edge CSV tables that {@code spark-embed
 * --input-format csv} reads ({@link GraphTablesCsv}), so a catalog too large for the Spark driver's memory
 * reaches the job as files its executors read.
 */
@Command(name = "graph-tables", mixinStandardHelpOptions = true,
    description = {"Writes a graph snapshot as two CSV tables: DIR/nodes.csv (type,id,features) and "
        + "DIR/edges.csv (src,relation,dst,weight), the input of `polyphony spark-embed --input-format csv`."})
final class GraphTablesCommand implements Callable<Integer> {
  static final String NODES = "nodes.csv";
  static final String EDGES = "edges.csv";

  @Spec
  CommandSpec spec;

  @Option(names = "--graph", required = true, paramLabel = "FILE.snap", description = "Graph snapshot to read.")
  Path graph;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the tables to.")
  Path out;

  @Override
  public Integer call() throws Exception {
    HeteroGraph catalog;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      progress.begin("read graph", -1);
      catalog = GraphSnapshot.read(graph);
      progress.end();
      GraphTablesCsv.write(catalog, out.resolve(NODES), out.resolve(EDGES), progress);
    }
    PrintWriter text = spec.commandLine().getOut();
    text.printf("wrote %,d nodes to %s and %,d edges to %s%n", catalog.nodeCount(), out.resolve(NODES),
        catalog.edgeCount(), out.resolve(EDGES));
    text.flush();
    return 0;
  }
}
