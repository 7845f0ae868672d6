package dev.polyphony.graph.sample;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.Int2IntMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Counts how often walks with restarts from a query node visit nodes of a target type: the Monte
 * Carlo estimate of personalised PageRank that PinSage uses for importance neighbourhoods and hard
 * negatives. The query itself is never counted, nor is any walk's start position. Reusable, not
 * thread-safe: one counter per thread.
 */
final class VisitCounter {
  private final RandomWalker walker;
  private final WalkConfig walks;
  private final int targetType;
  private final boolean targetIsStartType;
  private final Int2IntOpenHashMap counts = new Int2IntOpenHashMap();
  private final IntArrayList nodes;
  private final ByteArrayList types;

  VisitCounter(RandomWalker walker, WalkConfig walks, int targetType) {
    this.walker = walker;
    this.walks = walks;
    this.targetType = targetType;
    this.targetIsStartType = walker.graph().schema().indexOf(walker.startType()) == targetType;
    this.nodes = new IntArrayList(walks.walkLength() + 1);
    this.types = new ByteArrayList(walks.walkLength() + 1);
  }

  /** Runs the walks from {@code query} and returns the number of distinct target nodes visited. */
  int count(int query) {
    counts.clear();
    for (int i = 0; i < walks.walksPerNode(); i++) {
      nodes.clear();
      types.clear();
      int length = walker.walkInto(query, i, walks, nodes, types);
      for (int pos = 1; pos < length; pos++) {
        int node = nodes.getInt(pos);
        if (types.getByte(pos) == targetType && !(targetIsStartType && node == query)) {
          counts.addTo(node, 1);
        }
      }
    }
    return counts.size();
  }

  /**
   * Writes up to {@code limit} visited nodes of the last {@link #count}, most visited first with ties by
   * ascending id, into {@code outNodes} and {@code outCounts}; returns how many were written.
   */
  int ranked(int limit, int[] outNodes, int[] outCounts) {
    long[] keys = new long[counts.size()];
    int k = 0;
    for (Int2IntMap.Entry e : counts.int2IntEntrySet()) {
      keys[k++] = rankKey(e.getIntKey(), e.getIntValue());
    }
    return writeRanked(keys, limit, outNodes, outCounts);
  }

  /** Sort key ordering by count descending, then node id ascending (counts >= 1, ids >= 0). */
  static long rankKey(int node, int count) {
    return ((long) (Integer.MAX_VALUE - count) << 32) | node;
  }

  /** Sorts {@code keys} made by {@link #rankKey} and decodes the first {@code limit} of them. */
  static int writeRanked(long[] keys, int limit, int[] outNodes, int[] outCounts) {
    Arrays.sort(keys);
    int n = Math.min(limit, keys.length);
    for (int i = 0; i < n; i++) {
      outNodes[i] = (int) keys[i];
      if (outCounts != null) {
        outCounts[i] = Integer.MAX_VALUE - (int) (keys[i] >>> 32);
      }
    }
    return n;
  }
}
