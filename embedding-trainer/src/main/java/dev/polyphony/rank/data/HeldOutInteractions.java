package dev.polyphony.rank.data;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.sample.AliasTable;
import dev.polyphony.graph.sample.SeedDerivation;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The two random steps of building ranking impressions from query -> item interactions: holding out a share
 * of every query's items as its future, and drawing exploration items by popularity.
 */
final class HeldOutInteractions {
  /** Exploration gives up after this many draws per wanted item. */
  static final int EXPLORATION_ATTEMPTS = 20;

  private HeldOutInteractions() {}

  /**
   * Per edge of {@code interactions}, whether it is held out: of every row (query) with at least
   * {@code minItems} edges, {@code max(1, round(fraction * degree))} edges chosen by a Fisher-Yates shuffle
   * seeded by {@code derive(seed, row)}. Rows with fewer edges are not evaluated and keep all of theirs.
   *
   * @param evaluated set per row to whether it has held-out edges ({@code rowCount} entries)
   */
  static boolean[] select(CsrAdjacency interactions, int minItems, double fraction, long seed, boolean[] evaluated) {
    boolean[] heldOut = new boolean[interactions.edgeCount()];
    for (int u = 0; u < interactions.rowCount(); u++) {
      int degree = interactions.degree(u);
      if (degree < minItems) {
        continue;
      }
      evaluated[u] = true;
      int[] positions = new int[degree];
      for (int i = 0; i < degree; i++) {
        positions[i] = interactions.start(u) + i;
      }
      SplittableRandom r = new SplittableRandom(SeedDerivation.derive(seed, u));
      for (int i = degree - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = positions[i];
        positions[i] = positions[j];
        positions[j] = t;
      }
      int hold = Math.max(1, (int) Math.round(fraction * degree));
      for (int i = 0; i < hold; i++) {
        heldOut[positions[i]] = true;
      }
    }
    return heldOut;
  }

  /**
   * Draws up to {@code count} items from {@code popularity} that are neither {@code shown} nor in
   * {@code training}, marking them shown; gives up after {@value #EXPLORATION_ATTEMPTS} draws per wanted item.
   *
   * @return the number drawn
   */
  static int explore(AliasTable popularity, SplittableRandom random, int count, BitSet shown,
      IntOpenHashSet training) {
    int drawn = 0;
    for (int attempt = 0; drawn < count && attempt < EXPLORATION_ATTEMPTS * count; attempt++) {
      int a = popularity.sample(random);
      if (!shown.get(a) && !training.contains(a)) {
        shown.set(a);
        drawn++;
      }
    }
    return drawn;
  }
}
