package dev.polyphony.cli;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import java.io.PrintWriter;
import java.util.Map;

/** Prints a graph's counts per type and the memory it holds. */
final class GraphSummary {
  private GraphSummary() {}

  static void printCounts(HeteroGraph graph, PrintWriter out) {
    StringBuilder nodes = new StringBuilder();
    for (NodeType t : graph.schema().nodeTypes()) {
      nodes.append(nodes.length() == 0 ? "" : ", ").append(t.name()).append(' ').append(graph.nodeCount(t));
    }
    StringBuilder edges = new StringBuilder();
    for (EdgeType e : graph.schema().edgeTypes()) {
      edges.append(edges.length() == 0 ? "" : ", ").append(e.relation()).append(' ').append(graph.edgeCount(e));
    }
    out.println("nodes:      " + graph.nodeCount() + " (" + nodes + ")");
    out.println("edges:      " + graph.edgeCount() + " (" + edges + ")");
  }

  static void printMemory(HeteroGraph graph, PrintWriter out) {
    StringBuilder parts = new StringBuilder();
    for (Map.Entry<String, Long> p : graph.bytesByPart().entrySet()) {
      parts.append(parts.length() == 0 ? "" : ", ").append(p.getKey()).append(' ').append(Sizes.bytes(p.getValue()));
    }
    Runtime rt = Runtime.getRuntime();
    out.println("memory:     graph " + Sizes.bytes(graph.bytes()) + " (" + parts + "); JVM heap "
        + Sizes.bytes(rt.totalMemory() - rt.freeMemory()) + " used of " + Sizes.bytes(rt.maxMemory()));
  }
}
