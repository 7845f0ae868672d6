package dev.polyphony.rank.sequence;

import dev.polyphony.graph.CsrAdjacency;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every user's engagement events in time order, and their multi-scale summary before a moment: the mean item
 * embedding of the last {@code lastEvents} events, of the events of the last {@code recentDays} days and of all
 * events, each strictly before the moment (so an impression never sees its own or later engagement), and
 * {@code ln(1 + count)} of each window. An empty window pools to the zero vector. This is the sequence encoder of
 * the multi-scale behaviour network of Jin et al. (CIKM 2022) with mean pooling in place of its attention.
 */
public final class BehaviourSequences {
  private final int[] offsets;
  private final int[] items;
  private final long[] times;
  private final float[] embeddings;
  private final int dimension;
  private final SequenceWindows windows;

  private BehaviourSequences(int[] offsets, int[] items, long[] times, float[] embeddings, int dimension,
      SequenceWindows windows) {
    this.offsets = offsets;
    this.items = items;
    this.times = times;
    this.embeddings = embeddings;
    this.dimension = dimension;
    this.windows = windows;
  }

  /**
   * The sequences of a timestamped user-to-item relation.
   *
   * @param userItems rows are users, targets items, with timestamps (epoch milliseconds)
   * @param itemEmbeddings {@code items x dimension}, row-major, one row per target of {@code userItems}
   * @throws IllegalArgumentException when the relation has no timestamps or the embeddings do not cover its items
   */
  public static BehaviourSequences of(CsrAdjacency userItems, float[] itemEmbeddings, int dimension,
      SequenceWindows windows) {
    Objects.requireNonNull(windows, "windows");
    if (!userItems.hasTimestamps()) {
      throw new IllegalArgumentException("behaviour sequences need a relation with timestamps");
    }
    if (dimension <= 0 || itemEmbeddings.length != (long) userItems.targetCount() * dimension) {
      throw new IllegalArgumentException("expected " + userItems.targetCount() + " x " + dimension
          + " item embedding values (got " + itemEmbeddings.length + ")");
    }
    int users = userItems.rowCount();
    int[] offsets = new int[users + 1];
    int[] items = new int[(int) userItems.edgeCount()];
    long[] times = new long[items.length];
    for (int u = 0; u < users; u++) {
      int start = userItems.start(u);
      int n = userItems.end(u) - start;
      offsets[u + 1] = offsets[u] + n;
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = start + i;
      }
      // Time order; equal times keep item order, so the sequence is deterministic.
      IntArrays.mergeSort(order, (a, b) -> Long.compare(userItems.timestamp(a), userItems.timestamp(b)));
      for (int i = 0; i < n; i++) {
        items[offsets[u] + i] = userItems.target(order[i]);
        times[offsets[u] + i] = userItems.timestamp(order[i]);
      }
    }
    return new BehaviourSequences(offsets, items, times, itemEmbeddings.clone(), dimension, windows);
  }

  public int users() {
    return offsets.length - 1;
  }

  /** Summary features per impression: three pooled embeddings and three counts. */
  public int featureCount() {
    return 3 * dimension + 3;
  }

  /** {@code seq_last_0.., seq_recent_0.., seq_all_0.., seq_last_count, seq_recent_count, seq_all_count}. */
  public List<String> featureNames() {
    List<String> names = new ArrayList<>();
    for (String window : List.of("last", "recent", "all")) {
      for (int i = 0; i < dimension; i++) {
        names.add("seq_" + window + "_" + i);
      }
    }
    names.addAll(List.of("seq_last_count", "seq_recent_count", "seq_all_count"));
    return names;
  }

  /** Writes the summary of {@code user}'s events strictly before {@code time} to {@code out} from {@code offset}. */
  public void summarise(int user, long time, float[] out, int offset) {
    if (user < 0 || user >= users()) {
      throw new IllegalArgumentException("user must be in [0, " + users() + ") (got " + user + ")");
    }
    int start = offsets[user];
    int end = firstAtOrAfter(start, offsets[user + 1], time);
    int lastStart = Math.max(start, end - windows.lastEvents());
    int recentStart = firstAtOrAfter(start, end, time - windows.recentDays() * SequenceWindows.DAY_MILLIS);
    pool(lastStart, end, out, offset);
    pool(recentStart, end, out, offset + dimension);
    pool(start, end, out, offset + 2 * dimension);
    out[offset + 3 * dimension] = (float) Math.log1p(end - lastStart);
    out[offset + 3 * dimension + 1] = (float) Math.log1p(end - recentStart);
    out[offset + 3 * dimension + 2] = (float) Math.log1p(end - start);
  }

  private int firstAtOrAfter(int from, int to, long time) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void pool(int from, int to, float[] out, int offset) {
    for (int i = 0; i < dimension; i++) {
      out[offset + i] = 0;
    }
    if (to <= from) {
      return;
    }
    for (int e = from; e < to; e++) {
      int base = items[e] * dimension;
      for (int i = 0; i < dimension; i++) {
        out[offset + i] += embeddings[base + i];
      }
    }
    float n = to - from;
    for (int i = 0; i < dimension; i++) {
      out[offset + i] /= n;
    }
  }
}
