package dev.polyphony.cli;

import dev.polyphony.graph.analysis.DegreeSummary;
import dev.polyphony.graph.analysis.GraphStatisticsResult;
import dev.polyphony.graph.analysis.GraphStatisticsResult.PageRankSummary;
import dev.polyphony.graph.analysis.GraphStatisticsResult.RankedNode;
import dev.polyphony.graph.analysis.GraphStatisticsResult.RelationDegrees;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Renders {@link GraphStatisticsResult} as plain-text tables. */
public final class StatisticsTable {
  private StatisticsTable() {}

  public static void print(GraphStatisticsResult r, PrintWriter out) {
    TextTable nodes = new TextTable("node type", "nodes");
    r.nodes().forEach(nodes::row);
    nodes.row("total", r.totalNodes());
    nodes.print(out, "");
    out.println();

    TextTable edges = new TextTable("relation", "source", "target", "edges");
    for (Map.Entry<String, Integer> e : r.edges().entrySet()) {
      RelationDegrees d = r.degrees().get(e.getKey());
      edges.row(e.getKey(), d.src(), d.dst(), e.getValue());
    }
    edges.row("total", "", "", r.totalEdges());
    edges.print(out, "");
    out.println();

    out.println("degrees (median and p99 by nearest rank)");
    TextTable degrees = new TextTable("relation", "direction", "nodes", "min", "median", "p99", "max", "mean",
        "isolated");
    for (Map.Entry<String, RelationDegrees> e : r.degrees().entrySet()) {
      addDegrees(degrees, e.getKey(), "out of " + e.getValue().src(), e.getValue().out());
      addDegrees(degrees, e.getKey(), "in of " + e.getValue().dst(), e.getValue().in());
    }
    degrees.print(out, "  ");
    out.println();

    out.println("connected components (whole graph, undirected): " + r.components().count()
        + ", largest " + r.components().largestSize() + " nodes, " + r.components().isolatedNodes()
        + " isolated nodes");
    out.println();

    PageRankSummary pr = r.pageRank();
    out.print("PageRank top " + pr.top().size() + " over " + pr.projection() + " (" + pr.vertices()
        + " vertices, " + pr.edges() + " edges");
    if (pr.groups() > 0) {
      out.print("; " + pr.sampledGroups() + " of " + pr.groups() + " groups sampled down to "
          + pr.maxGroupSize() + " members");
    }
    out.println(")");
    TextTable top = new TextTable("rank", "type", "id", "score");
    int rank = 1;
    for (RankedNode n : pr.top()) {
      top.row(rank++, n.type(), n.id(), String.format(Locale.ROOT, "%.6f", n.score()));
    }
    top.print(out, "  ");
    out.flush();
  }

  private static void addDegrees(TextTable t, String relation, String direction, DegreeSummary d) {
    t.row(relation, direction, d.nodes(), d.min(), d.median(), d.p99(), d.max(),
        String.format(Locale.ROOT, "%.2f", d.mean()), d.isolated());
  }
}
