package dev.polyphony.bench;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.ExactIndex;
import dev.polyphony.retrieval.Neighbors;
import dev.polyphony.retrieval.RecallAtK;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
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
 * Top-10 queries per second, one query per call from one thread, over {@code size} clustered 64-d
 * vectors (cosine): Voyager at ef {@code ef} (M 16, efConstruction 200), Voyager with a filter that
 * passes 10% of rows, and the exact index scanning on all processors. The setup prints Voyager's
 * recall@10 against the exact index, so speed is always read beside quality.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class AnnQueryBenchmark {
  private static final int QUERIES = 1_000;
  private static final int RECALL_QUERIES = 500;
  private static final IntPredicate ONE_IN_TEN = row -> row % 10 == 3;

  @Param({"100000"})
  int size;

  @Param({"64"})
  int ef;

  private AnnIndex ann;
  private ExactIndex exact;
  private float[][] queries;
  private int next;

  @Setup(Level.Trial)
  public void build() {
    ClusteredEmbeddings spec = AnnVectors.spec(size);
    EmbeddingTable table = spec.table("track", Metric.COSINE);
    queries = spec.queries(QUERIES, AnnVectors.QUERY_SEED);
    long start = System.nanoTime();
    ann = AnnIndex.build(table, AnnIndexConfig.defaults(Metric.COSINE).withEf(ef));
    double buildSeconds = (System.nanoTime() - start) / 1e9;
    exact = ExactIndex.build(table);
    float[][] sample = Arrays.copyOf(queries, RECALL_QUERIES);
    RecallAtK recall = RecallAtK.measure(ann, exact, sample, 10);
    RecallAtK filtered = RecallAtK.measure(ann, exact, sample, 10, ONE_IN_TEN);
    System.out.printf("%nsize %d, ef %d: Voyager built in %.1f s; recall@10 %.4f (min %.2f) over %d queries;"
        + " filtered (10%% pass) recall@10 %.4f%n", size, ef, buildSeconds, recall.mean(), recall.min(),
        recall.queries(), filtered.mean());
  }

  @TearDown(Level.Trial)
  public void release() {
    ann.close();
    exact.close();
  }

  private float[] nextQuery() {
    float[] q = queries[next];
    next = (next + 1) % queries.length;
    return q;
  }

  @Benchmark
  public Neighbors voyagerTop10() {
    return ann.search(nextQuery(), 10);
  }

  @Benchmark
  public Neighbors voyagerFilteredTop10() {
    return ann.search(nextQuery(), 10, ONE_IN_TEN);
  }

  @Benchmark
  public Neighbors exactTop10() {
    return exact.search(nextQuery(), 10);
  }
}
