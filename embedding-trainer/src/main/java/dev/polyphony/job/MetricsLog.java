package dev.polyphony.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.graph.io.AtomicFiles;
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
 * milliseconds; a value that is not finite is written as {@code null}). The file is rewritten atomically after
 * every epoch from the whole history, so a resumed run, whose history starts with the checkpoint's, never
 * repeats or loses an epoch.
 */
public final class MetricsLog {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** The JSON line of one epoch. */
  public static String line(EpochStats stats, String validationMetric) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("epoch", stats.epoch());
    root.put("seconds", finite(Math.round(stats.seconds() * 1000) / 1000.0));
    root.put("steps", stats.steps());
    root.put("learningRate", finite(stats.learningRate()));
    Map<String, Object> loss = new LinkedHashMap<>();
    loss.put("total", finite(stats.meanLoss()));
    stats.taskLosses().forEach((task, value) -> loss.put(task, finite(value)));
    root.put("loss", loss);
    Map<String, Object> weights = new LinkedHashMap<>();
    stats.taskWeights().forEach((task, value) -> weights.put(task, finite(value)));
    root.put("taskWeights", weights);
    Map<String, Object> validation = new LinkedHashMap<>();
    if (validationMetric != null) {
      validation.put(validationMetric, finite(stats.validation()));
    }
    root.put("validation", validation);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write epoch metrics as JSON", e);
    }
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
