package dev.polyphony.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.bench.JmhResults.Metric;
import dev.polyphony.bench.JmhResults.Result;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.opt.graph.sparse.IncomingEdgesSupport;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedGraph;

/**
 * Turns one JMH run of the graph-core benchmarks into Markdown tables with the ratios that matter, and
 * adds the memory figures JMH does not measure: bytes per edge of the CSR build competitors (array
 * payload by reflection and retained heap, see {@link HeapFootprint}) and of the synthetic catalog
 * ({@code HeteroGraph.bytesByPart()}). Sizes are those of the JMH run (its {@code edges} and {@code scale}
 * parameters). Sections whose benchmarks are missing from the results are left out.
 *
 * <p>Usage: {@code java -XX:+UseSerialGC -cp benchmarks.jar dev.polyphony.bench.GraphCoreReport DIR}
 * reads {@code DIR/graph-core-jmh.json}, writes {@code DIR/graph-core.md} and {@code
 * DIR/graph-core-memory.json}, and prints the Markdown.
 */
public final class GraphCoreReport {
  static final String JMH_FILE = "graph-core-jmh.json";
  static final String MARKDOWN_FILE = "graph-core.md";
  static final String MEMORY_FILE = "graph-core-memory.json";

  private final JmhResults jmh;
  private final Map<String, Object> memory = new LinkedHashMap<>();
  private final StringBuilder md = new StringBuilder();

