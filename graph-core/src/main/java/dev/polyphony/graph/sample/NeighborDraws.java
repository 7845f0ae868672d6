package dev.polyphony.graph.sample;

import java.util.Arrays;

/**
 * Draws positions {@code 0..d-1} of one adjacency row, uniformly or in proportion to weights, with or
 * without replacement. One instance per thread: it owns the random stream and reusable scratch, so the hot
 * loop allocates nothing once the scratch has grown to the largest fan-out.
 *
 * <p>Weights are given as row-relative cumulative sums {@code cum[base + p] = w_0 + ... + w_p}, so a draw
 * with replacement is one binary search (O(log d)).
 *
 * <p>Without replacement:
 * <ul>
 *   <li>uniform, {@code d <= 2k}: partial Fisher-Yates over an index array, O(d);
 *   <li>uniform, {@code d > 2k}: Floyd's algorithm (Bentley and Floyd, "A sample of brilliance",
 *       CACM 30(9), 1987), O(k) expected, independent of d;
 *   <li>weighted: draws with replacement, rejecting repeats, until k distinct positions or 2k+8 attempts
 *       (the successive-sampling law: each pick is proportional to weight among those not yet picked); if
 *       the attempts run out (a few heavy neighbours) the remaining picks come from the Efraimidis-Spirakis
 *       A-Res keys {@code Exp(1)/w} over the positions not yet picked ("Weighted random sampling with a
 *       reservoir", IPL 97(5), 2006), whose law is the same successive sampling, so switching mid-way
 *       keeps the distribution exact.
 * </ul>
 * Callers handle rows with {@code d <= k} without replacement (take every neighbour) themselves.
 */
final class NeighborDraws {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;
  private int[] indices = new int[16];
  private final StampedIntSet picked = new StampedIntSet();
  private double[] heapKeys = new double[16];
  private int[] heapPositions = new int[16];

  /** Restarts the random stream at {@code seed}. */
  void reseed(long seed) {
    state = seed;
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return SeedDerivation.mix(state);
  }

