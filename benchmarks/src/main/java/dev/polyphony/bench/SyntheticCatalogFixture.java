package dev.polyphony.bench;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The synthetic catalog the graph benchmarks run on: {@link SyntheticCatalogConfig#defaults()} (about ten
 * million edges) at scale 1; at other scales the node counts of the defaults are multiplied by {@code
 * scale} (down to the smallest valid catalog) and the per-node means kept, so {@code scale = 0.01} gives
 * about 100k edges.
 *
 * <p>Generating the default catalog takes about half a minute and every JMH fork needs it. When the
 * system property {@value #CACHE_PROPERTY} names a directory, the first fork generates the catalog and
 * writes its snapshot there, and later forks read the snapshot instead (a few seconds). The directory is
 * meant to live for one run only: a snapshot there is trusted to match the generator that reads it.
 */
final class SyntheticCatalogFixture {
  /** System property naming the directory where catalog snapshots are kept between forks of one run. */
  static final String CACHE_PROPERTY = "polyphony.bench.cache";

  private SyntheticCatalogFixture() {}

  /** The defaults with node counts multiplied by {@code scale} (exactly the defaults at scale 1). */
  static SyntheticCatalogConfig config(double scale) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be > 0 (got " + scale + ")");
    }
    SyntheticCatalogConfig d = SyntheticCatalogConfig.defaults();
    // The smallest valid catalog: an artist per genre, and room for a mean playlist and a mean user history.
    int minTracks = (int) Math.max(d.genres(), Math.ceil(Math.max(d.meanPlaylistLength(), d.listensPerUser())));
    int tracks = Math.max(minTracks, (int) Math.round(d.tracks() * scale));
    int creators = Math.min(tracks, Math.max(d.genres(), (int) Math.round(d.creators() * scale)));
    return d.toBuilder()
        .tracks(tracks)
        .creators(creators)
        .playlists((int) Math.round(d.playlists() * scale))
        .users((int) Math.round(d.users() * scale))
        .build();
  }

  /** The catalog at {@code scale}: read from the run's snapshot cache when there, generated otherwise. */
  static HeteroGraph load(double scale) throws IOException {
    Path cached = cachedSnapshot(scale);
    if (cached != null && Files.isRegularFile(cached)) {
      return GraphSnapshot.read(cached);
    }
    HeteroGraph graph = SyntheticCatalog.generate(config(scale));
    if (cached != null) {
      GraphSnapshot.write(graph, cached);
    }
    return graph;
  }

  /**
   * A snapshot file of the catalog at {@code scale}: the cached one (written first if missing), or, with
   * no cache directory, a temporary file deleted when the JVM exits.
   */
  static Path snapshot(double scale) throws IOException {
    Path cached = cachedSnapshot(scale);
    if (cached != null) {
      if (!Files.isRegularFile(cached)) {
        GraphSnapshot.write(SyntheticCatalog.generate(config(scale)), cached);
      }
      return cached;
    }
    Path file = Files.createTempFile("synthetic-catalog", ".snapshot");
    file.toFile().deleteOnExit();
    GraphSnapshot.write(SyntheticCatalog.generate(config(scale)), file);
    return file;
  }

  /** {@code count} rows of {@code rows} with at least one edge, drawn uniformly with {@code seed}. */
  static int[] rowsWithEdges(CsrAdjacency rows, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] out = new int[count];
    for (int i = 0; i < count; ) {
      int node = random.nextInt(rows.rowCount());
      if (rows.degree(node) > 0) {
        out[i++] = node;
      }
    }
    return out;
  }

  private static Path cachedSnapshot(double scale) throws IOException {
    String dir = System.getProperty(CACHE_PROPERTY);
    if (dir == null || dir.isBlank()) {
      return null;
    }
    Path cache = Path.of(dir);
    Files.createDirectories(cache);
    SyntheticCatalogConfig config = config(scale);
    return cache.resolve("synthetic-scale" + scale + "-seed" + config.seed() + "-v" + GraphSnapshot.FORMAT_VERSION
        + ".snapshot");
  }
}