  private GraphCoreReport(JmhResults jmh) {
    this.jmh = jmh;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: GraphCoreReport RESULTS_DIR (holding " + JMH_FILE + ")");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    GraphCoreReport report = new GraphCoreReport(JmhResults.read(dir.resolve(JMH_FILE)));
    report.header();
    report.csrBuild();
    report.loadVersusRebuild();
    report.syntheticCatalog();
    report.neighborSampling();
    report.walksAndNegatives();
    AtomicFiles.writeString(dir.resolve(MARKDOWN_FILE), report.md.toString());
    AtomicFiles.writeString(dir.resolve(MEMORY_FILE),
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.memory) + "\n");
    System.out.print(report.md);
  }

  private void header() {
    md.append(String.format(Locale.ROOT, "Measured %s on %d cores, Java %s; system load average %.1f when the"
        + " report ran. One JMH fork per benchmark (single shots: one fork per shot). \"mean\" is JMH's score"
        + " with its 99.9%% confidence half-width where JMH could estimate it; \"best\" is the least"
        + " disturbed iteration (fastest time, highest rate). Ratios are given for both.%n%n", LocalDate.now(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
  }

  private void csrBuild() {
    Optional<Result> ours = jmh.find("CsrBuildBenchmark.polyphonyOutAndIn");
    if (ours.isEmpty()) {
      return;
    }
    int edges = Integer.parseInt(ours.get().params().get("edges"));
    PlaylistTrackEdges input = PlaylistTrackEdges.generate(edges, 42);
    HeapFootprint.Retained<List<Pair<Integer, Integer>>> pairs = HeapFootprint.retained(input::vertexPairs);
    Footprint oursBoth = footprint(() -> {
      CsrAdjacency out = input.outCsr();
      return new CsrAdjacency[] {out, out.transpose()};
    });
    Footprint oursOut = footprint(input::outCsr);
    Footprint jgraphtBoth = footprint(() -> new SparseIntDirectedGraph(input.vertexCount(), pairs.value()));
    Footprint jgraphtOut = footprint(() -> new SparseIntDirectedGraph(input.vertexCount(), pairs.value(),
        IncomingEdgesSupport.NO_INCOMING_EDGES));
    if (oursBoth.arrayBytes != oursBoth.reportedBytes()) {
      throw new IllegalStateException("array walk disagrees with CsrAdjacency.bytes()");
    }
    Map<String, Object> build = new LinkedHashMap<>();
    build.put("edges", input.count());
    build.put("playlists", input.playlists);
    build.put("tracks", input.tracks);
    build.put("inputBytesPerEdge", Map.of("polyphonyIntArrays", 8.0,
        "jgraphtPairList", (double) pairs.bytes() / input.count()));
    build.put("polyphonyOutAndIn", oursBoth.toMap(input.count()));
    build.put("polyphonyOutOnly", oursOut.toMap(input.count()));
    build.put("jgraphtOutAndIn", jgraphtBoth.toMap(input.count()));
    build.put("jgraphtOutOnly", jgraphtOut.toMap(input.count()));
    memory.put("csrBuild", build);

    md.append(String.format(Locale.ROOT, "### Building an immutable adjacency: %,d playlist -> track edges%n%n",
        input.count()));
    md.append(String.format(Locale.ROOT, "%,d playlists, %,d tracks; distinct edges in random order from the"
        + " synthetic generator (seed 42). Each side builds from prepared input: two `int[]` columns for ours,"
        + " a `List<Pair<Integer, Integer>>` for JGraphT (one vertex range, tracks after playlists)."
        + " Bytes per edge: array payload summed by reflection (for ours what `CsrAdjacency.bytes()` reports),"
        + " and heap retained after full GCs (serial collector).%n%n", input.playlists, input.tracks));
    Table t = new Table("structure", "directions", "build, mean", "build, best", "time / ours, mean",
        "time / ours, best", "bytes/edge (arrays)", "bytes/edge (retained heap)");
    String both = "CsrBuildBenchmark.polyphonyOutAndIn";
    String out = "CsrBuildBenchmark.polyphonyOutOnly";
    buildRow(t, "Polyphony `CsrAdjacency.fromEdges` + `transpose()`", "out + in", both, both, oursBoth, edges);
    buildRow(t, "JGraphT `SparseIntDirectedGraph(n, edges)` (FULL_INCOMING_EDGES)", "out + in",
        "CsrBuildBenchmark.jgraphtOutAndIn", both, jgraphtBoth, edges);
    buildRow(t, "JGraphT, same, counting the `Pair` list built from the arrays", "out + in",
        "CsrBuildBenchmark.jgraphtOutAndInFromArrays", both, null, edges);
    buildRow(t, "Polyphony `CsrAdjacency.fromEdges`", "out", out, out, oursOut, edges);
    buildRow(t, "JGraphT `SparseIntDirectedGraph(n, edges, NO_INCOMING_EDGES)`", "out",
        "CsrBuildBenchmark.jgraphtOutOnly", out, jgraphtOut, edges);
    t.appendTo(md);
    md.append(String.format(Locale.ROOT, "%nInput held while building: %s bytes/edge for JGraphT's `Pair` list"
        + " (retained heap) against 8 for the two `int[]` columns.%n%n", perEdge(pairs.bytes(), edges)));
  }

  /** A row of the build table; {@code footprint} null when the structure is the one of the row above. */
  private void buildRow(Table t, String label, String directions, String benchmark, String reference,
      Footprint footprint, int edges) {
    Optional<Metric> m = metric(benchmark);
    Optional<Metric> ref = metric(reference);
    t.row(label, directions, mean(m), best(m), meanRatio(m, ref), bestRatio(m, ref),
        footprint == null ? "as above" : perEdge(footprint.arrayBytes, edges),
        footprint == null ? "as above" : perEdge(footprint.retainedBytes, edges));
  }

  private void loadVersusRebuild() throws IOException {
    Optional<Metric> spotifyParse = metric("SnapshotBenchmark.spotifyParseZip");
    Optional<Metric> spotifyRead = metric("SnapshotBenchmark.spotifyReadSnapshot");
    Optional<Metric> generate = metric("SnapshotBenchmark.syntheticGenerate");
    Optional<Metric> syntheticRead = metric("SnapshotBenchmark.syntheticReadSnapshot");
    boolean spotify = spotifyParse.isPresent() && spotifyRead.isPresent();
    boolean synthetic = generate.isPresent() && syntheticRead.isPresent();
    if (!spotify && !synthetic) {
      return;
    }
    md.append("### Loading a snapshot against rebuilding from the source\n\n");
    md.append("The snapshot is read from the page cache; the rebuild parses the ZIP (Spotify songs) or runs"
        + " the generator (synthetic catalog). The synthetic pair are single shots, each in a fresh JVM, as a"
        + " job would run them.\n\n");
    Table t = new Table("graph", "edges", "rebuild, mean", "rebuild, best", "read snapshot, mean",
        "read snapshot, best", "read is faster by, mean", "read is faster by, best");
    Map<String, Object> load = new LinkedHashMap<>();
    if (spotify) {
      HeteroGraph graph = new SpotifySongsReader().read(BenchmarkDatasets.spotifySongsZip(), new RejectReport(),
          ProgressTracker.NONE).graph();
      load.put("spotifySongsEdges", graph.edgeCount());
      t.row("Spotify songs ZIP, `SpotifySongsReader`", count(graph.edgeCount()), mean(spotifyParse),
          best(spotifyParse), mean(spotifyRead), best(spotifyRead), meanRatio(spotifyParse, spotifyRead),
          bestRatio(spotifyParse, spotifyRead));
    }
    if (synthetic) {
      HeteroGraph graph = SyntheticCatalogFixture.load(scale("SnapshotBenchmark.syntheticGenerate"));
      load.put("syntheticEdges", graph.edgeCount());
      t.row("Synthetic catalog, `SyntheticCatalog.generate`", count(graph.edgeCount()), mean(generate),
          best(generate), mean(syntheticRead), best(syntheticRead), meanRatio(generate, syntheticRead),
          bestRatio(generate, syntheticRead));
    }
    memory.put("snapshot", load);
    t.appendTo(md);
    md.append('\n');
  }

  private void syntheticCatalog() throws IOException {
    Optional<Metric> generate = metric("SnapshotBenchmark.syntheticGenerate");
    if (generate.isEmpty()) {
      return;
    }
    double scale = scale("SnapshotBenchmark.syntheticGenerate");
    HeteroGraph graph = SyntheticCatalogFixture.load(scale);
    Map<String, Long> parts = graph.bytesByPart();
    long edges = graph.edgeCount();
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("scale", scale);
    catalog.put("nodes", graph.nodeCount());
    catalog.put("edges", edges);
    catalog.put("bytesByPart", parts);
    catalog.put("adjacencyBytesPerEdge", (double) parts.get("adjacency") / edges);
    catalog.put("graphBytesPerEdge", (double) graph.bytes() / edges);
    memory.put("syntheticCatalog", catalog);

    md.append(String.format(Locale.ROOT, "### Synthetic catalog (`SyntheticCatalogConfig.defaults()`%s)%n%n",
        scale == 1 ? "" : " at scale " + scale));
    md.append("Build time is the single-shot time of `SyntheticCatalog.generate` in a fresh JVM (generation"
        + " and CSR build together). Bytes as `HeteroGraph.bytesByPart()` reports them; adjacency holds both"
        + " directions of every relation, and `listened` carries a float weight and a long timestamp per"
        + " edge.\n\n");
    Table t = new Table("nodes", "edges", "generate, mean", "generate, best", "adjacency bytes/edge",
        "whole graph bytes/edge", "adjacency / features / attributes / ids (MB)");
    t.row(count(graph.nodeCount()), count(edges), mean(generate), best(generate),
        perEdge(parts.get("adjacency"), edges), perEdge(graph.bytes(), edges),
        String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f", parts.get("adjacency") / 1e6,
            parts.get("features") / 1e6, parts.get("attributes") / 1e6, parts.get("ids") / 1e6));
    t.appendTo(md);
    md.append('\n');
  }

  private void neighborSampling() {
    if (jmh.find("NeighborSamplerBenchmark.sampleOneThread").isEmpty()) {
      return;
    }
    md.append("### Neighbour sampling against the memory-bound floor\n\n");
    md.append("2 hops along `contains` (track -> playlists -> tracks), fan-out 25 then 10, uniform without"
        + " replacement, 512 random track seeds per batch; rates in millions per second. The floor does as"
        + " many random reads (random row with edges, random position in it) from the same CSR arrays, with"
        + " no sampling logic.\n\n");
    Table t = new Table("threads", "sampled edges/s, mean", "sampled edges/s, best", "floor reads/s, mean",
        "floor reads/s, best", "sampler / floor, mean", "sampler / floor, best");
    String[][] pairs = {{"1", "sampleOneThread", "randomReadFloorOneThread"},
        {"2", "sampleTwoThreads", "randomReadFloorTwoThreads"}};
    for (String[] p : pairs) {
      Optional<Metric> sampler = secondary("NeighborSamplerBenchmark." + p[1], "edges");
      Optional<Metric> floor = secondary("NeighborSamplerBenchmark." + p[2], "edges");
      t.row(p[0], mean(sampler), best(sampler), mean(floor), best(floor), meanRatio(sampler, floor),
          bestRatio(sampler, floor));
    }
    t.appendTo(md);
    md.append('\n');
  }

  private void walksAndNegatives() {
    Table t = new Table("benchmark (one thread, millions per second)", "mean", "best");
    addRate(t, "metapath walk track-playlist-track, uniform: steps", "RandomWalkBenchmark.walkSteps",
        Map.of("bias", "uniform"));
    addRate(t, "same, node2vec p = 0.5, q = 2: steps", "RandomWalkBenchmark.walkSteps", Map.of("bias", "node2vec"));
    addRate(t, "alias-table draws over track degree^0.75", "NegativeSamplingBenchmark.aliasDraw", Map.of());
    addRate(t, "degree^0.75 negatives, the playlist's own tracks filtered", "NegativeSamplingBenchmark.degreeNegatives",
        Map.of());
    addRate(t, "uniform negatives, filtered", "NegativeSamplingBenchmark.uniformNegatives", Map.of());
    if (t.isEmpty()) {
      return;
    }
    md.append("### Walks and negatives\n\n");
    t.appendTo(md);
    md.append('\n');
  }

  private void addRate(Table t, String label, String benchmark, Map<String, String> params) {
    jmh.find(benchmark, params).ifPresent(r -> t.row(label, mean(Optional.of(r.primary())),
        best(Optional.of(r.primary()))));
  }

  private Optional<Metric> metric(String benchmark) {
    return jmh.find(benchmark).map(Result::primary);
  }

  private Optional<Metric> secondary(String benchmark, String name) {
    return jmh.find(benchmark).map(r -> r.secondary().get(name));
  }

  private double scale(String benchmark) {
    return Double.parseDouble(jmh.find(benchmark).orElseThrow().params().get("scale"));
  }

  /** "41.3 ± 2.1 ms" for times, "12.5 ± 0.3" (millions per second) for rates. */
  private static String mean(Optional<Metric> metric) {
    return metric.map(m -> {
      String error = Double.isNaN(m.error()) ? "" : " ± " + number(scaled(m, m.error()));
      return number(scaled(m, m.score())) + error + unit(m);
    }).orElse("not run");
  }

  private static String best(Optional<Metric> metric) {
    return metric.map(m -> number(scaled(m, m.best())) + unit(m)).orElse("not run");
  }

  /** How many times {@code a} takes longer (times) or goes faster (rates) than {@code b}, from the means. */
  private static String meanRatio(Optional<Metric> a, Optional<Metric> b) {
    return a.isPresent() && b.isPresent() ? String.format(Locale.ROOT, "%.2f", a.get().score() / b.get().score()) : "";
  }

  private static String bestRatio(Optional<Metric> a, Optional<Metric> b) {
    return a.isPresent() && b.isPresent() ? String.format(Locale.ROOT, "%.2f", a.get().best() / b.get().best()) : "";
  }

  private static double scaled(Metric m, double value) {
    return m.isTime() ? value : value / 1e6;
  }

  private static String unit(Metric m) {
    return m.isTime() ? " " + m.unit().replace("/op", "") : "";
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String perEdge(long bytes, long edges) {
    return String.format(Locale.ROOT, "%.1f", (double) bytes / edges);
  }

  /** Three significant digits, never exponent notation. */
  private static String number(double v) {
    double a = Math.abs(v);
    String format = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, format, v);
  }

  private static Footprint footprint(Supplier<Object> build) {
    HeapFootprint.Retained<Object> r = HeapFootprint.retained(build);
    return new Footprint(r.value(), HeapFootprint.arrayBytes(r.value()), r.bytes());
  }

  /** A built structure, its array payload and the heap it retains. */
  private record Footprint(Object structure, long arrayBytes, long retainedBytes) {
    /** What {@code CsrAdjacency.bytes()} reports for our structures (-1 for others). */
    long reportedBytes() {
      if (structure instanceof CsrAdjacency csr) {
        return csr.bytes();
      }
      if (structure instanceof CsrAdjacency[] both) {
        long sum = 0;
        for (CsrAdjacency c : both) {
          sum += c.bytes();
        }
        return sum;
      }
      return -1;
    }

    Map<String, Object> toMap(int edges) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("arrayBytes", arrayBytes);
      m.put("retainedBytes", retainedBytes);
      m.put("arrayBytesPerEdge", (double) arrayBytes / edges);
      m.put("retainedBytesPerEdge", (double) retainedBytes / edges);
      return m;
    }
  }

  /** A Markdown table built row by row. */
  private static final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      this.header = header;
    }

    boolean isEmpty() {
      return rows.isEmpty();
    }

    void row(String... cells) {
      if (cells.length != header.length) {
        throw new IllegalArgumentException("row needs " + header.length + " cells (got " + cells.length + ")");
      }
      rows.add(cells);
    }

    void appendTo(StringBuilder out) {
      line(out, header);
      out.append('|');
      for (int i = 0; i < header.length; i++) {
        out.append(i == 0 ? "---|" : "---:|");
      }
      out.append('\n');
      rows.forEach(r -> line(out, r));
    }

    private static void line(StringBuilder out, String[] cells) {
      out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
  }
}