  /** Uniform in {@code [0, bound)} by Lemire's multiply-shift with rejection (exact, rarely divides). */
  int nextInt(int bound) {
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Uniform in {@code [0, 1)} with 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Writes {@code k} uniform positions of {@code [0, d)}, repeats allowed; requires {@code d > 0}. */
  int uniformWithReplacement(int d, int k, int[] out) {
    for (int i = 0; i < k; i++) {
      out[i] = nextInt(d);
    }
    return k;
  }

  /** Writes {@code k} distinct uniform positions of {@code [0, d)}; requires {@code 0 < k < d}. */
  int uniformWithoutReplacement(int d, int k, int[] out) {
    if (d <= 2 * k) {
      if (indices.length < d) {
        indices = new int[Math.max(d, 2 * indices.length)];
      }
      int[] idx = indices;
      for (int i = 0; i < d; i++) {
        idx[i] = i;
      }
      for (int i = 0; i < k; i++) {
        int j = i + nextInt(d - i);
        int t = idx[j];
        idx[j] = idx[i];
        idx[i] = t;
        out[i] = t;
      }
      return k;
    }
    picked.reset(k);
    int n = 0;
    for (int j = d - k; j < d; j++) {
      int t = nextInt(j + 1);
      if (!picked.add(t)) {
        // j is larger than every earlier pick, so it is new.
        picked.add(j);
        t = j;
      }
      out[n++] = t;
    }
    return n;
  }

  /**
   * Writes {@code k} positions drawn in proportion to their weights, repeats allowed; none when the row's
   * total weight is 0.
   */
  int weightedWithReplacement(double[] cum, int base, int d, int k, int[] out) {
    double total = cum[base + d - 1];
    if (!(total > 0)) {
      return 0;
    }
    for (int i = 0; i < k; i++) {
      out[i] = drawWeighted(cum, base, d, total);
    }
    return k;
  }

  /**
   * Writes up to {@code k} distinct positions by successive weighted sampling; fewer when the row has fewer
   * than {@code k} positive weights. Requires {@code 0 < k < d}.
   */
  int weightedWithoutReplacement(double[] cum, int base, int d, int k, int[] out) {
    double total = cum[base + d - 1];
    if (!(total > 0)) {
      return 0;
    }
    picked.reset(k);
    int n = 0;
    int attempts = 0;
    int maxAttempts = 2 * k + 8;
    while (n < k && attempts < maxAttempts) {
      int p = drawWeighted(cum, base, d, total);
      attempts++;
      if (picked.add(p)) {
        out[n++] = p;
      }
    }
    return n < k ? completeByReservoirKeys(cum, base, d, k, n, out) : n;
  }

  /** Weight of position {@code p} of a row given by cumulative sums. */
  static double weightAt(double[] cum, int base, int p) {
    return p == 0 ? cum[base] : cum[base + p] - cum[base + p - 1];
  }

  /** First position whose cumulative weight exceeds a uniform point of {@code [0, total)}. */
  private int drawWeighted(double[] cum, int base, int d, double total) {
    // Rounding may lift u * total to total itself; keep the point strictly inside so a position exists.
    double r = Math.min(nextDouble() * total, Math.nextDown(total));
    int lo = 0;
    int hi = d - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[base + mid] > r) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Adds the {@code k - n} positions with the smallest keys {@code Exp(1) / w} among positive-weight
   * positions not yet picked, using a max-heap of the current best keys.
   */
  private int completeByReservoirKeys(double[] cum, int base, int d, int k, int n, int[] out) {
    int m = k - n;
    if (heapKeys.length < m) {
      heapKeys = new double[Math.max(m, 2 * heapKeys.length)];
      heapPositions = new int[heapKeys.length];
    }
    int size = 0;
    for (int p = 0; p < d; p++) {
      double w = weightAt(cum, base, p);
      if (!(w > 0) || picked.contains(p)) {
        continue;
      }
      double key = -Math.log(1.0 - nextDouble()) / w;
      if (size < m) {
        siftUp(key, p, size++);
      } else if (key < heapKeys[0]) {
        siftDown(key, p, size);
      }
    }
    System.arraycopy(heapPositions, 0, out, n, size);
    return n + size;
  }

  private void siftUp(double key, int position, int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heapKeys[parent] >= key) {
        break;
      }
      heapKeys[i] = heapKeys[parent];
      heapPositions[i] = heapPositions[parent];
      i = parent;
    }
    heapKeys[i] = key;
    heapPositions[i] = position;
  }

  /** Replaces the root (largest key) by {@code key} and restores the max-heap. */
  private void siftDown(double key, int position, int size) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && heapKeys[child + 1] > heapKeys[child]) {
        child++;
      }
      if (heapKeys[child] <= key) {
        break;
      }
      heapKeys[i] = heapKeys[child];
      heapPositions[i] = heapPositions[child];
      i = child;
    }
    heapKeys[i] = key;
    heapPositions[i] = position;
  }

  /**
   * An open-addressing set of ints cleared in O(1) by bumping a stamp, so sets of k picks per row cost
   * nothing to reset.
   */
  private static final class StampedIntSet {
    private int[] keys = new int[64];
    private int[] stamps = new int[64];
    private int mask = 63;
    private int shift = 32 - 6;
    private int stamp;

    /** Empties the set and makes room for {@code expected} elements at load factor at most 1/2. */
    void reset(int expected) {
      if (2 * expected > keys.length) {
        int capacity = Integer.highestOneBit(4 * expected - 1);
        keys = new int[capacity];
        stamps = new int[capacity];
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        stamp = 0;
      }
      if (++stamp == 0) {
        Arrays.fill(stamps, 0);
        stamp = 1;
      }
    }

    /** Adds {@code x}; false when it was already present. */
    boolean add(int x) {
      int i = slot(x);
      while (stamps[i] == stamp) {
        if (keys[i] == x) {
          return false;
        }
        i = (i + 1) & mask;
      }
      stamps[i] = stamp;
      keys[i] = x;
      return true;
    }

    boolean contains(int x) {
      int i = slot(x);
      while (stamps[i] == stamp) {
        if (keys[i] == x) {
          return true;
        }
        i = (i + 1) & mask;
      }
      return false;
    }

    private int slot(int x) {
      // Fibonacci hashing: the top bits of the product spread consecutive positions apart.
      return (x * 0x9E3779B9) >>> shift;
    }
  }
}
