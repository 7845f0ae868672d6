package dev.polyphony.task;

import dev.polyphony.model.SageModel;

/** A score of the model on held-out data that training maximises by early stopping; higher is better. */
public interface Validation {
  /** Name of the metric, e.g. {@code accuracy} or {@code recall@50}. */
  String metric();

  /** The metric of {@code model} now, with neighbourhoods sampled from {@code sampleSeed}. */
  double score(SageModel model, long sampleSeed);
}
