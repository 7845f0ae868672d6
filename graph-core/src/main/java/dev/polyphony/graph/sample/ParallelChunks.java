package dev.polyphony.graph.sample;

import dev.polyphony.graph.ProgressTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task over fixed chunks of {@code [0, items)} on a small thread pool and returns the chunk
 * results in chunk order. Chunk boundaries depend only on {@code items} and {@code chunkSize}, never on
 * the number of threads, so callers whose chunks are deterministic get results independent of it.
 */
final class ParallelChunks {
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private ParallelChunks() {}

  /** Work on the items {@code [from, to)} of one chunk. */
  @FunctionalInterface
  interface ChunkTask<T> {
    T run(int from, int to);
  }

  static <T> List<T> map(int items, int chunkSize, int concurrency, ProgressTracker progress,
      ChunkTask<T> task) {
    if (concurrency <= 0) {
      throw new IllegalArgumentException("concurrency must be > 0 (got " + concurrency + ")");
    }
    int chunks = (int) ((items + (long) chunkSize - 1) / chunkSize);
    List<T> results = new ArrayList<>(chunks);
    if (concurrency == 1 || chunks <= 1) {
      for (int c = 0; c < chunks; c++) {
        int from = c * chunkSize;
        int to = Math.min(items, from + chunkSize);
        results.add(task.run(from, to));
        progress.step(to - from);
      }
      return results;
    }
    int pool = POOL_NUMBER.incrementAndGet();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(concurrency, chunks), r -> {
      Thread t = new Thread(r, "polyphony-sample-" + pool + "-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>(chunks);
      for (int c = 0; c < chunks; c++) {
        int from = c * chunkSize;
        int to = Math.min(items, from + chunkSize);
        futures.add(executor.submit(() -> {
          T result = task.run(from, to);
          progress.step(to - from);
          return result;
        }));
      }
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sampling", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      executor.shutdownNow();
    }
  }
}
