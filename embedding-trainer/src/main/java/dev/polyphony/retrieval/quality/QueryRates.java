package dev.polyphony.retrieval.quality;

/**
 * Queries per second of one index, answered one after another on one thread and concurrently on
 * {@code threads} threads.
 *
 * @param oneThread queries per second from one thread
 * @param allThreads queries per second from {@code threads} threads together
 * @param threads threads of the concurrent measurement
 */
public record QueryRates(double oneThread, double allThreads, int threads) {
  public QueryRates {
    if (!(oneThread > 0) || !(allThreads > 0)) {
      throw new IllegalArgumentException("rates must be > 0 (got " + oneThread + ", " + allThreads + ")");
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0 (got " + threads + ")");
    }
  }
}
