package dev.polyphony.rank.sequence;

import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Appends the multi-scale behaviour summary of the impression's user before the impression's time to every row of
 * an impression log, so any head (ESMM, AITM, ...) reads the sequences as extra inputs.
 */
public final class SequenceFeatures {
  private SequenceFeatures() {}

  /**
   * The log with the summary columns of {@code sequences} after its own.
   *
   * @param userOfQuery the user of every query id
   * @param timeOfQuery the impression time (epoch milliseconds) of every query id
   */
  public static ImpressionLog augment(ImpressionLog log, BehaviourSequences sequences, int[] userOfQuery,
      long[] timeOfQuery) {
    long[] rowTimes = new long[log.rows()];
    for (int r = 0; r < rowTimes.length; r++) {
      int q = log.query(r);
      if (q < 0 || q >= timeOfQuery.length) {
        throw new IllegalArgumentException("row " + r + ": query " + q + " has no impression time (got "
            + timeOfQuery.length + " times)");
      }
      rowTimes[r] = timeOfQuery[q];
    }
    return augmentRows(log, sequences, userOfQuery, rowTimes);
  }

  /**
   * The log with the summary columns of {@code sequences} after its own, each row summarised at its own time.
   *
   * @param userOfQuery the user of every query id
   * @param timeOfRow the impression time (epoch milliseconds) of every row
   */
  public static ImpressionLog augmentRows(ImpressionLog log, BehaviourSequences sequences, int[] userOfQuery,
      long[] timeOfRow) {
    if (timeOfRow.length != log.rows()) {
      throw new IllegalArgumentException("expected one impression time per row: " + log.rows() + " (got "
          + timeOfRow.length + ")");
    }
    List<String> names = new ArrayList<>(log.featureNames());
    names.addAll(sequences.featureNames());
    Set<ExposureTrait> traits = log.traits();
    ImpressionLog.Builder builder = new ImpressionLog.Builder(log.tasks(), names, traits, log.hasTrueProbabilities());
    int own = log.featureCount();
    int t = log.tasks().count();
    float[] row = new float[names.size()];
    List<float[]> traitColumns = new ArrayList<>();
    for (ExposureTrait trait : ExposureTrait.values()) {
      if (traits.contains(trait)) {
        traitColumns.add(log.trait(trait).orElseThrow());
      }
    }
    int cachedQuery = -1;
    long cachedTime = Long.MIN_VALUE;
    float[] summary = new float[sequences.featureCount()];
    for (int r = 0; r < log.rows(); r++) {
      int q = log.query(r);
      if (q < 0 || q >= userOfQuery.length) {
        throw new IllegalArgumentException("row " + r + ": query " + q + " has no user (got " + userOfQuery.length
            + " users)");
      }
      if (q != cachedQuery || timeOfRow[r] != cachedTime) {
        sequences.summarise(userOfQuery[q], timeOfRow[r], summary, 0);
        cachedQuery = q;
        cachedTime = timeOfRow[r];
      }
      for (int c = 0; c < own; c++) {
        row[c] = log.feature(r, c);
      }
      System.arraycopy(summary, 0, row, own, summary.length);
      byte[] labels = new byte[t];
      float[] truth = log.hasTrueProbabilities() ? new float[t] : null;
      for (int k = 0; k < t; k++) {
        labels[k] = (byte) log.label(r, k);
        if (truth != null) {
          truth[k] = (float) log.trueConditional(r, k);
        }
      }
      float[] traitValues = new float[traitColumns.size()];
      for (int i = 0; i < traitValues.length; i++) {
        traitValues[i] = traitColumns.get(i)[r];
      }
      builder.add(q, log.item(r), row, labels, traitValues, truth);
    }
    return builder.build();
  }

  /**
   * A time per row, each query's rows in order: row {@code i} of a query's {@code n} at
   * {@code from + (to - from) (i + u) / n} with {@code u} uniform in [0, 1) from {@code derive(seed, row)}, so a
   * query's impressions spread over the range in row order.
   */
  public static long[] spreadRowTimes(ImpressionLog log, long from, long to, long seed) {
    if (to <= from) {
      throw new IllegalArgumentException("the time range must not be empty (got [" + from + ", " + to + "))");
    }
    long[] out = new long[log.rows()];
    for (int q = 0; q < log.queryCount(); q++) {
      int start = log.queryStart(q);
      int n = log.queryEnd(q) - start;
      for (int i = 0; i < n; i++) {
        double u = new java.util.SplittableRandom(SeedDerivation.derive(seed, start + i)).nextDouble();
        out[start + i] = from + (long) ((to - from) * ((i + u) / n));
      }
    }
    return out;
  }

  /**
   * An impression time per query id in {@code [from, to)}: query {@code q} at
   * {@code from + (mix(derive(seed, q)) mod (to - from))}, uniform and independent of everything else.
   */
  public static long[] uniformTimes(int queries, long from, long to, long seed) {
    if (to <= from) {
      throw new IllegalArgumentException("the time range must not be empty (got [" + from + ", " + to + "))");
    }
    long[] out = new long[queries];
    for (int q = 0; q < queries; q++) {
      out[q] = from + Math.floorMod(SeedDerivation.derive(seed, q), to - from);
    }
    return out;
  }
}
