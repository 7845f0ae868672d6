package dev.polyphony.cli;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony synth}: generates a synthetic catalog graph with a seed and writes its snapshot. */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = "Generates a synthetic catalog (tracks, playlists, creators, users) and writes its "
        + "snapshot. The same seed gives the same graph.")
final class SynthCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--tracks", paramLabel = "N", defaultValue = "10000",
      description = "Tracks (default: ${DEFAULT-VALUE}).")
  int tracks;

  @Option(names = "--playlists", paramLabel = "N", defaultValue = "1000",
      description = "Playlists (default: ${DEFAULT-VALUE}).")
  int playlists;

  @Option(names = "--creators", paramLabel = "N", defaultValue = "500",
      description = "Creators (default: ${DEFAULT-VALUE}).")
  int creators;

  @Option(names = "--users", paramLabel = "N", defaultValue = "1000",
      description = "Users (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE.snap", description = "Snapshot to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    SyntheticCatalogConfig config;
    try {
      config = new SyntheticCatalogConfig(tracks, playlists, creators, users, seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter text = spec.commandLine().getOut();
    long start = System.nanoTime();
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      HeteroGraph graph = new SyntheticCatalog().generate(config, progress);
      progress.begin("write snapshot", -1);
      GraphSnapshot.write(graph, out);
      progress.end();
      text.println("generated a synthetic catalog with seed " + seed + " in "
          + Sizes.seconds(java.time.Duration.ofNanos(System.nanoTime() - start)));
      GraphSummary.printCounts(graph, text);
      GraphSummary.printMemory(graph, text);
    }
    text.println("snapshot:   " + out + " (" + Sizes.bytes(Files.size(out)) + ")");
    text.flush();
    return 0;
  }
}
