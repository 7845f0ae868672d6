package dev.polyphony.bench;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a graph from its snapshot ({@link GraphSnapshot#read}) against rebuilding it from its source:
 * parsing the Spotify songs ZIP with {@link SpotifySongsReader}, and generating the synthetic catalog
 * (about ten million edges at scale 1) with {@link SyntheticCatalog}. The snapshot is written once in
 * setup and checked to read back equal to the source graph; it is read from the page cache, as a
 * repeated job would. The synthetic pair runs as single shots, each in a fresh JVM as a job would run
 * it ({@code generate} takes tens of seconds); the generate time is also the build time of the 10M-edge
 * catalog.
 *
 * <p>Needs the shared datasets for the Spotify pair ({@code -Dpolyphony.datasets=...} or {@code
 * POLYPHONY_DATASETS}). Run small: {@code java -jar benchmarks/target/benchmarks.jar Snapshot -p scale=0.01}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class SnapshotBenchmark {

  /** The Spotify songs ZIP and a snapshot of the graph parsed from it. */
  @State(Scope.Benchmark)
  public static class SpotifySongs {
    Path zip;
    Path snapshot;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
      zip = BenchmarkDatasets.spotifySongsZip();
      HeteroGraph parsed = parse(zip);
      snapshot = Files.createTempFile("spotify-songs", ".snapshot");
      GraphSnapshot.write(parsed, snapshot);
      if (!parsed.equals(GraphSnapshot.read(snapshot))) {
        throw new IllegalStateException("snapshot " + snapshot + " does not read back as the graph written");
      }
      System.out.printf("%nSpotify songs: %d nodes, %d edges, snapshot %d bytes%n", parsed.nodeCount(),
          parsed.edgeCount(), Files.size(snapshot));
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
      Files.deleteIfExists(snapshot);
    }
  }

  /** The synthetic catalog's configuration. */
  @State(Scope.Benchmark)
  public static class Synthetic {
    /** Fraction of the default catalog (see {@link SyntheticCatalogFixture}). */
    @Param({"1"})
    public double scale;

    SyntheticCatalogConfig config;

    @Setup(Level.Trial)
    public void prepare() {
      config = SyntheticCatalogFixture.config(scale);
    }
  }

  /** A snapshot of the synthetic catalog (kept apart so that timing the generator starts from a cold JVM). */
  @State(Scope.Benchmark)
  public static class SyntheticSnapshot {
    Path file;

    @Setup(Level.Trial)
    public void prepare(Synthetic catalog) throws IOException {
      file = SyntheticCatalogFixture.snapshot(catalog.scale);
      System.out.printf("%nSynthetic catalog at scale %s: snapshot %d bytes%n", catalog.scale, Files.size(file));
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 4, time = 2)
  public HeteroGraph spotifyParseZip(SpotifySongs s) throws IOException {
    return parse(s.zip);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 4, time = 2)
  public HeteroGraph spotifyReadSnapshot(SpotifySongs s) throws IOException {
    return GraphSnapshot.read(s.snapshot);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public HeteroGraph syntheticGenerate(Synthetic s) {
    return SyntheticCatalog.generate(s.config);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public HeteroGraph syntheticReadSnapshot(SyntheticSnapshot s) throws IOException {
    return GraphSnapshot.read(s.file);
  }

  private static HeteroGraph parse(Path zip) throws IOException {
    return new SpotifySongsReader().read(zip, new RejectReport(), ProgressTracker.NONE).graph();
  }
}
