package dev.polyphony.bench;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSampler;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.SampledBlocks;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.graph.synth.SyntheticSchema;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sampled edges per second of {@link NeighborSampler} (2 hops along {@code contains}, fan-out 25 then 10:
 * track -> playlists -> tracks, uniform without replacement, batches of 512 random track seeds) on the
 * synthetic catalog ({@link SyntheticCatalogFixture}, about ten million edges), beside a memory-bound
 * floor: the same number of random reads from the same CSR arrays (random row with edges, random position in it)
 * with no sampling logic, split between track rows and playlist rows as the sampler's hops are. The
 * {@code edges} counter of each method is the rate to compare; the ratio sampler / floor says how much of
 * the memory bandwidth bound the sampler reaches.
 *
 * <p>Run small: {@code java -jar benchmarks/target/benchmarks.jar NeighborSampler -p scale=0.02}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class NeighborSamplerBenchmark {

  /** The graph, the sampler and the read mix of the floor, shared by all threads. */
  @State(Scope.Benchmark)
  public static class Catalog {
    /** Fraction of the default synthetic catalog. */
    @Param({"1"})
    public double scale;

    @Param({"512"})
    public int batchSize;

    NodeType track;
    int tracks;
    int playlists;
    NeighborSampler sampler;
    CsrAdjacency trackRows;
    CsrAdjacency playlistRows;
    int trackReadsPerBatch;
    int playlistReadsPerBatch;
    final AtomicInteger threadIndex = new AtomicInteger();

    @Setup(Level.Trial)
    public void build() throws IOException {
      HeteroGraph graph = SyntheticCatalogFixture.load(scale);
      track = SyntheticSchema.TRACK;
      tracks = graph.nodeCount(track);
      playlists = graph.nodeCount(SyntheticSchema.PLAYLIST);
      sampler = new NeighborSampler(graph, NeighborSamplerConfig.of("contains:25;contains:10", 7));
      trackRows = graph.in(SyntheticSchema.CONTAINS);
      playlistRows = graph.out(SyntheticSchema.CONTAINS);
      // The floor reads as many positions per batch as the sampler draws on average, hop by hop.
      SplittableRandom r = new SplittableRandom(1);
      long hop1 = 0;
      long hop2 = 0;
      int probes = 20;
      for (int b = 0; b < probes; b++) {
        SampledBlocks blocks = sampler.sample(track, randomSeeds(r, batchSize, tracks), b);
        hop1 += blocks.numSampledEdges(1, "contains");
        hop2 += blocks.numSampledEdges(2, "contains");
      }
      trackReadsPerBatch = (int) (hop1 / probes);
      playlistReadsPerBatch = (int) (hop2 / probes);
      System.out.printf("%nNeighborSamplerBenchmark: %d playlists, %d tracks, %d contains edges (%d in all);"
          + " per batch of %d seeds %d + %d sampled edges%n", playlists, tracks,
          graph.edgeCount(SyntheticSchema.CONTAINS), graph.edgeCount(), batchSize, trackReadsPerBatch,
          playlistReadsPerBatch);
    }
  }

  /** Per-thread seeds and random stream. */
  @State(Scope.Thread)
  public static class Worker {
    SplittableRandom random;
    int[] seeds;
    long batch;
    long state;

    @Setup(Level.Trial)
    public void init(Catalog c) {
      int index = c.threadIndex.getAndIncrement();
      random = new SplittableRandom(SeedDerivation.derive(11, index));
      seeds = new int[c.batchSize];
      batch = (long) index << 40;
      state = SeedDerivation.derive(13, index);
    }

    /** SplitMix64 step and Lemire's multiply-shift: as cheap as the sampler's own draws. */
    int nextInt(int bound) {
      state += 0x9E3779B97F4A7C15L;
      return (int) (((SeedDerivation.mix(state) >>> 32) * bound) >>> 32);
    }
  }

  /** Edges (or reads) done, reported by JMH as a rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Edges {
    public long edges;

    @Setup(Level.Iteration)
    public void reset() {
      edges = 0;
    }
  }

  @Benchmark
  @Threads(1)
  public SampledBlocks sampleOneThread(Catalog c, Worker w, Edges e) {
    return sample(c, w, e);
  }

  @Benchmark
  @Threads(2)
  public SampledBlocks sampleTwoThreads(Catalog c, Worker w, Edges e) {
    return sample(c, w, e);
  }

  @Benchmark
  @Threads(1)
  public long randomReadFloorOneThread(Catalog c, Worker w, Edges e) {
    return randomReads(c, w, e);
  }

  @Benchmark
  @Threads(2)
  public long randomReadFloorTwoThreads(Catalog c, Worker w, Edges e) {
    return randomReads(c, w, e);
  }

  private static SampledBlocks sample(Catalog c, Worker w, Edges e) {
    fillSeeds(w.random, w.seeds, c.tracks);
    SampledBlocks blocks = c.sampler.sample(c.track, w.seeds, w.batch++);
    e.edges += blocks.edgeCount();
    return blocks;
  }

  private static long randomReads(Catalog c, Worker w, Edges e) {
    long sum = readRandomPositions(c.trackRows, c.tracks, c.trackReadsPerBatch, w)
        + readRandomPositions(c.playlistRows, c.playlists, c.playlistReadsPerBatch, w);
    e.edges += c.trackReadsPerBatch + c.playlistReadsPerBatch;
    return sum;
  }

  private static long readRandomPositions(CsrAdjacency rows, int rowCount, int reads, Worker w) {
    long sum = 0;
    for (int i = 0; i < reads; i++) {
      // Every counted read reads a target, as every sampled edge does: rows without edges are drawn again.
      int row;
      int degree;
      do {
        row = w.nextInt(rowCount);
        degree = rows.degree(row);
      } while (degree == 0);
      sum += rows.target(rows.start(row) + w.nextInt(degree));
    }
    return sum;
  }

  private static int[] randomSeeds(SplittableRandom r, int n, int bound) {
    int[] seeds = new int[n];
    fillSeeds(r, seeds, bound);
    return seeds;
  }

  private static void fillSeeds(SplittableRandom r, int[] seeds, int bound) {
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = r.nextInt(bound);
    }
  }
}
