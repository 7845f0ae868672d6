package dev.polyphony.eval;

import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.task.MultiTaskConfig;
import dev.polyphony.train.TrainConfig;
import java.util.List;
import java.util.Objects;

/**
 * Everything that determines a {@link SageRecommender}.
 *
 * @param encoder the encoder's shape
 * @param training optimisation and training fan-outs
 * @param tasks the catalog tasks trained jointly
 * @param inferenceFanouts fan-outs when embedding (more neighbours than in training lower the variance)
 * @param labelAttributes playlist attributes the stylistic task votes onto tracks
 * @param engagementAttribute track attribute the engagement task regresses
 * @param validationHoldOut share of each playlist's training tracks held out for early stopping
 *     ({@link PlaylistValidation}); 0 trains on every training track for all epochs
 */
public record SageRecommenderConfig(SageEncoderConfig encoder, TrainConfig training, MultiTaskConfig tasks,
    String inferenceFanouts, List<String> labelAttributes, String engagementAttribute, double validationHoldOut) {
  public SageRecommenderConfig {
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(inferenceFanouts, "inferenceFanouts");
    NeighborSamplerConfig.parseFanouts(inferenceFanouts);
    labelAttributes = List.copyOf(labelAttributes);
    Objects.requireNonNull(engagementAttribute, "engagementAttribute");
    if (!(validationHoldOut >= 0 && validationHoldOut < 1)) {
      throw new IllegalArgumentException("validationHoldOut must be in [0, 1), 0 for none (got " + validationHoldOut + ")");
    }
  }

  /** The inference sampler: the inference fan-outs, seeded by the run seed. */
  public NeighborSamplerConfig inferenceSampling() {
    return NeighborSamplerConfig.builder().fanouts(inferenceFanouts).seed(training.seed()).build();
  }

  public SageRecommenderConfig withTasks(MultiTaskConfig newTasks) {
    return new SageRecommenderConfig(encoder, training, newTasks, inferenceFanouts, labelAttributes,
        engagementAttribute, validationHoldOut);
  }
}
