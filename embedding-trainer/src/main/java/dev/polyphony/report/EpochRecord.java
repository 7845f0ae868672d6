package dev.polyphony.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one training epoch reported: one line of the {@link TrainingLog}.
 *
 * <p>The maps are copied into a canonical order so that a record writes the same bytes whatever map the
 * caller built it from: {@code loss} starts with {@value #TOTAL} followed by the tasks by name,
 * {@code taskWeights} and {@code validation} are ordered by name.
 *
 * @param epoch 1-based epoch number; >= 1
 * @param seconds wall time of the epoch; finite, >= 0
 * @param steps optimisation steps taken in the epoch; >= 0
 * @param learningRate the learning rate at the end of the epoch; finite, >= 0
 * @param loss mean training loss per task and {@value #TOTAL} (the weighted sum that was minimised); must
 *     hold {@value #TOTAL}; finite values
 * @param taskWeights the weight of each task's loss in the total; may be empty; finite values
 * @param validation validation metrics after the epoch, such as {@code recall@50}; may be empty; finite
 *     values
 */
public record EpochRecord(int epoch, double seconds, long steps, double learningRate, Map<String, Double> loss,
    Map<String, Double> taskWeights, Map<String, Double> validation) {
  /** The key of the total loss in {@link #loss()}. */
  public static final String TOTAL = "total";

  public EpochRecord {
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be >= 1 (got " + epoch + ")");
    }
    if (!Double.isFinite(seconds) || seconds < 0) {
      throw new IllegalArgumentException("seconds must be finite and >= 0 (got " + seconds + ")");
    }
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0 (got " + steps + ")");
    }
    if (!Double.isFinite(learningRate) || learningRate < 0) {
      throw new IllegalArgumentException("learningRate must be finite and >= 0 (got " + learningRate + ")");
    }
    loss = canonical("loss", loss);
    if (!loss.containsKey(TOTAL)) {
      throw new IllegalArgumentException("loss must hold '" + TOTAL + "' (got " + loss.keySet() + ")");
    }
    taskWeights = canonical("taskWeights", taskWeights);
    validation = canonical("validation", validation);
  }

  /** A copy with {@value #TOTAL} first and the other names sorted; rejects blank names and non-finite values. */
  private static Map<String, Double> canonical(String field, Map<String, Double> values) {
    Objects.requireNonNull(values, field);
    List<String> names = new ArrayList<>(values.keySet());
    for (String name : names) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(field + " names must be non-blank (got '" + name + "')");
      }
      Double value = values.get(name);
      if (value == null || !Double.isFinite(value)) {
        throw new IllegalArgumentException(field + "." + name + " must be finite (got " + value + ")");
      }
    }
    names.sort((a, b) -> a.equals(TOTAL) ? (b.equals(TOTAL) ? 0 : -1) : b.equals(TOTAL) ? 1 : a.compareTo(b));
    Map<String, Double> copy = new LinkedHashMap<>();
    for (String name : names) {
      copy.put(name, values.get(name));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** The task losses, without {@value #TOTAL}, ordered by task name. */
  public Map<String, Double> taskLosses() {
    Map<String, Double> tasks = new LinkedHashMap<>(loss);
    tasks.remove(TOTAL);
    return Collections.unmodifiableMap(tasks);
  }
}
