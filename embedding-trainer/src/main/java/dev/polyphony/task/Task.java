package dev.polyphony.task;

import dev.polyphony.graph.NodeType;
import dev.polyphony.model.SageModel;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training objective on top of a {@link SageModel}: it adds its head and loss to the model's graph,
 * names its training seeds, supplies the targets of a batch and scores the model on held-out data.
 */
public interface Task {
  /** Short name used in metrics and logs. */
  String name();

  /** Node type of the task's seeds; the model must be built for it. */
  NodeType seedType();

  /**
   * Adds the task's head and loss to {@code model}'s graph, reading the training (dropout) embedding;
   * called once per model. Returns the name of the scalar loss variable.
   */
  String buildLoss(SageModel model);

  /** The dense ids of the seeds trained on; distinct. */
  int[] trainSeeds();

  /** Placeholder values with the targets of {@code seeds} (distinct, rows in input order). */
  Map<String, INDArray> targets(int[] seeds);

  /** Name of the validation metric, higher is better (e.g. {@code accuracy}). */
  String validationMetric();

  /** The validation metric of {@code model} now, with neighbourhoods sampled from {@code sampleSeed}. */
  double validationScore(SageModel model, long sampleSeed);
}
