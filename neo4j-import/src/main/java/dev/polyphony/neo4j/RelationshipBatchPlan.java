package dev.polyphony.neo4j;

import dev.polyphony.graph.CsrAdjacency;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cuts one relation's edges into batches that can be written in parallel without lock conflicts.
 *
 * <p>Creating a relationship locks both of its end nodes until the transaction commits, so two
 * transactions sharing nodes wait for each other and may deadlock. Sources are split into
 * {@code P} ranges and destinations into {@code P} ranges, each holding about {@code 1/P} of the
 * edges; block {@code (i, j)} holds the edges from source range {@code i} to destination range
 * {@code j}. Round {@code r} runs blocks {@code (w, (w + r) mod P)} for {@code w = 0..P-1}: within a
 * round no two blocks share a source range or a destination range, so when sources and destinations
 * have different node types the blocks of a round touch disjoint nodes. A relation whose two ends
 * have the same node type gets a single partition and runs alone.
 *
 * <p>Within a block, batches follow the out-adjacency: source rows in order, each row's targets in the
 * block's destination range (contiguous, as rows are sorted), at most {@code batchSize} edges per
 * batch. Everything is a function of the adjacency and the two sizes, so a resumed import cuts the same
 * batches.
 */
public final class RelationshipBatchPlan {
  private final CsrAdjacency out;
  private final int partitions;
  private final int[] sourceBounds;
  private final int[] targetBounds;

  private RelationshipBatchPlan(CsrAdjacency out, int partitions, int[] sourceBounds, int[] targetBounds) {
    this.out = out;
    this.partitions = partitions;
    this.sourceBounds = sourceBounds;
    this.targetBounds = targetBounds;
  }

  /**
   * Plans one relation.
   *
   * @param out the relation's out-adjacency (rows are sources)
   * @param in the relation's in-adjacency (rows are destinations)
   * @param sameNodeType whether sources and destinations share a node type
   * @param partitions requested partitions per side, > 0
   */
  public static RelationshipBatchPlan of(CsrAdjacency out, CsrAdjacency in, boolean sameNodeType,
      int partitions) {
    GraphImportConfig.requirePositive("partitions", partitions);
    int p = sameNodeType ? 1 : partitions;
    return new RelationshipBatchPlan(out, p, bounds(out, p), bounds(in, p));
  }

  public int partitions() {
    return partitions;
  }

  /** Rounds of blocks; the blocks of one round may run at the same time. */
  public List<List<Block>> rounds() {
    List<List<Block>> rounds = new ArrayList<>(partitions);
    for (int r = 0; r < partitions; r++) {
      List<Block> round = new ArrayList<>(partitions);
      for (int w = 0; w < partitions; w++) {
        int j = (w + r) % partitions;
        round.add(new Block(w, j, sourceBounds[w], sourceBounds[w + 1], targetBounds[j], targetBounds[j + 1]));
      }
      rounds.add(round);
    }
    return rounds;
  }

  /** The batches of one block, at most {@code batchSize} edges each, in a fixed order. */
  public Iterator<EdgeBatch> batches(Block block, int batchSize) {
    GraphImportConfig.requirePositive("batchSize", batchSize);
    return new BatchIterator(block, batchSize);
  }

  /** Number of edges in a block. */
  public long edgeCount(Block block) {
    long n = 0;
    for (int u = block.sourceFrom(); u < block.sourceTo(); u++) {
      n += lowerBound(u, block.targetTo()) - lowerBound(u, block.targetFrom());
    }
    return n;
  }

  /** Row boundaries splitting {@code adjacency} into {@code p} ranges of about equal edge counts. */
  private static int[] bounds(CsrAdjacency adjacency, int p) {
    int rows = adjacency.rowCount();
    long edges = adjacency.edgeCount();
    int[] bounds = new int[p + 1];
    bounds[p] = rows;
    int row = 0;
    for (int k = 1; k < p; k++) {
      long goal = edges * k / p;
      while (row < rows && adjacency.start(row) < goal) {
        row++;
      }
      bounds[k] = row;
    }
    return bounds;
  }

  /** First position in row {@code u} whose target is >= {@code target}. */
  private int lowerBound(int u, int target) {
    int lo = out.start(u);
    int hi = out.end(u);
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (out.target(mid) < target) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * A block of edges: sources in {@code [sourceFrom, sourceTo)}, destinations in
   * {@code [targetFrom, targetTo)} (dense indexes).
   */
  public record Block(int sourcePart, int targetPart, int sourceFrom, int sourceTo, int targetFrom,
      int targetTo) {
    /** A name stable across runs, used in batch keys. */
    public String name() {
      return sourcePart + "." + targetPart;
    }
  }

  /**
   * One transaction's edges, grouped by source: group {@code g} holds the edges of source
   * {@code sources[g]} at out-adjacency positions {@code [from[g], to[g])}.
   *
   * @param index position of the batch within its block
   */
  public record EdgeBatch(int index, int[] sources, int[] from, int[] to, int edgeCount) {
    public int groups() {
      return sources.length;
    }
  }

  private final class BatchIterator implements Iterator<EdgeBatch> {
    private final Block block;
    private final int batchSize;
    private int row;
    private int position;
    private int index;

    BatchIterator(Block block, int batchSize) {
      this.block = block;
      this.batchSize = batchSize;
      this.row = block.sourceFrom();
      this.position = row < block.sourceTo() ? lowerBound(row, block.targetFrom()) : 0;
      skipEmptyRows();
    }

    @Override
    public boolean hasNext() {
      return row < block.sourceTo();
    }

    @Override
    public EdgeBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      List<int[]> groups = new ArrayList<>();
      int edges = 0;
      while (row < block.sourceTo() && edges < batchSize) {
        int rowEnd = lowerBound(row, block.targetTo());
        int take = Math.min(rowEnd - position, batchSize - edges);
        groups.add(new int[] {row, position, position + take});
        edges += take;
        position += take;
        if (position == rowEnd) {
          row++;
          position = row < block.sourceTo() ? lowerBound(row, block.targetFrom()) : 0;
          skipEmptyRows();
        }
      }
      int g = groups.size();
      int[] sources = new int[g];
      int[] from = new int[g];
      int[] to = new int[g];
      for (int k = 0; k < g; k++) {
        int[] group = groups.get(k);
        sources[k] = group[0];
        from[k] = group[1];
        to[k] = group[2];
      }
      return new EdgeBatch(index++, sources, from, to, edges);
    }

    private void skipEmptyRows() {
      while (row < block.sourceTo() && lowerBound(row, block.targetTo()) == position) {
        row++;
        position = row < block.sourceTo() ? lowerBound(row, block.targetFrom()) : 0;
      }
    }
  }
}
