package dev.polyphony.train;

import dev.polyphony.task.SupervisedTask;
import dev.polyphony.task.Task;
import dev.polyphony.task.Validation;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a run trains: the tasks sharing the encoder, how their losses combine, the batches, and the validation
 * that early stopping follows ({@code null}: none, the last epoch is kept).
 */
public record TrainingPlan(List<Task> tasks, LossWeighting weighting, BatchSource batches, Validation validation) {
  public TrainingPlan {
    tasks = List.copyOf(tasks);
    Objects.requireNonNull(weighting, "weighting");
    Objects.requireNonNull(batches, "batches");
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("a training plan needs at least one task");
    }
    Set<String> names = new HashSet<>();
    for (Task t : tasks) {
      if (!names.add(t.name())) {
        throw new IllegalArgumentException("two tasks are named '" + t.name() + "'");
      }
    }
  }

  /** One supervised task on its own seeds, weight 1, validated by itself. */
  public static TrainingPlan single(SupervisedTask task, int batchSize, long seed) {
    return new TrainingPlan(List.of(task), FixedWeights.equal(1), new SeedBatches(task.trainSeeds(), batchSize, seed),
        task);
  }
}
