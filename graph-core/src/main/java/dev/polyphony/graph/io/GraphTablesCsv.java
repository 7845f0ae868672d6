package dev.polyphony.graph.io;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a graph as the two CSV tables a distributed job reads (RFC 4180, with a header): nodes
 * {@code type,id,features} (the feature row as floats separated by spaces, empty for a type without features)
 * and edges {@code src,relation,dst,weight} (empty weight when the relation is unweighted). Rows stream to
 * disk, so a graph larger than a job driver's memory can be handed over; each file is written atomically.
 * Floats are written by {@link Float#toString}, which reads back to the same float.
 */
public final class GraphTablesCsv {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

  private GraphTablesCsv() {}

  /** Writes {@code graph}'s node table to {@code nodes} and its edge table to {@code edges}. */
  public static void write(HeteroGraph graph, Path nodes, Path edges, ProgressTracker progress) throws IOException {
    progress.begin("node table", graph.nodeCount());
    AtomicFiles.write(nodes, out -> {
      CSVPrinter csv = new CSVPrinter(writer(out), FORMAT);
      csv.printRecord("type", "id", "features");
      for (NodeType type : graph.schema().nodeTypes()) {
        writeNodes(csv, graph, type);
        progress.step(graph.nodeCount(type));
      }
      csv.flush();
    });
    progress.end();
    progress.begin("edge table", graph.edgeCount());
    AtomicFiles.write(edges, out -> {
      CSVPrinter csv = new CSVPrinter(writer(out), FORMAT);
      csv.printRecord("src", "relation", "dst", "weight");
      for (EdgeType type : graph.schema().edgeTypes()) {
        writeEdges(csv, graph, type);
        progress.step(graph.edgeCount(type));
      }
      csv.flush();
    });
    progress.end();
  }

  private static Writer writer(java.io.OutputStream out) {
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  private static void writeNodes(CSVPrinter csv, HeteroGraph graph, NodeType type) throws IOException {
    IdMap ids = graph.ids(type);
    NodeFeatures features = graph.features(type).orElse(null);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      text.setLength(0);
      if (features != null) {
        float[] row = features.row(i);
        for (int c = 0; c < row.length; c++) {
          if (c > 0) {
            text.append(' ');
          }
          text.append(row[c]);
        }
      }
      csv.printRecord(type.name(), ids.externalId(i), text);
    }
  }

  private static void writeEdges(CSVPrinter csv, HeteroGraph graph, EdgeType type) throws IOException {
    CsrAdjacency out = graph.out(type);
    IdMap src = graph.ids(type.src());
    IdMap dst = graph.ids(type.dst());
    for (int u = 0; u < out.rowCount(); u++) {
      String from = src.externalId(u);
      for (int p = out.start(u); p < out.end(u); p++) {
        csv.printRecord(from, type.relation(), dst.externalId(out.target(p)),
            out.hasWeights() ? Float.toString(out.weight(p)) : "");
      }
    }
  }
}
