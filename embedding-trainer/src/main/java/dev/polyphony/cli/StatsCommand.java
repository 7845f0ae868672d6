package dev.polyphony.cli;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.analysis.GraphStatistics;
import dev.polyphony.graph.analysis.GraphStatisticsConfig;
import dev.polyphony.graph.analysis.GraphStatisticsResult;
import dev.polyphony.graph.analysis.Projection;
import dev.polyphony.graph.io.GraphSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code polyphony stats}: counts, degree distributions, components and top PageRank nodes of a snapshot. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Describes a graph snapshot: node and edge counts per type, degree distributions, "
        + "connected components and the top PageRank nodes.")
final class StatsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.snap", description = "Graph snapshot to describe.")
  Path snapshot;

  @Option(names = "--json", description = "Print JSON instead of tables.")
  boolean json;

  @Option(names = "--projection", paramLabel = "whole|X-Y-X", defaultValue = "whole",
      converter = ProjectionConverter.class,
      description = "Graph PageRank runs on: the whole graph as undirected, or a co-occurrence metapath "
          + "such as track-playlist-track (default: ${DEFAULT-VALUE}).")
  Projection projection;

  @Option(names = "--top", paramLabel = "K", defaultValue = "" + GraphStatisticsConfig.DEFAULT_TOP_K,
      description = "Number of top PageRank nodes (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--max-group-size", paramLabel = "N",
      defaultValue = "" + GraphStatisticsConfig.DEFAULT_MAX_GROUP_SIZE,
      description = "In a metapath projection, groups (e.g. playlists) larger than N contribute a seeded "
          + "sample of N members (default: ${DEFAULT-VALUE}).")
  int maxGroupSize;

  @Override
  public Integer call() throws Exception {
    GraphStatisticsConfig config;
    try {
      config = GraphStatisticsConfig.defaults().withProjection(projection).withTopK(top)
          .withMaxGroupSize(maxGroupSize);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    GraphStatisticsResult result;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      progress.begin("read snapshot", -1);
      HeteroGraph graph = GraphSnapshot.read(snapshot);
      progress.end();
      result = new GraphStatistics(graph, config, progress).compute();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(result));
      out.flush();
    } else {
      StatisticsTable.print(result, out);
    }
    return 0;
  }

  /** Parses {@code whole} or {@code X-Y-X}. */
  static final class ProjectionConverter implements ITypeConverter<Projection> {
    @Override
    public Projection convert(String value) {
      try {
        return Projection.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
