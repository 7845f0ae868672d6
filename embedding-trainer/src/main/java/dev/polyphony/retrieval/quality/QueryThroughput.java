package dev.polyphony.retrieval.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * Queries per second of a search function: each of {@code threads} workers cycles through the queries
 * (worker {@code w} starting at {@code w * n / threads}, so they do not all hit the same query) through
 * the warm-up and then the measured phase, both fixed in time for all workers. The rate is the number
 * of queries started in the measured phase over the time from its start to the last worker's end (a
 * query never runs past its end by more than one query). Every worker starts at least one query in the
 * measured phase, so a search slower than the phase still gets a rate. Timings depend on the machine and
 * its load; they are measurements, not results to compare exactly.
 */
public final class QueryThroughput {
  /** Keeps results alive so the JIT cannot drop the searches. */
  private static final AtomicLong BLACKHOLE = new AtomicLong();

  private QueryThroughput() {}

  /**
   * Rates of {@code search} on one thread and on {@code threads} threads; {@code search} returns
   * something of its result (such as its size) and must be safe to call concurrently.
   */
  public static QueryRates measure(float[][] queries, ToIntFunction<float[]> search, int threads,
      ThroughputConfig config) {
    return new QueryRates(rate(queries, search, 1, config), rate(queries, search, threads, config), threads);
  }

  /** Queries per second of {@code search} from {@code threads} concurrent workers. */
  public static double rate(float[][] queries, ToIntFunction<float[]> search, int threads,
      ThroughputConfig config) {
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(config, "config");
    if (queries.length == 0) {
      throw new IllegalArgumentException("queries must not be empty");
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0 (got " + threads + ")");
    }
    long measuredStart = System.nanoTime() + config.warmupMillis() * 1_000_000;
    long measuredEnd = measuredStart + config.measureMillis() * 1_000_000;
    long[] completed = new long[threads];
    long[] endNanos = new long[threads];
    RuntimeException[] failure = new RuntimeException[1];
    List<Thread> workers = new ArrayList<>(threads);
    for (int w = 0; w < threads; w++) {
      int worker = w;
      Thread t = new Thread(() -> {
        try {
          int next = (int) ((long) worker * queries.length / threads);
          long sink = 0;
          long count = 0;
          long now = System.nanoTime();
          while (now < measuredEnd || count == 0) {
            sink += search.applyAsInt(queries[next]);
            next = next + 1 == queries.length ? 0 : next + 1;
            // A query that started in the warm-up is not counted, even if it ends in the measured phase.
            count += now >= measuredStart ? 1 : 0;
            now = System.nanoTime();
          }
          completed[worker] = count;
          endNanos[worker] = now;
          BLACKHOLE.addAndGet(sink);
        } catch (RuntimeException e) {
          synchronized (failure) {
            failure[0] = e;
          }
        }
      }, "polyphony-throughput-" + w);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while measuring throughput", e);
      }
    }
    synchronized (failure) {
      if (failure[0] != null) {
        throw failure[0];
      }
    }
    long total = 0;
    long last = measuredEnd;
    for (int w = 0; w < threads; w++) {
      total += completed[w];
      last = Math.max(last, endNanos[w]);
    }
    return total / ((last - measuredStart) / 1e9);
  }
}
