package dev.polyphony.report;

import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.ExactIndex;
import dev.polyphony.retrieval.RecallAtK;
import dev.polyphony.retrieval.VectorIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the recall / speed trade-off of an approximate index over several search list sizes
 * {@code ef}: for each, recall@10 against the exact oracle ({@link RecallAtK}) and the throughput of one
 * thread answering the queries one after another (after one untimed pass to warm caches and the JIT).
 * Throughput is wall-clock time on the machine at hand, for a report's picture; comparable speed figures
 * come from the JMH benchmarks.
 */
public final class AnnSweep {
  /** The cut-off of the measured recall. */
  public static final int K = 10;

  /** Opens the index searched with a given {@code ef}; the sweep closes it after measuring. */
  @FunctionalInterface
  public interface IndexAtEf {
    VectorIndex open(int ef) throws IOException;
  }

  private AnnSweep() {}

  /**
   * Sweeps {@code ann} over {@code efs}. The built graph is saved once to a temporary directory and
   * loaded again per {@code ef} ({@link AnnIndex#load(Path, AnnIndexConfig)} takes the search-time
   * {@code ef}), so every point searches the same graph; the directory is deleted afterwards.
   */
  public static List<AnnTradeoffPoint> measure(AnnIndex ann, ExactIndex oracle, float[][] queries, List<Integer> efs)
      throws IOException {
    Path dir = Files.createTempDirectory("polyphony-ann-sweep");
    try {
      ann.save(dir);
      AnnIndexConfig config = ann.config();
      return measure(ef -> AnnIndex.load(dir, config.withEf(ef)), oracle, queries, efs);
    } finally {
      deleteTree(dir);
    }
  }

  /** Sweeps the indexes that {@code indexAtEf} opens over {@code efs} (each > 0), in the given order. */
  public static List<AnnTradeoffPoint> measure(IndexAtEf indexAtEf, VectorIndex oracle, float[][] queries,
      List<Integer> efs) throws IOException {
    if (efs.isEmpty()) {
      throw new IllegalArgumentException("efs must not be empty");
    }
    if (queries.length == 0) {
      throw new IllegalArgumentException("queries must not be empty");
    }
    List<AnnTradeoffPoint> points = new ArrayList<>(efs.size());
    for (int ef : efs) {
      if (ef <= 0) {
        throw new IllegalArgumentException("ef must be > 0 (got " + ef + ")");
      }
      try (VectorIndex index = indexAtEf.open(ef)) {
        double recall = RecallAtK.measure(index, oracle, queries, K).mean();
        searchAll(index, queries);
        long start = System.nanoTime();
        searchAll(index, queries);
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        points.add(new AnnTradeoffPoint(ef, recall, queries.length / seconds));
      }
    }
    return points;
  }

  private static void searchAll(VectorIndex index, float[][] queries) {
    for (float[] q : queries) {
      index.search(q, K);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
