package dev.polyphony.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which catalog tasks train the encoder jointly, and their settings.
 *
 * @param tasks names from {@link CatalogTasks#NAMES}, in the order their losses are listed
 * @param weighting {@code fixed}, {@code uncertainty} (Kendall et al. 2018) or {@code dwa} (Liu et al. 2019)
 * @param fixedWeights weight per task for {@code fixed} weighting; tasks not named weigh 1
 * @param temperature softmax temperature of the organisational contrastive loss
 * @param pairsPerBatch positive track pairs per batch (organisational task)
 * @param negativesPerBatch uniformly drawn extra tracks per batch
 * @param dwaTemperature temperature of Dynamic Weight Average
 * @param contextSize most tracks of a playlist whose mean is the query of a pair (organisational task)
 * @param samplingCorrection whether the organisational loss corrects its logits for how often each track is
 *     drawn into a batch (see {@link CooccurrenceContrastiveTask})
 */
public record MultiTaskConfig(List<String> tasks, String weighting, Map<String, Double> fixedWeights,
    double temperature, int pairsPerBatch, int negativesPerBatch, double dwaTemperature, int contextSize,
    boolean samplingCorrection) {
  /** Weighting scheme names. */
  public static final Set<String> WEIGHTINGS = Set.of("fixed", "uncertainty", "dwa");

  public MultiTaskConfig {
    tasks = List.copyOf(tasks);
    fixedWeights = Collections.unmodifiableMap(new LinkedHashMap<>(fixedWeights));
    Objects.requireNonNull(weighting, "weighting");
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("tasks must name at least one of " + CatalogTasks.NAMES + " (got [])");
    }
    for (String t : tasks) {
      if (!CatalogTasks.NAMES.contains(t)) {
        throw new IllegalArgumentException("tasks: unknown task '" + t + "'; known: " + CatalogTasks.NAMES);
      }
    }
    if (tasks.stream().distinct().count() != tasks.size()) {
      throw new IllegalArgumentException("tasks lists a task twice (got " + tasks + ")");
    }
    if (!WEIGHTINGS.contains(weighting)) {
      throw new IllegalArgumentException("weighting must be one of " + WEIGHTINGS + " (got '" + weighting + "')");
    }
    fixedWeights.forEach((task, w) -> {
      if (!CatalogTasks.NAMES.contains(task)) {
        throw new IllegalArgumentException("fixedWeights: unknown task '" + task + "'; known: " + CatalogTasks.NAMES);
      }
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("fixedWeights." + task + " must be finite and >= 0 (got " + w + ")");
      }
    });
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be > 0 (got " + temperature + ")");
    }
    if (pairsPerBatch <= 0) {
      throw new IllegalArgumentException("pairsPerBatch must be > 0 (got " + pairsPerBatch + ")");
    }
    if (negativesPerBatch < 0) {
      throw new IllegalArgumentException("negativesPerBatch must be >= 0 (got " + negativesPerBatch + ")");
    }
    if (contextSize < 1) {
      throw new IllegalArgumentException("contextSize must be >= 1 (got " + contextSize + ")");
    }
    if (!(dwaTemperature > 0) || Double.isInfinite(dwaTemperature)) {
      throw new IllegalArgumentException("dwaTemperature must be > 0 (got " + dwaTemperature + ")");
    }
  }

  /**
   * All four tasks, fixed weights 1, temperature 0.1, 256 pairs of 5-track contexts and 256 negatives per batch,
   * with sampling correction.
   */
  public static MultiTaskConfig defaults() {
    return new MultiTaskConfig(CatalogTasks.NAMES, "fixed", Map.of(), 0.1, 256, 256, 2.0, 5, true);
  }

  public MultiTaskConfig withTasks(List<String> newTasks) {
    return new MultiTaskConfig(newTasks, weighting, fixedWeights, temperature, pairsPerBatch, negativesPerBatch,
        dwaTemperature, contextSize, samplingCorrection);
  }

  public MultiTaskConfig withWeighting(String newWeighting) {
    return new MultiTaskConfig(tasks, newWeighting, fixedWeights, temperature, pairsPerBatch, negativesPerBatch,
        dwaTemperature, contextSize, samplingCorrection);
  }

  /** The fixed weight of {@code task}. */
  public double fixedWeight(String task) {
    return fixedWeights.getOrDefault(task, 1.0);
  }
}
