package dev.polyphony.eval;

import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores a fitted recommender on query sets that share its catalog. Each playlist is scored once for
 * all the sets it is a query of; each set then takes its top {@value #CUTOFF} among its own candidates,
 * without the playlist's training tracks. Queries run in parallel; per-query values are kept in query
 * order and averaged in that order, so the result does not depend on the number of threads.
 */
final class QueryEvaluator {
  /** The longest cutoff reported (Recall@50, NDCG@50). */
  static final int CUTOFF = 50;
  static final int SHORT_CUTOFF = 10;

  private final int threads;

  QueryEvaluator(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    this.threads = threads;
  }

  /** One result per query set, in the order given. */
  List<EvaluationResult> evaluate(String name, FittedRecommender model, List<EvaluationQueries> sets,
      String stage, ProgressTracker progress) {
    PlaylistCatalog catalog = model.catalog();
    int playlistCount = catalog.playlistCount();
    int[][] queryOf = new int[sets.size()][playlistCount];
    double[][][] values = new double[sets.size()][3][];
    boolean[] scored = new boolean[playlistCount];
    for (int s = 0; s < sets.size(); s++) {
      EvaluationQueries set = sets.get(s);
      Arrays.fill(queryOf[s], -1);
      for (int q = 0; q < set.queryCount(); q++) {
        queryOf[s][set.playlists()[q]] = q;
        scored[set.playlists()[q]] = true;
      }
      for (int m = 0; m < 3; m++) {
        values[s][m] = new double[set.queryCount()];
      }
    }
    int[] playlists = IntStream.range(0, playlistCount).filter(p -> scored[p]).toArray();

    progress.begin(stage, playlists.length);
    ParallelRange.run(playlists.length, threads,
        () -> new Scratch(catalog.trackCount()), (scratch, x) -> {
          int p = playlists[x];
          model.score(p, scratch.scores);
          int[] training = catalog.playlistTracks().neighbors(p);
          for (int s = 0; s < sets.size(); s++) {
            int q = queryOf[s][p];
            if (q < 0) {
              continue;
            }
            EvaluationQueries set = sets.get(s);
            int[] ranking = scratch.top.select(scratch.scores, set.candidates(), training);
            IntOpenHashSet relevant = new IntOpenHashSet(set.relevantOf(q));
            values[s][0][q] = RankingMetrics.recall(ranking, SHORT_CUTOFF, relevant);
            values[s][1][q] = RankingMetrics.recall(ranking, CUTOFF, relevant);
            values[s][2][q] = RankingMetrics.ndcg(ranking, CUTOFF, relevant);
          }
          progress.step(1);
        });
    progress.end();

    List<EvaluationResult> results = new ArrayList<>(sets.size());
    for (int s = 0; s < sets.size(); s++) {
      EvaluationQueries set = sets.get(s);
      results.add(new EvaluationResult(name, set.protocol(), set.queryCount(), set.relevantCount(),
          mean(values[s][0]), mean(values[s][1]), mean(values[s][2])));
    }
    return results;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }

  private static final class Scratch {
    final float[] scores;
    final TopKSelector top = new TopKSelector(CUTOFF);

    Scratch(int tracks) {
      scores = new float[tracks];
    }
  }
}
