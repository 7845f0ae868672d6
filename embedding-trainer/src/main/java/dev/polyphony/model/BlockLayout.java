package dev.polyphony.model;

import java.util.Arrays;

/**
 * Where the rows of a {@link ComputationTree} sit when fed to the {@link SageEncoder}, and how each block's rows
 * are aggregated into its parent block's. A block is one of:
 * <ul>
 *   <li><b>compact</b>: the tree rows in order, then padding up to {@link SageEncoder#bucketRows(int)}; the
 *       encoder aggregates by a product with a dense {@code parent rows x rows} matrix;</li>
 *   <li><b>slotted</b>: under every parent row the same number of slots (the most children any parent row of
 *       the block has in this tree), children first and padding after, so the rows reshape to
 *       {@code [parent rows, slots, width]} and the aggregate is a reduction over the slot axis.</li>
 * </ul>
 * The encoder decides per block once (see {@link SageEncoder}): a dense matrix costs parent rows x child rows,
 * fine under the seeds, whose count the batch bounds, but growing with the square of the sample deeper down;
 * slots cost rows linear in the sample, plus padding where sibling counts vary. The root has one row per
 * seed, padded to {@link SageEncoder#bucketRows(int)}, so the shapes the encoder reduces repeat from batch to
 * batch.
 */
final class BlockLayout {
  /** Most entries of a dense aggregation matrix (2^27: 512 MiB of floats). */
  static final long MAX_DENSE_ENTRIES = 1L << 27;
  /** Most rows of one slotted block (2^21: 1 GiB of a 128-wide float layer). */
  static final int MAX_ROWS = 1 << 21;

  private final int[] rows;
  private final int[] slots;
  private final int[][] rowOfTreeRow;

  private BlockLayout(int[] rows, int[] slots, int[][] rowOfTreeRow) {
    this.rows = rows;
    this.slots = slots;
    this.rowOfTreeRow = rowOfTreeRow;
  }

  /**
   * The layout of {@code tree} with the blocks {@code slotted[b]} slotted and the other non-root blocks compact.
   *
   * @throws IllegalArgumentException when a block would exceed {@link #MAX_ROWS} rows or its dense matrix
   *     {@link #MAX_DENSE_ENTRIES} entries
   */
  static BlockLayout of(ComputationTree tree, boolean[] slotted) {
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
      if (!slotted[b]) {
        rows[b] = SageEncoder.bucketRows(treeRows + 1);
        Arrays.setAll(rowOf[b], i -> i);
        long entries = (long) rows[p] * rows[b];
        if (entries > MAX_DENSE_ENTRIES) {
          throw tooLarge(s, rows[p] + " x " + rows[b] + " = " + entries + " matrix entries, more than "
              + MAX_DENSE_ENTRIES);
        }
        continue;
      }
      int[] parentOf = tree.parentRowsOf(b);
      int most = 1;
      for (int from = 0, to; from < treeRows; from = to) {
        to = runEnd(parentOf, from);
        most = Math.max(most, to - from);
      }
      long total = (long) rows[p] * most;
      if (total > MAX_ROWS) {
        throw tooLarge(s, rows[p] + " x " + most + " = " + total + " rows, more than " + MAX_ROWS);
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
    return new BlockLayout(rows, slots, rowOf);
  }

  private static IllegalArgumentException tooLarge(TreePlan.Spec s, String size) {
    return new IllegalArgumentException("block " + s.index() + " (" + s.relationKey() + ") of the sampled"
        + " neighbourhood needs " + size + "; use a smaller batch size or smaller fan-outs (no 'all')");
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

  /** Whether non-root block {@code b} is slotted (else compact). */
  boolean slotted(int b) {
    return slots[b] > 0;
  }

  /** Slots under each parent row of slotted block {@code b}. */
  int slots(int b) {
    return slots[b];
  }

  /** The fed row of every tree row of block {@code b}, in tree-row order. */
  int[] rowsOf(int b) {
    return rowOfTreeRow[b];
  }

  /**
   * Aggregation weights of non-root block {@code b} as a row-major matrix: for a compact block the dense
   * {@code [parent rows, rows]} matrix, for a slotted one a {@code [rows, 1]} column; the weight of a child is
   * {@code 1/siblings} for {@code mean} and 1 otherwise, padding weighs 0.
   */
  float[] weights(int b, ComputationTree tree, boolean mean) {
    int[] parentOf = tree.parentRowsOf(b);
    int parentRows = rows[tree.plan().block(b).parent()];
    int[] parentFed = rowOfTreeRow[tree.plan().block(b).parent()];
    boolean slotted = slotted(b);
    float[] w = slotted ? new float[rows[b]] : new float[parentRows * rows[b]];
    for (int from = 0, to; from < parentOf.length; from = to) {
      to = runEnd(parentOf, from);
      float weight = mean ? 1f / (to - from) : 1f;
      for (int i = from; i < to; i++) {
        int row = rowOfTreeRow[b][i];
        w[slotted ? row : parentFed[parentOf[from]] * rows[b] + row] = weight;
      }
    }
    return w;
  }
}
