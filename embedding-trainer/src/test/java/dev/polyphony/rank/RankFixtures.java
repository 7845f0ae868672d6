package dev.polyphony.rank;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.rank.data.SyntheticImpressions;
import dev.polyphony.rank.data.SyntheticImpressionsConfig;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small impression logs for the ranking tests: hand-built ones, and synthetic ones cached per JVM. */
public final class RankFixtures {
  private static final Map<SyntheticImpressionsConfig, ImpressionLog> SYNTHETIC = new HashMap<>();
  private static HeteroGraph catalog;

  private RankFixtures() {}

  /** click -> save. */
  public static final RankingTasks CLICK_SAVE = RankingTasks.chain("click", "save");

  /**
   * Two queries of three impressions, features {@code a, b}, labels (click, save):
   * <pre>
   *   query 0: item 10 (1, 0)  item 11 (1, 1)  item 12 (0, 0)
   *   query 1: item 10 (0, 0)  item 13 (1, 1)  item 14 (1, 0)
   * </pre>
   * trait tail = item 12 and 14; true conditional probabilities row r: (0.1 (r + 1), 0.5).
   */
  public static ImpressionLog tinyLog() {
    ImpressionLog.Builder b = new ImpressionLog.Builder(CLICK_SAVE, List.of("a", "b"),
        EnumSet.of(ExposureTrait.TAIL_CREATOR), true);
    int[][] rows = {{0, 10, 1, 0}, {0, 11, 1, 1}, {0, 12, 0, 0}, {1, 10, 0, 0}, {1, 13, 1, 1}, {1, 14, 1, 0}};
    for (int r = 0; r < rows.length; r++) {
      int[] x = rows[r];
      b.add(x[0], x[1], new float[] {r, 10f - r}, new byte[] {(byte) x[2], (byte) x[3]},
          new float[] {x[1] == 12 || x[1] == 14 ? 1f : 0f}, new float[] {0.1f * (r + 1), 0.5f});
    }
    return b.build();
  }

  /** The synthetic catalog of the tests: 3,000 tracks, 300 creators, 1,500 users, 8 genres. */
  public static synchronized HeteroGraph catalog() {
    if (catalog == null) {
      catalog = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(3000).creators(300).playlists(100)
          .users(1500).genres(8).listensPerUser(3).meanPlaylistLength(10).seed(3).build());
    }
    return catalog;
  }

  /** Synthetic impressions of {@code config} over {@link #catalog()}, generated once per JVM. */
  public static synchronized ImpressionLog synthetic(SyntheticImpressionsConfig config) {
    return SYNTHETIC.computeIfAbsent(config, c -> SyntheticImpressions.generate(catalog(), c));
  }

  /** The default funnel for 800 users with 20 impressions each. */
  public static SyntheticImpressionsConfig smallFunnel() {
    return SyntheticImpressionsConfig.defaults().withUsers(800).withImpressionsPerUser(20);
  }

  /** {@link #smallFunnel()} split 70 / 15 / 15 by user with seed 1. */
  public static ImpressionSplit smallSplit() {
    return ImpressionSplit.byQuery(synthetic(smallFunnel()), 0.7, 0.15, 1);
  }
}
