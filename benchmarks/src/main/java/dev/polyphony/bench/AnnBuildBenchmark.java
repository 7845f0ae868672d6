package dev.polyphony.bench;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.ExactIndex;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to build a Voyager HNSW index (M 16, efConstruction 200, all processors) and the exact index
 * over {@code size} clustered 64-d vectors. Each invocation is one whole build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class AnnBuildBenchmark {
  @Param({"100000"})
  int size;

  private EmbeddingTable table;

  @Setup
  public void generate() {
    table = AnnVectors.spec(size).table("track", Metric.COSINE);
  }

  @Benchmark
  public long voyagerBuild() {
    try (AnnIndex index = AnnIndex.build(table, AnnIndexConfig.defaults(Metric.COSINE))) {
      return index.size();
    }
  }

  @Benchmark
  public long exactBuild() {
    try (ExactIndex index = ExactIndex.build(table)) {
      return index.bytes();
    }
  }
}
