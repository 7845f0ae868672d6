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
 * @param kernelTemperature how a playlist scores tracks: {@code > 0} the kernel sum over its tracks with this
 *     temperature ({@link KernelSumScorer}), 0 the cosine to their centroid ({@link CentroidCosineScorer})
 * @param densityCorrection the kernel sum's hub-correction exponent
 *     ({@link KernelSumScorer#densityCorrected}; 0: none)
 */
public record SageRecommenderConfig(SageEncoderConfig encoder, TrainConfig training, MultiTaskConfig tasks,
    String inferenceFanouts, List<String> labelAttributes, String engagementAttribute, double validationHoldOut,
    double kernelTemperature, double densityCorrection) {
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
    if (!(kernelTemperature >= 0) || Double.isInfinite(kernelTemperature)) {
      throw new IllegalArgumentException("kernelTemperature must be >= 0, 0 for the centroid rule (got "
          + kernelTemperature + ")");
    }
    if (!(densityCorrection >= 0 && densityCorrection <= 1)) {
      throw new IllegalArgumentException("densityCorrection must be in [0, 1] (got " + densityCorrection + ")");
    }
    if (densityCorrection > 0 && kernelTemperature == 0) {
      throw new IllegalArgumentException("densityCorrection corrects the kernel sum; kernelTemperature is 0");
    }
  }

  /** The inference sampler: the inference fan-outs, seeded by the run seed. */
  public NeighborSamplerConfig inferenceSampling() {
    return NeighborSamplerConfig.builder().fanouts(inferenceFanouts).seed(training.seed()).build();
  }

  public SageRecommenderConfig withTasks(MultiTaskConfig newTasks) {
    return new SageRecommenderConfig(encoder, training, newTasks, inferenceFanouts, labelAttributes,
        engagementAttribute, validationHoldOut, kernelTemperature, densityCorrection);
  }
}
