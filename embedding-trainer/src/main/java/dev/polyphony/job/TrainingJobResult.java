package dev.polyphony.job;

import dev.polyphony.train.TrainResult;
import java.nio.file.Path;

/**
 * What {@link TrainingJob#run} did.
 *
 * @param training the trainer's result; its history includes the epochs done before a resume
 * @param bundle the saved model
 * @param bundleDir where the model was saved
 * @param resumedAfterEpoch the last epoch of the checkpoint the run resumed from; 0 when it started afresh
 */
public record TrainingJobResult(TrainResult training, ModelBundle bundle, Path bundleDir, int resumedAfterEpoch) {}
