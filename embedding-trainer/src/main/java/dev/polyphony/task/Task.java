package dev.polyphony.task;

import dev.polyphony.graph.NodeType;
import dev.polyphony.model.SageModel;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training objective on top of a {@link SageModel}: it adds its head and loss to the model's graph and
 * supplies the targets of each {@link TrainingBatch}. Several tasks share one encoder and one batch in
 * multi-task training; each reads the rows of the batch it has labels for.
 */
public interface Task {
  /** Short name used in metrics and logs. */
  String name();

  /** Node type of the task's seeds; the model must be built for it. */
  NodeType seedType();

  /**
   * Adds the task's head and loss to {@code model}'s graph, reading the training (dropout) embedding whose
   * rows are the batch's seeds in order; called once per model. Returns the name of the scalar loss variable.
   */
  String buildLoss(SageModel model);

  /** Placeholder values with the targets of {@code batch}. */
  Map<String, INDArray> targets(TrainingBatch batch);
}
