package dev.polyphony.bench;

import dev.polyphony.graph.CsrAdjacency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.opt.graph.sparse.IncomingEdgesSupport;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedGraph;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Build time of an immutable adjacency from one prepared edge list ({@link PlaylistTrackEdges}, 1M distinct
 * playlist -> track edges in random order): our {@link CsrAdjacency} against JGraphT's
 * {@link SparseIntDirectedGraph}, each from the input it takes.
 *
 * <ul>
 *   <li>Ours takes two {@code int[]} columns (what {@code HeteroGraphBuilder} buffers) and builds the out
 *       CSR by counting sort ({@code fromEdges}, rows sorted and free of duplicates) and the in CSR by
 *       {@code transpose()}, as the builder does for every relation.
 *   <li>JGraphT takes a vertex count and a {@code List<Pair<Integer, Integer>>} over one vertex range
 *       (playlists, then tracks). The list is built in setup; {@code jgraphtOutAndInFromArrays} also builds
 *       it from the same {@code int[]} columns, since an application has to.
 *       {@code new SparseIntDirectedGraph(n, edges)} uses {@link IncomingEdgesSupport#FULL_INCOMING_EDGES}:
 *       per-edge source and target arrays plus an out and an in incidence CSR (edge ids per vertex), so it
 *       is compared with our two directions; {@link IncomingEdgesSupport#NO_INCOMING_EDGES} keeps the out
 *       side only and is compared with {@code fromEdges} alone.
 * </ul>
 *
 * <p>Bytes per edge of the built structures are measured by {@link GraphCoreReport}.
 * Run small: {@code java -jar benchmarks/target/benchmarks.jar CsrBuild -p edges=100000}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class CsrBuildBenchmark {
  @Param({"1000000"})
  public int edges;

  private PlaylistTrackEdges input;
  private List<Pair<Integer, Integer>> pairs;

  @Setup(Level.Trial)
  public void prepare() {
    input = PlaylistTrackEdges.generate(edges, 42);
    pairs = input.vertexPairs();
    System.out.printf("%nCsrBuildBenchmark: %d edges, %d playlists, %d tracks%n", input.count(), input.playlists,
        input.tracks);
  }

  @Benchmark
  public void polyphonyOutAndIn(Blackhole bh) {
    CsrAdjacency out = input.outCsr();
    bh.consume(out);
    bh.consume(out.transpose());
  }

  @Benchmark
  public CsrAdjacency polyphonyOutOnly() {
    return input.outCsr();
  }

  @Benchmark
  public SparseIntDirectedGraph jgraphtOutAndIn() {
    return new SparseIntDirectedGraph(input.vertexCount(), pairs);
  }

  @Benchmark
  public SparseIntDirectedGraph jgraphtOutAndInFromArrays() {
    return new SparseIntDirectedGraph(input.vertexCount(), input.vertexPairs());
  }

  @Benchmark
  public SparseIntDirectedGraph jgraphtOutOnly() {
    return new SparseIntDirectedGraph(input.vertexCount(), pairs, IncomingEdgesSupport.NO_INCOMING_EDGES);
  }
}
