package dev.polyphony.cli;

import dev.polyphony.graph.analysis.GraphStatistics;
import dev.polyphony.graph.analysis.GraphStatisticsConfig;
import dev.polyphony.graph.analysis.GraphStatisticsResult;
import dev.polyphony.graph.analysis.Projection;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.graph.io.RejectReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony demo}: ingests the bundled Spotify songs data and describes the graph, writing the
 * snapshot, the reject report and the statistics as JSON.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Ingests the bundled Spotify songs data (data/spotify-songs) into a snapshot and prints its "
        + "statistics, with PageRank over the track-playlist-track co-occurrence graph.")
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "polyphony-out/demo",
      description = "Folder for the outputs (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--data", paramLabel = "FILE",
      description = "Spotify songs CSV or ZIP to use instead of the bundled one.")
  Path data;

  @Override
  public Integer call() throws Exception {
    PrintWriter text = spec.commandLine().getOut();
    Path songs = data != null ? data : BundledData.spotifySongs();
    Path snapshot = out.resolve("spotify-songs.snap");
    Path statsJson = out.resolve("stats.json");
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      Ingestion.Outcome ingested = Ingestion.run(InputFormat.SPOTIFY_SONGS, songs, null, snapshot,
          Ingestion.defaultRejectsPath(snapshot), RejectReport.DEFAULT_MAX_REJECTS, progress);
      text.println("== ingest");
      IngestReport.print(ingested, text);

      GraphStatisticsConfig config = GraphStatisticsConfig.defaults()
          .withProjection(Projection.coOccurrence("track", "playlist"));
      GraphStatisticsResult stats = new GraphStatistics(ingested.result().graph(), config, progress).compute();
      AtomicFiles.writeString(statsJson, Json.write(stats) + "\n");
      text.println();
      text.println("== stats");
      StatisticsTable.print(stats, text);

      text.println();
      text.println("== outputs in " + out.toAbsolutePath().normalize());
      text.println("snapshot:   " + ingested.snapshot() + "  (polyphony stats " + ingested.snapshot() + ")");
      text.println("rejects:    " + ingested.rejects());
      text.println("statistics: " + statsJson);
    }
    text.flush();
    return 0;
  }
}
