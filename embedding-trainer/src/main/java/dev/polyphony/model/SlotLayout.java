package dev.polyphony.model;

import java.util.Arrays;

/**
 * Where the rows of a {@link ComputationTree} sit when fed to the {@link SageEncoder}: under every parent row a
 * block has the same number of slots (the most children any parent row of that block has in this tree), its
 * children first and padding after, so a block's rows reshape to {@code [parent rows, slots, width]} and
 * aggregating children into parents is a reduction over the slot axis. Padding parent rows have only padding
 * slots. The root has one row per seed, padded to {@link SageEncoder#bucketRows(int)} so that the shapes the
 * encoder reduces repeat from batch to batch.
 *
 * <p>Cost: a block has at most {@code parent rows x fan-out} rows, so feeding it is linear in the sample
 * (a dense aggregation matrix would be parent rows x child rows).
 */
final class SlotLayout {
  /** Most rows of one block (2^21: 1 GiB of a 128-wide float layer). */
  static final int MAX_ROWS = 1 << 21;

  private final int[] rows;
  private final int[] slots;
  private final int[][] rowOfTreeRow;

  private SlotLayout(int[] rows, int[] slots, int[][] rowOfTreeRow) {
    this.rows = rows;
    this.slots = slots;
    this.rowOfTreeRow = rowOfTreeRow;
  }

  /**
   * The layout of {@code tree}.
   *
   * @throws IllegalArgumentException when a block would exceed {@link #MAX_ROWS} rows
   */
  static SlotLayout of(ComputationTree tree) {
    TreePlan plan = tree.plan();
    int blocks = plan.blocks().size();
    int[] rows = new int[blocks];
    int[] slots = new int[blocks];
    int[][] rowOf = new int[blocks][];
    for (TreePlan.Spec s : plan.blocks()) {
      int b = s.index();
      int treeRows = tree.rows(b);
      rowOf[b] = new int[treeRows];
      if (s.isRoot()) {
        rows[b] = SageEncoder.bucketRows(treeRows);
        Arrays.setAll(rowOf[b], i -> i);
        continue;
      }
      int p = s.parent();
      if (p >= b) {
        throw new IllegalStateException("block " + b + " comes before its parent block " + p);
      }
      int[] parentOf = tree.parentRowsOf(b);
      int most = 1;
      for (int from = 0, to; from < treeRows; from = to) {
        to = runEnd(parentOf, from);
        most = Math.max(most, to - from);
      }
      long total = (long) rows[p] * most;
      if (total > MAX_ROWS) {
        throw new IllegalArgumentException("block " + b + " (" + s.relationKey() + ") needs " + rows[p] + " x "
            + most + " = " + total + " rows, more than " + MAX_ROWS + "; use a smaller batch size or smaller"
            + " fan-outs (no 'all')");
      }
      rows[b] = (int) total;
      slots[b] = most;
      for (int from = 0, to; from < treeRows; from = to) {
        to = runEnd(parentOf, from);
        int first = rowOf[p][parentOf[from]] * most;
        for (int i = from; i < to; i++) {
          rowOf[b][i] = first + i - from;
        }
      }
    }
    return new SlotLayout(rows, slots, rowOf);
  }

  /** End of the run of rows with the parent of row {@code from} (rows are grouped by parent). */
  private static int runEnd(int[] parentOf, int from) {
    int to = from + 1;
    while (to < parentOf.length && parentOf[to] == parentOf[from]) {
      to++;
    }
    return to;
  }

  /** Rows block {@code b} is fed with, padding included. */
  int rows(int b) {
    return rows[b];
  }

  /** Slots under each parent row of non-root block {@code b}. */
  int slots(int b) {
    return slots[b];
  }

  /** The fed row of every tree row of block {@code b}, in tree-row order. */
  int[] rowsOf(int b) {
    return rowOfTreeRow[b];
  }

  /** The number of children of each fed row's parent, per fed row of non-root block {@code b} (0: padding). */
  int[] siblingCounts(int b, ComputationTree tree) {
    int[] counts = new int[rows[b]];
    int[] parentOf = tree.parentRowsOf(b);
    for (int from = 0, to; from < parentOf.length; from = to) {
      to = runEnd(parentOf, from);
      for (int i = from; i < to; i++) {
        counts[rowOfTreeRow[b][i]] = to - from;
      }
    }
    return counts;
  }
}
