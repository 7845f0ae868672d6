package dev.polyphony.model;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;

/**
 * Bounds the array cache of SameDiff's execution sessions.
 *
 * <p>By default a session keeps released intermediate arrays for reuse up to 90% of the machine's memory.
 * Batches of sampled neighbourhoods change shape every step, so cached arrays are seldom reused and the
 * process grows until the native allocator refuses. A session bounded to 1% of memory closes the arrays it
 * cannot keep.
 */
public final class SessionMemory {
  private static final double CACHE_FRACTION = 0.01;

  private SessionMemory() {}

  /** Gives the calling thread's session of {@code sd} (and of its gradient function, if built) a bounded cache. */
  public static void bound(SameDiff sd) {
    boundOne(sd);
    if (sd.hasGradientFunction()) {
      boundOne(sd.getFunction("grad"));
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
