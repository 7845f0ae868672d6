package dev.polyphony.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polyphony.cli.StatisticsTable;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.analysis.GraphStatistics;
import dev.polyphony.graph.analysis.GraphStatisticsConfig;
import dev.polyphony.graph.analysis.GraphStatisticsResult;
import dev.polyphony.graph.analysis.Projection;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Describes the catalog graph ({@link GraphStatistics}: degrees, components, PageRank), over the co-occurrence
 * projection of the job's playlist relation (tracks linked by shared playlists) when the graph has it, into
 * {@code stats.json} and the printed table {@code stats.txt}.
 */
final class StatsStage implements Stage {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "stats";
  }

  @Override
  public List<String> needs() {
    return List.of("ingest");
  }

  @Override
  public List<Path> inputs(StageContext c) {
    return List.of(c.layout().graph());
  }

  @Override
  public String settings(StageContext c) {
    return "playlistRelation=" + c.config().training().catalog().playlistRelation();
  }

  @Override
  public List<Path> outputs(StageContext c) {
    return List.of(c.layout().statsJson(), c.layout().statsText());
  }

  @Override
  public void run(StageContext c) throws Exception {
    HeteroGraph graph = c.graph();
    GraphStatisticsConfig config = GraphStatisticsConfig.defaults();
    String relation = c.config().training().catalog().playlistRelation();
    if (graph.schema().hasRelation(relation)) {
      EdgeType playlists = graph.schema().edgeType(relation);
      config = config.withProjection(Projection.coOccurrence(playlists.dst().name(), playlists.src().name()));
    }
    GraphStatisticsResult stats = new GraphStatistics(graph, config, c.progress()).compute();
    AtomicFiles.writeString(c.layout().statsJson(), JSON.writeValueAsString(stats) + "\n");
    StringWriter table = new StringWriter();
    try (PrintWriter out = new PrintWriter(table)) {
      StatisticsTable.print(stats, out);
    }
    AtomicFiles.writeString(c.layout().statsText(), table.toString());
    c.text().print(table);
    c.text().println("   statistics: " + c.layout().statsJson() + ", " + c.layout().statsText());
  }
}
