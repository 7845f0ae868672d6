package dev.polyphony.model;

import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Weighting;

import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.SampledBlocks;
import dev.polyphony.graph.sample.SampledBlocks.Block;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The computation trees of one batch of seeds (GraphSAGE, Hamilton et al. 2017, Algorithm 2), unrolled from
 * deduplicated {@link SampledBlocks} along a {@link TreePlan}.
 *
 * <p>Every row of a block is one tree node: a local node id of the block's type (as in the sample) and the
 * row of its parent in the parent block. The children of a tree node are the neighbours the sampler drew
 * for that node, wherever it was first reached: a node first reached at hop {@code d} had its neighbours
 * drawn at hop {@code d + 1}. Rows of a child block are grouped by parent row, ascending.
 *
 * <p>Why trees rather than the deduplicated blocks: the encoder then aggregates children into parent rows
 * by matrix products, whose gradients SameDiff computes correctly, and gathers rows only from its input
 * features, which need no gradient.
 */
public final class ComputationTree {
  private final TreePlan plan;
  private final SampledBlocks sample;
  private final int[][] localIds;
  private final int[][] parentRows;

  private ComputationTree(TreePlan plan, SampledBlocks sample, int[][] localIds, int[][] parentRows) {
    this.plan = plan;
    this.sample = sample;
    this.localIds = localIds;
    this.parentRows = parentRows;
  }

  /**
   * Unrolls {@code sample} along {@code plan}.
   *
   * @throws IllegalArgumentException when the sample's seed type or hop count differs from the plan's
   */
  public static ComputationTree of(TreePlan plan, SampledBlocks sample) {
    return of(plan, sample, NeighborCut.NONE);
  }

  /**
   * Unrolls {@code sample} along {@code plan}, leaving out the first-hop neighbours {@code cut} names (with
   * their subtrees).
   *
   * @throws IllegalArgumentException when the sample's seed type or hop count differs from the plan's
   */
  public static ComputationTree of(TreePlan plan, SampledBlocks sample, NeighborCut cut) {
    return unroll(plan, sample, cut, null);
  }

  /**
   * Unrolls {@code sample}, drawn with {@code sampling}, along {@code plan}. Under
   * {@link Weighting#HASH} a tree node at level {@code l} keeps only the first {@code K} of its sampled
   * neighbours along each relation, {@code K} being hop {@code l + 1}'s fan-out: the sampler drew them in hash
   * order with the fan-out of the hop where the node was first reached, at least as large, so every tree node
   * gets its own level's hash sample whatever else the batch holds (the rule a layer-wise job reproduces).
   * Other modes unroll as {@link #of(TreePlan, SampledBlocks, NeighborCut)}.
   */
  public static ComputationTree of(TreePlan plan, SampledBlocks sample, NeighborCut cut,
      NeighborSamplerConfig sampling) {
    if (sampling.weighting() != Weighting.HASH) {
      return unroll(plan, sample, cut, null);
    }
    int[] limits = new int[plan.blocks().size()];
    for (TreePlan.Spec spec : plan.blocks()) {
      limits[spec.index()] = spec.isRoot() ? NeighborSamplerConfig.ALL
          : sampling.fanouts().get(spec.level() - 1).getOrDefault(spec.edgeType().relation(), 0);
    }
    return unroll(plan, sample, cut, limits);
  }

  private static ComputationTree unroll(TreePlan plan, SampledBlocks sample, NeighborCut cut, int[] limits) {
    if (!sample.seedType().equals(plan.seedType()) || sample.hops() != plan.levels()) {
      throw new IllegalArgumentException("sample of " + sample.hops() + " hops from '" + sample.seedType()
          + "' seeds does not fit the plan of " + plan.levels() + " levels from '" + plan.seedType() + "' seeds");
    }
    int hops = sample.hops();
    Map<NodeType, int[]> hopStarts = new HashMap<>();
    for (NodeType type : sample.nodeTypes()) {
      int[] starts = new int[hops + 2];
      for (int h = 0; h <= hops; h++) {
        starts[h + 1] = starts[h] + sample.numSampledNodes(h, type);
      }
      hopStarts.put(type, starts);
    }
    List<List<Block>> byHop = new java.util.ArrayList<>();
    for (int h = 1; h <= hops; h++) {
      byHop.add(sample.blocks(h));
    }
    List<TreePlan.Spec> specs = plan.blocks();
    int[][] localIds = new int[specs.size()][];
    int[][] parentRows = new int[specs.size()][];
    int seeds = sample.seedCount();
    localIds[0] = new int[seeds];
    for (int i = 0; i < seeds; i++) {
      localIds[0][i] = i;
    }
    IntArrayList ids = new IntArrayList();
    IntArrayList parents = new IntArrayList();
    for (int b = 1; b < specs.size(); b++) {
      TreePlan.Spec spec = specs.get(b);
      TreePlan.Spec parentSpec = specs.get(spec.parent());
      int[] parentIds = localIds[spec.parent()];
      int[] starts = hopStarts.get(parentSpec.type());
      Block[] blockOfHop = new Block[hops + 1];
      for (int h = 1; h <= hops; h++) {
        for (Block candidate : byHop.get(h - 1)) {
          if (candidate.edgeType().equals(spec.edgeType()) && candidate.direction() == spec.direction()) {
            blockOfHop[h] = candidate;
          }
        }
      }
      ids.clear();
      parents.clear();
      boolean cutHere = !cut.isNone() && spec.parent() == 0 && spec.type().equals(cut.type());
      for (int row = 0; row < parentIds.length; row++) {
        int u = parentIds[row];
        int firstHop = firstHop(starts, u);
        Block block = firstHop + 1 <= hops ? blockOfHop[firstHop + 1] : null;
        if (block == null) {
          continue;
        }
        int i = u - block.firstDst();
        int from = block.offsetsView().get(i);
        int to = block.offsetsView().get(i + 1);
        if (limits != null && limits[b] != NeighborSamplerConfig.ALL) {
          to = Math.min(to, from + limits[b]);
        }
        for (int p = from; p < to; p++) {
          if (cutHere && cut.cuts(row, spec.type(), sample.globalId(spec.type(), block.src(p)))) {
            continue;
          }
          ids.add(block.src(p));
          parents.add(row);
        }
      }
      localIds[b] = ids.toIntArray();
      parentRows[b] = parents.toIntArray();
    }
    return new ComputationTree(plan, sample, localIds, parentRows);
  }

  private static int firstHop(int[] starts, int local) {
    int h = 0;
    while (local >= starts[h + 1]) {
      h++;
    }
    return h;
  }

  public TreePlan plan() {
    return plan;
  }

  public SampledBlocks sample() {
    return sample;
  }

  /** Number of rows (tree nodes) of block {@code block}. */
  public int rows(int block) {
    return localIds[block].length;
  }

  /** Local node id (of the block's type) of every row of {@code block}; a read-only array. */
  int[] localIdsOf(int block) {
    return localIds[block];
  }

  /** Parent row of every row of {@code block} (non-decreasing), null for the seeds; a read-only array. */
  int[] parentRowsOf(int block) {
    return parentRows[block];
  }

  /** Local node id of row {@code row} of {@code block}. */
  public int localId(int block, int row) {
    return localIds[block][row];
  }

  /** Parent row of row {@code row} of a non-root {@code block}. */
  public int parentRow(int block, int row) {
    return parentRows[block][row];
  }

  /** Tree nodes over all blocks. */
  public long size() {
    long n = 0;
    for (int[] ids : localIds) {
      n += ids.length;
    }
    return n;
  }
}
