package dev.polyphony.rank.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.LastfmHetrecReader;
import dev.polyphony.graph.io.LastfmSchema;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.testing.Datasets;
import dev.polyphony.rank.ImpressionLog;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LastfmImpressionsTest {
  private static final LastfmImpressionsConfig TINY = new LastfmImpressionsConfig(0.2, 5, 3, 1, 2, 0.8, 5);
  /** Plays of user u for artists 0..7 (0 = not listened): users 0-2 have at least 5 artists, user 3 two. */
  private static final int[][] PLAYS = {
      {50, 40, 30, 20, 10, 5, 0, 0},
      {0, 7, 9, 0, 3, 8, 2, 1},
      {100, 0, 60, 0, 0, 30, 20, 10},
      {0, 0, 0, 4, 4, 0, 0, 0}};

  @Test
  void holdsOutAFifthOfEachEligibleUsersArtistsAndLabelsThem() {
    LastfmImpressions built = LastfmImpressions.build(graph(1), TINY);
    ImpressionLog log = built.log();

    assertThat(built.summary().users()).isEqualTo(3);
    // Held out per user: max(1, round(0.2 * degree)) = 1, 1 and 1 for degrees 6, 6 and 5.
    assertThat(built.summary().heldOutPairs()).isEqualTo(3);
    int listened = 0;
    for (int r = 0; r < log.rows(); r++) {
      int u = log.query(r);
      int a = log.item(r);
      assertThat(u).isNotEqualTo(3);
      if (log.label(r, 0) == 1) {
        listened++;
        assertThat(PLAYS[u][a]).isPositive();
        assertThat(log.label(r, 1)).isEqualTo(PLAYS[u][a] >= median(PLAYS[u]) ? 1 : 0);
      } else {
        assertThat(log.label(r, 1)).isZero();
      }
      assertThat(log.label(r, 2)).isEqualTo(u == 0 && a == 6 || u == 1 && a == 1 ? 1 : 0);
    }
    assertThat(listened).isEqualTo(3);
  }

  @Test
  void noTrainingPairIsAnImpression() {
    LastfmImpressions built = LastfmImpressions.build(graph(1), TINY);
    ImpressionLog log = built.log();
    for (int r = 0; r < log.rows(); r++) {
      if (log.label(r, 0) == 0) {
        assertThat(PLAYS[log.query(r)][log.item(r)]).isZero();
      }
    }
  }

  @Test
  void featuresNeverReadTheHeldOutPairs() {
    ImpressionLog before = LastfmImpressions.build(graph(1), TINY).log();
    Set<Long> heldOut = new HashSet<>();
    for (int r = 0; r < before.rows(); r++) {
      if (before.label(r, 0) == 1) {
        heldOut.add((long) before.query(r) << 32 | before.item(r));
      }
    }
    // The same graph with 1000 times the plays on every held-out pair.
    ImpressionLog after = LastfmImpressions.build(graph(1000, heldOut), TINY).log();

    assertThat(after.rows()).isEqualTo(before.rows());
    assertThat(after.features()).containsExactly(before.features());
  }

  @Test
  void theHetRecDataGivesItsDocumentedUsersAndHoldOut() throws Exception {
    HeteroGraph graph = new LastfmHetrecReader().read(Datasets.lastfm(), new RejectReport(10_000),
        ProgressTracker.NONE).graph();
    LastfmImpressions built = LastfmImpressions.build(graph, LastfmImpressionsConfig.defaults());

    // 1,892 users, 1,877 with at least 5 artists; sum of max(1, round(0.2 * degree)) over them.
    assertThat(built.summary().users()).isEqualTo(1877);
    assertThat(built.summary().heldOutPairs()).isEqualTo(18_562);
    ImpressionLog log = built.log();
    assertThat(log.queryCount()).isEqualTo(1877);
    assertThat(Math.round(log.positiveRate(0) * log.rows())).isEqualTo(18_562);
    assertThat(built.summary().retrieved()).isEqualTo(1877 * 30);
    assertThat(built.summary().explored()).isEqualTo(1877 * 10);
    assertThat(log.rows()).isEqualTo(built.summary().retrieved() + built.summary().explored()
        + built.summary().heldOutPairs() - built.summary().retrievedHeldOut());
    IntOpenHashSet users = new IntOpenHashSet();
    for (int r = 0; r < log.rows(); r++) {
      users.add(log.query(r));
    }
    assertThat(users).hasSize(1877);
  }

  private static HeteroGraph graph(int factor) {
    return graph(factor, Set.of());
  }

  /** The tiny Last.fm graph; plays of the pairs in {@code scaled} multiplied by {@code factor}. */
  private static HeteroGraph graph(int factor, Set<Long> scaled) {
    HeteroGraphBuilder b = new HeteroGraphBuilder(LastfmSchema.SCHEMA);
    b.declareWeights(LastfmSchema.LISTENED).declareWeights(LastfmSchema.TAGGED);
    for (int u = 0; u < PLAYS.length; u++) {
      b.addNode(LastfmSchema.USER, "u" + u);
    }
    for (int a = 0; a < PLAYS[0].length; a++) {
      b.addNode(LastfmSchema.ARTIST, "a" + a);
    }
    for (int u = 0; u < PLAYS.length; u++) {
      for (int a = 0; a < PLAYS[u].length; a++) {
        if (PLAYS[u][a] > 0) {
          boolean scale = scaled.contains((long) u << 32 | a);
          b.addEdge(LastfmSchema.LISTENED, u, a, PLAYS[u][a] * (scale ? factor : 1f));
        }
      }
    }
    b.addEdge(LastfmSchema.TAGGED, 0, 6, 1f);
    b.addEdge(LastfmSchema.TAGGED, 1, 1, 2f);
    return b.build();
  }

  /** The median of the listened plays (the mean of the middle two for an even count). */
  private static double median(int[] plays) {
    int[] listened = java.util.Arrays.stream(plays).filter(p -> p > 0).sorted().toArray();
    int n = listened.length;
    return n % 2 == 1 ? listened[n / 2] : (listened[n / 2 - 1] + listened[n / 2]) / 2.0;
  }
}
