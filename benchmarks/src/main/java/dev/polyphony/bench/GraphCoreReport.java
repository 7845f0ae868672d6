package dev.polyphony.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.bench.JmhResults.Metric;
import dev.polyphony.bench.JmhResults.Result;
import java.io.IOException;
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
    md.append(String.format(Locale.ROOT, "Measured %s on %d cores, Java %s (%s). One JMH fork per benchmark;"
        + " times are means with their 99.9%% confidence half-width where JMH could estimate it.%n%n",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("java.vm.name")));
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
    Table t = new Table("structure", "directions", "build time", "time / ours", "bytes/edge (arrays)",
        "bytes/edge (retained heap)");
    double oursBothMs = score("CsrBuildBenchmark.polyphonyOutAndIn");
    double oursOutMs = score("CsrBuildBenchmark.polyphonyOutOnly");
    t.row("Polyphony `CsrAdjacency.fromEdges` + `transpose()`", "out + in",
        timed("CsrBuildBenchmark.polyphonyOutAndIn"), "1.0", perEdge(oursBoth.arrayBytes, edges),
        perEdge(oursBoth.retainedBytes, edges));
    t.row("JGraphT `SparseIntDirectedGraph(n, edges)` (FULL_INCOMING_EDGES)", "out + in",
        timed("CsrBuildBenchmark.jgraphtOutAndIn"), ratio(score("CsrBuildBenchmark.jgraphtOutAndIn"), oursBothMs),
        perEdge(jgraphtBoth.arrayBytes, edges), perEdge(jgraphtBoth.retainedBytes, edges));
    t.row("JGraphT, same, counting the `Pair` list built from the arrays", "out + in",
        timed("CsrBuildBenchmark.jgraphtOutAndInFromArrays"),
        ratio(score("CsrBuildBenchmark.jgraphtOutAndInFromArrays"), oursBothMs), "as above", "as above");
    t.row("Polyphony `CsrAdjacency.fromEdges`", "out", timed("CsrBuildBenchmark.polyphonyOutOnly"), "1.0",
        perEdge(oursOut.arrayBytes, edges), perEdge(oursOut.retainedBytes, edges));
    t.row("JGraphT `SparseIntDirectedGraph(n, edges, NO_INCOMING_EDGES)`", "out",
        timed("CsrBuildBenchmark.jgraphtOutOnly"), ratio(score("CsrBuildBenchmark.jgraphtOutOnly"), oursOutMs),
        perEdge(jgraphtOut.arrayBytes, edges), perEdge(jgraphtOut.retainedBytes, edges));
    t.appendTo(md);
    md.append(String.format(Locale.ROOT, "%nInput held while building: %s bytes/edge for JGraphT's `Pair` list"
        + " (retained heap) against 8 for the two `int[]` columns.%n%n", perEdge(pairs.bytes(), edges)));
  }

  private void loadVersusRebuild() throws IOException {
    Optional<Result> spotifyParse = jmh.find("SnapshotBenchmark.spotifyParseZip");
    Optional<Result> syntheticGenerate = jmh.find("SnapshotBenchmark.syntheticGenerate");
    if (spotifyParse.isEmpty() && syntheticGenerate.isEmpty()) {
      return;
    }
    md.append("### Loading a snapshot against rebuilding from the source\n\n");
    md.append("The snapshot is read from the page cache; the rebuild parses the ZIP (Spotify songs) or runs"
        + " the generator (synthetic catalog).\n\n");
    Table t = new Table("graph", "edges", "rebuild from source", "read snapshot", "read is faster by");
    Map<String, Object> load = new LinkedHashMap<>();
    if (spotifyParse.isPresent() && jmh.find("SnapshotBenchmark.spotifyReadSnapshot").isPresent()) {
      HeteroGraph spotify = new SpotifySongsReader().read(BenchmarkDatasets.spotifySongsZip(), new RejectReport(),
          ProgressTracker.NONE).graph();
      load.put("spotifySongsEdges", spotify.edgeCount());
      t.row("Spotify songs ZIP, `SpotifySongsReader`", String.format(Locale.ROOT, "%,d", spotify.edgeCount()),
          timed("SnapshotBenchmark.spotifyParseZip"), timed("SnapshotBenchmark.spotifyReadSnapshot"),
          ratio(score("SnapshotBenchmark.spotifyParseZip"), score("SnapshotBenchmark.spotifyReadSnapshot")));
    }
    if (syntheticGenerate.isPresent() && jmh.find("SnapshotBenchmark.syntheticReadSnapshot").isPresent()) {
      HeteroGraph synthetic = SyntheticCatalogFixture.load(scale(syntheticGenerate.get()));
      t.row("Synthetic catalog, `SyntheticCatalog.generate`", String.format(Locale.ROOT, "%,d",
          synthetic.edgeCount()), timed("SnapshotBenchmark.syntheticGenerate"),
          timed("SnapshotBenchmark.syntheticReadSnapshot"),
          ratio(score("SnapshotBenchmark.syntheticGenerate"), score("SnapshotBenchmark.syntheticReadSnapshot")));
    }
    memory.put("snapshot", load);
    t.appendTo(md);
    md.append('\n');
  }

  private void syntheticCatalog() throws IOException {
    Optional<Result> generate = jmh.find("SnapshotBenchmark.syntheticGenerate");
    if (generate.isEmpty()) {
      return;
    }
    double scale = scale(generate.get());
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
    md.append("Build time is the single-shot time of `SyntheticCatalog.generate` (generation and CSR build"
        + " together). Bytes as `HeteroGraph.bytesByPart()` reports them; adjacency holds both directions of"
        + " every relation, and `listened` carries a float weight and a long timestamp per edge.\n\n");
    Table t = new Table("nodes", "edges", "generate", "adjacency bytes/edge", "whole graph bytes/edge",
        "adjacency / features / attributes / ids (MB)");
    t.row(String.format(Locale.ROOT, "%,d", graph.nodeCount()), String.format(Locale.ROOT, "%,d", edges),
        timed("SnapshotBenchmark.syntheticGenerate"), perEdge(parts.get("adjacency"), edges),
        perEdge(graph.bytes(), edges), String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f",
            parts.get("adjacency") / 1e6, parts.get("features") / 1e6, parts.get("attributes") / 1e6,
            parts.get("ids") / 1e6));
    t.appendTo(md);
    md.append('\n');
  }

  private void neighborSampling() {
    if (jmh.find("NeighborSamplerBenchmark.sampleOneThread").isEmpty()) {
      return;
    }
    md.append("### Neighbour sampling against the memory-bound floor\n\n");
    md.append("2 hops along `contains` (track -> playlists -> tracks), fan-out 25 then 10, uniform without"
        + " replacement, 512 random track seeds per batch. The floor does as many random reads (random row"
        + " with edges, random position in it) from the same CSR arrays, with no sampling logic.\n\n");
    Table t = new Table("threads", "sampler (sampled edges/s)", "floor (random reads/s)", "sampler / floor");
    String[][] pairs = {{"1", "sampleOneThread", "randomReadFloorOneThread"},
        {"2", "sampleTwoThreads", "randomReadFloorTwoThreads"}};
    for (String[] p : pairs) {
      Optional<Metric> sampler = secondary("NeighborSamplerBenchmark." + p[1], "edges");
      Optional<Metric> floor = secondary("NeighborSamplerBenchmark." + p[2], "edges");
      t.row(p[0], sampler.map(GraphCoreReport::rate).orElse("not run"), floor.map(GraphCoreReport::rate)
          .orElse("not run"), sampler.isPresent() && floor.isPresent()
          ? String.format(Locale.ROOT, "%.2f", sampler.get().score() / floor.get().score()) : "");
    }
    t.appendTo(md);
    md.append('\n');
  }

  private void walksAndNegatives() {
    List<String[]> rows = new ArrayList<>();
    addRate(rows, "metapath walk track-playlist-track, uniform (steps/s)", "RandomWalkBenchmark.walkSteps",
        Map.of("bias", "uniform"));
    addRate(rows, "same, node2vec p = 0.5, q = 2 (steps/s)", "RandomWalkBenchmark.walkSteps",
        Map.of("bias", "node2vec"));
    addRate(rows, "alias-table draw over track degree^0.75 (draws/s)", "NegativeSamplingBenchmark.aliasDraw",
        Map.of());
    addRate(rows, "degree^0.75 negatives, playlist's own tracks filtered (negatives/s)",
        "NegativeSamplingBenchmark.degreeNegatives", Map.of());
    addRate(rows, "uniform negatives, filtered (negatives/s)", "NegativeSamplingBenchmark.uniformNegatives",
        Map.of());
    if (rows.isEmpty()) {
      return;
    }
    md.append("### Walks and negatives (one thread)\n\n");
    Table t = new Table("benchmark", "rate");
    rows.forEach(r -> t.row(r));
    t.appendTo(md);
    md.append('\n');
  }

  private void addRate(List<String[]> rows, String label, String benchmark, Map<String, String> params) {
    jmh.find(benchmark, params).ifPresent(r -> rows.add(new String[] {label, rate(r.primary())}));
  }

  private double score(String benchmark) {
    return jmh.find(benchmark).map(r -> r.primary().score()).orElse(Double.NaN);
  }

  private Optional<Metric> secondary(String benchmark, String name) {
    return jmh.find(benchmark).map(r -> r.secondary().get(name));
  }

  /** Score ± error with the unit's time part, e.g. "41.3 ± 2.1 ms". */
  private String timed(String benchmark) {
    return jmh.find(benchmark).map(r -> {
      Metric m = r.primary();
      String unit = m.unit().replace("/op", "");
      return Double.isNaN(m.error()) ? number(m.score()) + " " + unit
          : number(m.score()) + " ± " + number(m.error()) + " " + unit;
    }).orElse("not run");
  }

  private static double scale(Result r) {
    return Double.parseDouble(r.params().get("scale"));
  }

  private static String rate(Metric m) {
    String error = Double.isNaN(m.error()) ? "" : " ± " + number(m.error() / 1e6);
    return number(m.score() / 1e6) + error + " M";
  }

  private static String ratio(double value, double reference) {
    return Double.isNaN(value) || Double.isNaN(reference) ? "" : String.format(Locale.ROOT, "%.1f", value / reference);
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
