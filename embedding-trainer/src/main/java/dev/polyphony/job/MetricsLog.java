package dev.polyphony.job;

import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.report.EpochRecord;
import dev.polyphony.report.TrainingLog;
import dev.polyphony.train.EpochStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-epoch metrics of a training run as JSON lines, one compact object per epoch:
 * <pre>
 * {"epoch":1,"seconds":12.3,"steps":55,"learningRate":0.001,"loss":{"total":1.23,"organisational":0.9},
 *  "taskWeights":{"organisational":1.0},"validation":{}}
 * </pre>
 * ({@code loss.total} is the weighted loss the optimiser minimised, the other losses are each task's unweighted
 * mean; {@code validation} holds the metric's name and value when the run validates; seconds are rounded to
 * milliseconds). The format is {@link TrainingLog}'s, which the report reads back. The file is rewritten atomically after
 * every epoch from the whole history, so a resumed run, whose history starts with the checkpoint's, never
 * repeats or loses an epoch.
 */
public final class MetricsLog {

  private final Path file;
  private final String validationMetric;
  private final List<String> lines = new ArrayList<>();

  /**
   * A log at {@code file} that starts with {@code history} (the epochs a resumed run has already done) and
   * names the validation metric {@code validationMetric} ({@code null} without validation).
   */
  public MetricsLog(Path file, String validationMetric, List<EpochStats> history) throws IOException {
    this.file = file;
    this.validationMetric = validationMetric;
    for (EpochStats stats : history) {
      lines.add(line(stats, validationMetric));
    }
    flush();
  }

  /** Adds an epoch and rewrites the file. */
  public void append(EpochStats stats) throws IOException {
    lines.add(line(stats, validationMetric));
    flush();
  }

  private void flush() throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    AtomicFiles.writeString(file, text.toString());
  }

  /** The JSON line of one epoch, in the format of {@link TrainingLog}. */
  public static String line(EpochStats stats, String validationMetric) {
    Map<String, Double> loss = new LinkedHashMap<>();
    loss.put(EpochRecord.TOTAL, stats.meanLoss());
    loss.putAll(stats.taskLosses());
    Map<String, Double> validation = validationMetric == null || !Double.isFinite(stats.validation())
        ? Map.of() : Map.of(validationMetric, stats.validation());
    return TrainingLog.format(new EpochRecord(stats.epoch(), Math.round(stats.seconds() * 1000) / 1000.0,
        stats.steps(), stats.learningRate(), loss, stats.taskWeights(), validation));
  }
}
