package dev.polyphony.rank.fusion;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankingTasks;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The long-term value of per-query rankings that score fusion maximises: deep-engagement NDCG@k plus credit
 * for exposure of chosen item traits.
 *
 * <p>An impression's gain is {@code sum_t g_t y_t} over its labels, so deeper funnel steps count more;
 * {@code NDCG@k = DCG@k / IDCG@k} with {@code DCG@k = sum_{i<=k} gain_i / log2(i + 1)} (Järvelin and
 * Kekäläinen, TOIS 2002), averaged over queries with a positive gain. Exposure of a trait is its mean value
 * over the top k of a query, averaged over all queries. Value:
 * {@code NDCG@k + sum_b credit_b exposure_b}. Rankings order by score, ties by row order.
 *
 * @param k cut-off, {@code > 0}
 * @param gains {@code g_t} per task, {@code >= 0}
 * @param credits credit per trait, {@code >= 0} (traits left out get none)
 */
public record LongTermObjective(int k, double[] gains, Map<ExposureTrait, Double> credits) {

  public LongTermObjective {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    gains = gains.clone();
    for (double g : gains) {
      if (!(g >= 0) || Double.isInfinite(g)) {
        throw new IllegalArgumentException("gains must be finite and >= 0 (got " + Arrays.toString(gains) + ")");
      }
    }
    EnumMap<ExposureTrait, Double> copy = new EnumMap<>(ExposureTrait.class);
    credits.forEach((trait, c) -> {
      if (!(c >= 0) || Double.isInfinite(c)) {
        throw new IllegalArgumentException("credit of trait " + trait.label() + " must be finite and >= 0 (got " + c + ")");
      }
      copy.put(trait, c);
    });
    credits = Collections.unmodifiableMap(copy);
  }

  /** Gains {@code 2^depth} (a chain's first task 1, the next 2, then 4, ...), the given credits. */
  public static LongTermObjective deepEngagement(RankingTasks tasks, int k, Map<ExposureTrait, Double> credits) {
    double[] gains = new double[tasks.count()];
    for (int t = 0; t < gains.length; t++) {
      gains[t] = Math.pow(2, tasks.depth(t));
    }
    return new LongTermObjective(k, gains, credits);
  }

  public LongTermObjective withCredit(ExposureTrait trait, double credit) {
    EnumMap<ExposureTrait, Double> next = new EnumMap<>(ExposureTrait.class);
    next.putAll(credits);
    next.put(trait, credit);
    return new LongTermObjective(k, gains, next);
  }

  @Override
  public double[] gains() {
    return gains.clone();
  }

  /**
   * The objective's parts.
   *
   * @param value {@code ndcg + sum_b credit_b exposure_b}
   * @param ndcg mean NDCG@k over queries with a positive gain (0 when there are none)
   * @param exposures mean top-k share of every trait the log has
   */
  public record Value(double value, double ndcg, Map<ExposureTrait, Double> exposures) {}

  /** The objective of ranking every query of {@code log} by {@code scores}. */
  public Value evaluate(ImpressionLog log, float[] scores) {
    if (scores.length != log.rows()) {
      throw new IllegalArgumentException("expected one score per impression: " + log.rows() + " (got " + scores.length
          + ")");
    }
    if (gains.length != log.tasks().count()) {
      throw new IllegalArgumentException("the objective has " + gains.length + " gains, the log " + log.tasks().count()
          + " tasks");
    }
    Map<ExposureTrait, float[]> traitValues = new EnumMap<>(ExposureTrait.class);
    for (ExposureTrait trait : log.traits()) {
      traitValues.put(trait, log.trait(trait).orElseThrow());
    }
    double ndcgSum = 0;
    int judged = 0;
    double[] exposureSums = new double[ExposureTrait.values().length];
    int queries = log.queryCount();
    int t = gains.length;
    for (int q = 0; q < queries; q++) {
      int from = log.queryStart(q);
      int n = log.queryEnd(q) - from;
      int[] order = new int[n];
      double[] gain = new double[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
        for (int task = 0; task < t; task++) {
          gain[i] += gains[task] * log.label(from + i, task);
        }
      }
      IntArrays.mergeSort(order, (a, b) -> Float.compare(scores[from + b], scores[from + a]));
      int top = Math.min(k, n);
      double dcg = 0;
      for (int i = 0; i < top; i++) {
        dcg += gain[order[i]] / log2(i + 2);
      }
      double[] ideal = gain.clone();
      Arrays.sort(ideal);
      double idcg = 0;
      for (int i = 0; i < top; i++) {
        idcg += ideal[n - 1 - i] / log2(i + 2);
      }
      if (idcg > 0) {
        ndcgSum += dcg / idcg;
        judged++;
      }
      for (Map.Entry<ExposureTrait, float[]> e : traitValues.entrySet()) {
        double share = 0;
        for (int i = 0; i < top; i++) {
          share += e.getValue()[from + order[i]];
        }
        exposureSums[e.getKey().ordinal()] += top == 0 ? 0 : share / top;
      }
    }
    double ndcg = judged == 0 ? 0 : ndcgSum / judged;
    double value = ndcg;
    Map<ExposureTrait, Double> exposures = new EnumMap<>(ExposureTrait.class);
    for (ExposureTrait trait : traitValues.keySet()) {
      double exposure = queries == 0 ? 0 : exposureSums[trait.ordinal()] / queries;
      exposures.put(trait, exposure);
      value += credits.getOrDefault(trait, 0.0) * exposure;
    }
    return new Value(value, ndcg, Collections.unmodifiableMap(exposures));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
