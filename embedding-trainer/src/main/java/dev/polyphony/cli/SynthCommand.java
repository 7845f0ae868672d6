package dev.polyphony.cli;

import dev.polyphony.graph.GraphMemoryEstimate;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony synth}: generates a synthetic catalog with a seed and writes its snapshot. Options left
 * out keep the values of {@link SyntheticCatalogConfig#defaults()}.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = {"Generates a synthetic catalog (tracks, playlists, creators, users; genres as planted "
        + "communities) and writes its snapshot. The same seed gives the same graph.",
        "Options left out keep their defaults (listed below)."})
final class SynthCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--tracks", paramLabel = "N", description = "Tracks.")
  Integer tracks;

  @Option(names = "--playlists", paramLabel = "N", description = "Playlists.")
  Integer playlists;

  @Option(names = "--creators", paramLabel = "N", description = "Creators (artists), at least one per genre.")
  Integer creators;

  @Option(names = "--users", paramLabel = "N", description = "Users.")
  Integer users;

  @Option(names = "--genres", paramLabel = "N", description = "Genres.")
  Integer genres;

  @Option(names = "--mean-playlist-length", paramLabel = "X", description = "Mean tracks per playlist.")
  Double meanPlaylistLength;

  @Option(names = "--listens-per-user", paramLabel = "X", description = "Mean distinct tracks a user played.")
  Double listensPerUser;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed.")
  Long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE.snap", description = "Snapshot to write.")
  Path out;

  /** The defaults, for the usage help. */
  static String[] helpFooter() {
    SyntheticCatalogConfig d = SyntheticCatalogConfig.defaults();
    return new String[] {"Defaults:",
        "  --tracks " + d.tracks() + "  --playlists " + d.playlists() + "  --creators " + d.creators(),
        "  --users " + d.users() + "  --genres " + d.genres() + "  --seed " + d.seed(),
        "  --mean-playlist-length " + d.meanPlaylistLength() + "  --listens-per-user " + d.listensPerUser()};
  }

  @Override
  public Integer call() throws Exception {
    SyntheticCatalogConfig config = config();
    GraphMemoryEstimate estimate = SyntheticCatalog.estimateMemory(config);
    long heap = Runtime.getRuntime().maxMemory();
    if (estimate.peakBuildBytes() > heap) {
      throw new IllegalStateException("this catalog needs about " + Sizes.bytes(estimate.peakBuildBytes())
          + " while it is built, more than the " + Sizes.bytes(heap) + " heap; raise POLYPHONY_HEAP or "
          + "generate a smaller catalog");
    }
    PrintWriter text = spec.commandLine().getOut();
    long start = System.nanoTime();
    HeteroGraph graph;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      graph = SyntheticCatalog.generate(config, progress);
      progress.begin("write snapshot", -1);
      GraphSnapshot.write(graph, out);
      progress.end();
    }
    text.println("generated a synthetic catalog with seed " + config.seed() + " in "
        + Sizes.seconds(Duration.ofNanos(System.nanoTime() - start)) + " (estimate was " + estimate + ")");
    GraphSummary.printCounts(graph, text);
    GraphSummary.printMemory(graph, text);
    text.println("snapshot:   " + out + " (" + Sizes.bytes(Files.size(out)) + ")");
    text.flush();
    return 0;
  }

  private SyntheticCatalogConfig config() {
    SyntheticCatalogConfig.Builder b = SyntheticCatalogConfig.defaults().toBuilder();
    if (tracks != null) {
      b.tracks(tracks);
    }
    if (playlists != null) {
      b.playlists(playlists);
    }
    if (creators != null) {
      b.creators(creators);
    }
    if (users != null) {
      b.users(users);
    }
    if (genres != null) {
      b.genres(genres);
    }
    if (meanPlaylistLength != null) {
      b.meanPlaylistLength(meanPlaylistLength);
    }
    if (listensPerUser != null) {
      b.listensPerUser(listensPerUser);
    }
    if (seed != null) {
      b.seed(seed);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
