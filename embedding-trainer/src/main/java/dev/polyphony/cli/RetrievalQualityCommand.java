package dev.polyphony.cli;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.export.EmbeddingExports;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.retrieval.quality.RetrievalQuality;
import dev.polyphony.retrieval.quality.RetrievalQualityConfig;
import dev.polyphony.retrieval.quality.RetrievalQualityJson;
import dev.polyphony.retrieval.quality.RetrievalQualityMarkdown;
import dev.polyphony.retrieval.quality.RetrievalQualityResult;
import dev.polyphony.retrieval.quality.StandInTrackEmbedding;
import dev.polyphony.retrieval.quality.ThroughputConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony retrieval-quality}: measures how a track embedding retrieves on the playlist
 * continuation split of a catalog (by default the bundled Spotify songs): ANN recall and speed against
 * the exact index, and blended candidate lists against pure relevance.
 */
@Command(name = "retrieval-quality", mixinStandardHelpOptions = true,
    description = {"Measures a track embedding's retrieval on the playlist continuation split of a catalog: the "
        + "Voyager index at default settings against the exact index (recall@10, queries/s on 1 and all "
        + "threads), and per warm playlist the blended list of 50 (playlist, fresh, trending, tail-creator, "
        + "revenue-margin with equal shares) against playlist continuation alone (Recall@50, tail-creator and "
        + "fresh shares, catalogue coverage).",
        "Writes retrieval-quality.json and retrieval-quality.md to --out and prints the tables."})
final class RetrievalQualityCommand implements Callable<Integer> {
  static final String JSON_FILE = "retrieval-quality.json";
  static final String MARKDOWN_FILE = "retrieval-quality.md";

  @Spec
  CommandSpec spec;

  /** Where the vectors come from: exactly one. */
  static final class Source {
    @Option(names = "--embeddings", paramLabel = "DIR",
        description = "Track embedding export (a folder with manifest.json, as `polyphony export` or `spark-embed` "
            + "write), or "
            + "a file in one.")
    Path embeddings;

    @Option(names = "--stand-in", description = "Measure the stand-in embedding instead: standardised audio "
        + "features projected to 64-d by a seeded Gaussian matrix plus a per-artist vector; no training.")
    boolean standIn;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the catalog comes from: at most one; the bundled Spotify songs otherwise. */
  static final class Catalog {
    @Option(names = "--data", paramLabel = "FILE", description = "Spotify songs CSV or ZIP instead of the bundled one.")
    Path data;

    @Option(names = "--graph", paramLabel = "FILE.snap", description = "Catalog graph snapshot instead of Spotify songs.")
    Path graph;
  }

  @ArgGroup(exclusive = true)
  Catalog catalog;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "20200121",
      description = "Seed of the split, the query sample and the stand-in (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--queries", paramLabel = "N", defaultValue = "" + RetrievalQualityConfig.DEFAULT_ANN_QUERIES,
      description = "Table rows sampled as ANN queries (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--threads", paramLabel = "N", description = "Threads of the concurrent queries/s (default: all "
      + "processors).")
  Integer threads;

  @Option(names = "--measure-seconds", paramLabel = "S", defaultValue = "3",
      description = "Measured seconds per queries/s figure (default: ${DEFAULT-VALUE}).")
  double measureSeconds;

  @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "1",
      description = "Seconds of querying before each queries/s figure is measured (default: ${DEFAULT-VALUE}).")
  double warmupSeconds;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "polyphony-out/retrieval-quality",
      description = "Folder for the JSON and Markdown results (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--write-embeddings", paramLabel = "DIR",
      description = "Also export the measured embeddings there (npy + ids.tsv, jsonl, manifest.json).")
  Path writeEmbeddings;

  @Override
  public Integer call() throws Exception {
    RetrievalQualityConfig config = config();
    RetrievalQualityResult result;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      progress.begin("read the catalog", -1);
      HeteroGraph graph = readGraph();
      progress.end();
      EmbeddingTable tracks;
      if (source.standIn) {
        progress.begin("compute the stand-in embedding", -1);
        tracks = StandInTrackEmbedding.defaults(seed).table(graph);
      } else {
        progress.begin("read embeddings", -1);
        tracks = EmbeddingExports.read(exportFolder(source.embeddings));
      }
      progress.end();
      if (writeEmbeddings != null) {
        progress.begin("export the embeddings", -1);
        EmbeddingExport.write(tracks, writeEmbeddings, EnumSet.of(ExportFormat.NPY, ExportFormat.JSONL));
        progress.end();
      }
      result = new RetrievalQuality(graph, tracks, config, progress).compute();
    }
    Files.createDirectories(out);
    String markdown = RetrievalQualityMarkdown.format(result);
    RetrievalQualityJson.write(result, out.resolve(JSON_FILE));
    AtomicFiles.writeString(out.resolve(MARKDOWN_FILE), markdown);
    PrintWriter text = spec.commandLine().getOut();
    text.print(markdown);
    text.println();
    text.println("wrote " + out.resolve(JSON_FILE) + " and " + out.resolve(MARKDOWN_FILE));
    if (writeEmbeddings != null) {
      text.println("exported the embeddings to " + writeEmbeddings);
    }
    text.flush();
    return 0;
  }

  private RetrievalQualityConfig config() {
    if (!(measureSeconds > 0) || Double.isInfinite(measureSeconds)) {
      throw new ParameterException(spec.commandLine(), "--measure-seconds must be > 0 (got " + measureSeconds + ")");
    }
    if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
      throw new ParameterException(spec.commandLine(), "--warmup-seconds must be >= 0 (got " + warmupSeconds + ")");
    }
    try {
      RetrievalQualityConfig config = RetrievalQualityConfig.defaults(seed).withAnnQueries(queries)
          .withThroughput(new ThroughputConfig(Math.round(warmupSeconds * 1_000),
              Math.max(1, Math.round(measureSeconds * 1_000))));
      return threads == null ? config : config.withThreads(threads);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private HeteroGraph readGraph() throws IOException {
    if (catalog != null && catalog.graph != null) {
      return GraphSnapshot.read(catalog.graph);
    }
    Path songs = catalog != null && catalog.data != null ? catalog.data : BundledData.spotifySongs();
    return new SpotifySongsReader().read(songs, new RejectReport()).graph();
  }

  /** The export folder of {@code path}: itself, or the folder of a file in it. */
  private static Path exportFolder(Path path) {
    if (Files.isRegularFile(path) && Files.isRegularFile(path.resolveSibling(ExportManifest.FILE_NAME))) {
      return path.toAbsolutePath().getParent();
    }
    return path;
  }
}
