package dev.polyphony.graph.sample;

import dev.polyphony.graph.NodeType;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Hard negatives of PinSage (Ying et al., KDD 2018, section 3.3): nodes that are related to the query
 * but not too related. Walks with restarts from the query (the walker's start type) approximate its
 * personalised PageRank by visit counts; visited nodes of the negative type are ranked by count
 * (descending, ties by ascending id, the query itself excluded), and negatives are drawn uniformly from
 * ranks {@code [rankFrom, rankTo)} (0-based; PinSage used 2000-5000 on billions of pins, a window such
 * as 100-500 suits smaller catalogs). The walks of a query depend only on the walk config and the query,
 * so its window is the same in every batch.
 *
 * <p>The window is clipped to the nodes visited; a query whose walks visit at most {@code rankFrom}
 * nodes has no hard negatives and gets {@link NegativeSamples#MISSING} (callers usually mix hard
 * negatives with easy ones, as PinSage does). Known positives are refused as in
 * {@link PooledNegativeSampler}. Each query costs its walks: {@code walksPerNode * walkLength} steps.
 */
public final class HardNegativeSampler extends PooledNegativeSampler {
  private final RandomWalker walker;
  private final WalkConfig walks;
  private final int negativeTypeIndex;
  private final int rankFrom;
  private final int rankTo;

  /**
   * @throws IllegalArgumentException unless {@code 0 <= rankFrom < rankTo}
   */
  public HardNegativeSampler(RandomWalker walker, NodeType negativeType, WalkConfig walks, int rankFrom,
      int rankTo, PositiveFilter filter, NegativeConfig config) {
    super(negativeType, filter, config);
    if (rankFrom < 0) {
      throw new IllegalArgumentException("rankFrom must be >= 0 (got " + rankFrom + ")");
    }
    if (rankTo <= rankFrom) {
      throw new IllegalArgumentException("rankTo must be > rankFrom " + rankFrom + " (got " + rankTo + ")");
    }
    this.walker = Objects.requireNonNull(walker, "walker");
    this.walks = Objects.requireNonNull(walks, "walks");
    this.negativeTypeIndex = walker.graph().schema().indexOf(negativeType);
    this.rankFrom = rankFrom;
    this.rankTo = rankTo;
  }

  /** The nodes at ranks {@code [rankFrom, rankTo)} of {@code query}'s visit ranking (possibly empty). */
  public int[] window(int query) {
    return windowFinder().apply(query);
  }

  @Override
  IntFunction<CandidatePool> pools() {
    IntFunction<int[]> windows = windowFinder();
    return query -> new WindowPool(windows.apply(query));
  }

  private IntFunction<int[]> windowFinder() {
    VisitCounter counter = new VisitCounter(walker, walks, negativeTypeIndex);
    int[] ranked = new int[rankTo];
    int n = walker.graph().nodeCount(walker.startType());
    return query -> {
      if (query < 0 || query >= n) {
        throw new IllegalArgumentException("query " + query + " is outside the '" + walker.startType()
            + "' nodes [0, " + n + ")");
      }
      counter.count(query);
      int kept = counter.ranked(rankTo, ranked, null);
      return kept <= rankFrom ? new int[0] : Arrays.copyOfRange(ranked, rankFrom, kept);
    };
  }

  /** Uniform over one query's window. */
  private record WindowPool(int[] nodes) implements CandidatePool {
    @Override
    public int size() {
      return nodes.length;
    }

    @Override
    public int draw(SplittableRandom random) {
      return nodes[random.nextInt(nodes.length)];
    }

    @Override
    public int candidate(int index) {
      return nodes[index];
    }

    @Override
    public double weight(int index) {
      return 1;
    }
  }
}
