package dev.polyphony.graph.sample;

import dev.polyphony.graph.NodeType;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Produces the batches of one epoch on worker threads and hands them to one consumer in batch order.
 *
 * <p>The epoch visits the seeds in a fixed order ({@link #epochOrder}: shuffled by the run seed and the
 * epoch, or as given) cut into consecutive batches; batch {@code i} is sampled with
 * {@link #batchSeed}{@code (runSeed, epoch, i)}. Workers claim batches in index order and may run at most
 * {@code prefetch} batches ahead of the consumer, so memory stays bounded. Because every batch's input and
 * seed are fixed by its index, the consumer sees the same sequence whatever the number of threads.
 *
 * <p>Contract: {@link #next()} blocks until the next batch is ready and returns {@code null} at the end of
 * the epoch or after {@link #close()}. If the batch function throws, the batches before the failing one
 * are still delivered in order, then {@link #next()} throws {@link BatchFailedException} carrying the
 * cause (and keeps throwing); no worker starts a new batch after a failure. {@link #close()} stops and
 * interrupts the workers (a batch being sampled is finished or abandoned, and dropped) and waits for them;
 * it is idempotent and also releases a consumer waiting in {@link #next()} on another thread. An
 * interrupt of the consumer while it waits closes the pipeline and raises {@link CancellationException}.
 * Use from one consumer thread.
 */
public final class SamplingPipeline<T> implements AutoCloseable {

  /** Turns the seeds of one batch into its sample; called concurrently from the worker threads. */
  @FunctionalInterface
  public interface BatchFunction<T> {
    T apply(int[] seeds, long batchSeed);
  }

  /** A batch function failed; {@link #getCause()} is what it threw. */
  public static final class BatchFailedException extends RuntimeException {
    private final int epoch;
    private final int batch;

    BatchFailedException(int epoch, int batch, Throwable cause) {
      super("sampling batch " + batch + " of epoch " + epoch + " failed: " + cause, cause);
      this.epoch = epoch;
      this.batch = batch;
    }

    public int epoch() {
      return epoch;
    }

    public int batch() {
      return batch;
    }
  }

  private final BatchFunction<T> function;
  private final SamplingPipelineConfig config;
  private final int epoch;
  private final int[] order;
  private final int batchCount;
  private final SampledBatch<T>[] slots;
  private final Thread[] workers;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition batchReady = lock.newCondition();
  private final Condition slotFree = lock.newCondition();
  private int claimed;
  private int delivered;
  private boolean closed;
  private Throwable failure;
  private int failedBatch = Integer.MAX_VALUE;

  @SuppressWarnings("unchecked")
  private SamplingPipeline(BatchFunction<T> function, int[] seeds, int epoch, SamplingPipelineConfig config) {
    this.function = Objects.requireNonNull(function, "function");
    this.config = Objects.requireNonNull(config, "config");
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0 (got " + epoch + ")");
    }
    this.epoch = epoch;
    this.order = epochOrder(seeds, config.seed(), epoch, config.shuffle());
    int n = order.length;
    this.batchCount = config.dropLast() ? n / config.batchSize() : (n + config.batchSize() - 1) / config.batchSize();
    this.slots = (SampledBatch<T>[]) new SampledBatch<?>[config.prefetch()];
    this.workers = new Thread[Math.min(config.threads(), Math.max(1, batchCount))];
  }

  /** Starts the workers of one epoch over {@code seeds} with any batch function. */
  public static <T> SamplingPipeline<T> start(BatchFunction<T> function, int[] seeds, int epoch,
      SamplingPipelineConfig config) {
    SamplingPipeline<T> pipeline = new SamplingPipeline<>(function, seeds, epoch, config);
    pipeline.startWorkers();
    return pipeline;
  }

  /**
   * Starts the workers of one epoch that sample the neighbourhoods of {@code seeds} (dense ids of
   * {@code seedType}) with {@code sampler}.
   *
   * @throws IllegalArgumentException when a seed is outside the node type's id range
   */
  public static SamplingPipeline<SampledBlocks> neighbors(NeighborSampler sampler, NodeType seedType, int[] seeds,
      int epoch, SamplingPipelineConfig config) {
    int range = sampler.graph().nodeCount(seedType);
    for (int i = 0; i < seeds.length; i++) {
      if (seeds[i] < 0 || seeds[i] >= range) {
        throw new IllegalArgumentException("seed " + seeds[i] + " at position " + i + " is outside [0, " + range
            + ") for node type '" + seedType + "'");
      }
    }
    return start((batch, batchSeed) -> sampler.sample(seedType, batch, batchSeed), seeds, epoch, config);
  }

  /** The seed of batch {@code batch} of epoch {@code epoch} under run seed {@code runSeed}. */
  public static long batchSeed(long runSeed, int epoch, int batch) {
    return SeedDerivation.derive(runSeed, epoch, batch);
  }

  /**
   * The order in which an epoch visits {@code seeds}: a Fisher-Yates shuffle seeded by
   * ({@code runSeed}, {@code epoch}) or, without shuffling, a copy.
   */
  public static int[] epochOrder(int[] seeds, long runSeed, int epoch, boolean shuffle) {
    int[] order = seeds.clone();
    if (shuffle) {
      // Stream -1 keeps the order's randomness apart from every batch seed (batch indexes are >= 0).
      SplittableRandom random = new SplittableRandom(SeedDerivation.derive(runSeed, epoch, -1));
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  public int epoch() {
    return epoch;
  }

  /** Number of batches in this epoch. */
  public int batchCount() {
    return batchCount;
  }

  /** True while batches remain to be delivered (a pending failure counts: {@link #next()} will throw). */
  public boolean hasNext() {
    lock.lock();
    try {
      return !closed && delivered < batchCount;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next batch in order, waiting for it when needed; {@code null} at the end of the epoch or once
   * closed.
   *
   * @throws BatchFailedException when the batch function failed on this batch
   * @throws CancellationException when interrupted while waiting (the pipeline is then closed)
   */
  public SampledBatch<T> next() {
    int waitingFor;
    lock.lock();
    try {
      while (true) {
        if (closed || delivered >= batchCount) {
          return null;
        }
        int slot = delivered % slots.length;
        SampledBatch<T> batch = slots[slot];
        if (batch != null && batch.index() == delivered) {
          slots[slot] = null;
          delivered++;
          slotFree.signalAll();
          return batch;
        }
        if (failure != null && failedBatch <= delivered) {
          throw new BatchFailedException(epoch, failedBatch, failure);
        }
        batchReady.await();
      }
    } catch (InterruptedException e) {
      waitingFor = delivered;
    } finally {
      lock.unlock();
    }
    // Closing joins the workers, which need the lock: only after releasing it.
    Thread.currentThread().interrupt();
    close();
    throw new CancellationException("interrupted while waiting for batch " + waitingFor + " of epoch " + epoch);
  }

  /** Stops and interrupts the workers and waits for them to end; batches not yet delivered are dropped. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      Arrays.fill(slots, null);
      batchReady.signalAll();
      slotFree.signalAll();
    } finally {
      lock.unlock();
    }
    // Interrupt so a batch function blocked in I/O or a wait ends; CPU-bound sampling just finishes its batch.
    for (Thread worker : workers) {
      if (worker != null && worker != Thread.currentThread()) {
        worker.interrupt();
      }
    }
    boolean interrupted = false;
    for (Thread worker : workers) {
      if (worker == null || worker == Thread.currentThread()) {
        continue;
      }
      while (true) {
        try {
          worker.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void startWorkers() {
    for (int w = 0; w < workers.length; w++) {
      Thread worker = new Thread(this::work, "polyphony-sampling-e" + epoch + "-w" + w);
      worker.setDaemon(true);
      workers[w] = worker;
    }
    for (Thread worker : workers) {
      worker.start();
    }
  }

  private void work() {
    while (true) {
      int index;
      lock.lock();
      try {
        while (!stopping() && claimed < batchCount && claimed >= delivered + slots.length) {
          slotFree.await();
        }
        if (stopping() || claimed >= batchCount) {
          return;
        }
        index = claimed++;
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      SampledBatch<T> batch;
      try {
        batch = produce(index);
      } catch (Throwable t) {
        fail(index, t);
        return;
      }
      lock.lock();
      try {
        if (!closed) {
          slots[index % slots.length] = batch;
          batchReady.signalAll();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private SampledBatch<T> produce(int index) {
    int from = index * config.batchSize();
    int[] seeds = Arrays.copyOfRange(order, from, Math.min(order.length, from + config.batchSize()));
    long seed = batchSeed(config.seed(), epoch, index);
    return new SampledBatch<>(epoch, index, seed, seeds, function.apply(seeds, seed));
  }

  /** Records the failure of the lowest-numbered failing batch, so the consumer's view is deterministic. */
  private void fail(int index, Throwable t) {
    lock.lock();
    try {
      if (index < failedBatch) {
        failure = t;
        failedBatch = index;
      }
      batchReady.signalAll();
      slotFree.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean stopping() {
    return closed || failure != null;
  }
}
