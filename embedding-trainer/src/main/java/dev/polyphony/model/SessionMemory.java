package dev.polyphony.model;

import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;

/**
 * Keeps the native memory of SameDiff's execution sessions bounded over many batches.
 *
 * <p>Two mechanisms of ND4J 1.0.0-M2.1 would otherwise let a training process grow without end:
 * <ul>
 *   <li>By default a session keeps released intermediate arrays for reuse up to 90% of the machine's memory.
 *       Batches of sampled neighbourhoods change shape every step, so cached arrays are seldom reused. A session
 *       bounded to 1% of memory ({@link #bound}) closes the arrays it cannot keep.
 *   <li>ND4J returns an array's off-heap buffer only when its Java object is collected, and a session drops
 *       hundreds of arrays per step without closing them (op contexts, intermediate outputs). Their Java
 *       objects are tiny and survive into the old generation, which the collector visits rarely: with the
 *       default job on Spotify songs the process grew by about 30 MB per step, 6.7 GB over three epochs. A
 *       full collection every 40 steps held it at 2.0 GB over the same three epochs, and the epochs ran
 *       faster (19-20 s against 34 s), as fewer fresh pages are touched; with one every
 *       {@value #COLLECT_EVERY} batches ({@link #batchDone}) the full demo, five models in one process,
 *       peaks at 3.5 GB.
 * </ul>
 */
public final class SessionMemory {
  private static final double CACHE_FRACTION = 0.01;
  /** Batches between two full collections. */
  static final int COLLECT_EVERY = 32;
  private static final AtomicLong BATCHES = new AtomicLong();

  private SessionMemory() {}

  /** Gives the calling thread's session of {@code sd} (and of its gradient function, if built) a bounded cache. */
  public static void bound(SameDiff sd) {
    boundOne(sd);
    if (sd.hasGradientFunction()) {
      boundOne(sd.getFunction("grad"));
    }
  }

  /**
   * Counts one finished batch (a training step or an inference batch) and runs a full collection every
   * {@value #COLLECT_EVERY}th, so the native buffers of arrays the sessions dropped are freed.
   */
  public static void batchDone() {
    if (BATCHES.incrementAndGet() % COLLECT_EVERY == 0) {
      System.gc();
    }
  }

  private static void boundOne(SameDiff sd) {
    long thread = Thread.currentThread().getId();
    InferenceSession session = sd.getSessions().computeIfAbsent(thread, t -> new InferenceSession(sd));
    if (!(session.getMmgr() instanceof ArrayCacheMemoryMgr cache && cache.getMaxMemFrac() == CACHE_FRACTION)) {
      session.setMmgr(new ArrayCacheMemoryMgr(CACHE_FRACTION, 1024, 2.0));
    }
  }
}
