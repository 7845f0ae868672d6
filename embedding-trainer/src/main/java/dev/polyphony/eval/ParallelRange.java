package dev.polyphony.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs {@code body(state, i)} for every {@code i} in {@code [0, count)} on a fixed number of threads, each
 * with its own state (scratch buffers). Indexes are handed out in chunks; work on one index must not
 * depend on another, and results go to slots indexed by {@code i}, so the outcome does not depend on the
 * number of threads or their scheduling.
 */
final class ParallelRange {
  private static final int CHUNK = 16;

  /** The work on one index with the calling thread's state. */
  interface Body<S> {
    void run(S state, int index);
  }

  private ParallelRange() {}

  static <S> void run(int count, int threads, Supplier<S> state, Body<S> body) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    int workers = Math.min(threads, Math.max(1, (count + CHUNK - 1) / CHUNK));
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      S s = state.get();
      for (int start = next.getAndAdd(CHUNK); start < count; start = next.getAndAdd(CHUNK)) {
        for (int i = start, end = Math.min(count, start + CHUNK); i < end; i++) {
          body.run(s, i);
        }
      }
    };
    if (workers == 1) {
      worker.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "polyphony-eval");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>(workers);
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
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
      pool.shutdownNow();
    }
  }
}
