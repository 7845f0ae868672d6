package dev.polyphony.train;

import dev.polyphony.model.Parameters;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How the losses of several tasks combine into the one loss that is minimised. An instance serves one run:
 * it may keep state across epochs, which {@link #state()} exposes for checkpoints.
 */
public interface LossWeighting {
  /** Short name for logs and reports. */
  String name();

  /** Adds the total loss over {@code taskLosses} (scalars, in task order) to the graph and returns it. */
  SDVariable combine(Parameters parameters, List<SDVariable> taskLosses);

  /** Placeholder values the total needs in the current epoch. */
  Map<String, INDArray> placeholders();

  /** The weight each task's loss has now, in task order. */
  double[] weights();

  /** Called after every epoch with each task's mean loss over it. */
  void endEpoch(double[] meanTaskLosses);

  /** State beyond the model's variables, to checkpoint. */
  double[] state();

  /** Restores a {@link #state()}. */
  void restore(double[] state);
}
