package dev.polyphony.train;

import dev.polyphony.model.Parameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A weighted sum {@code sum_i w_i L_i} whose weights are decided on the host and fed as placeholders. */
abstract class HostLossWeighting implements LossWeighting {
  private int tasks = -1;

  @Override
  public final SDVariable combine(Parameters parameters, List<SDVariable> taskLosses) {
    SameDiff sd = parameters.sameDiff();
    tasks = taskLosses.size();
    SDVariable total = null;
    for (int i = 0; i < tasks; i++) {
      SDVariable term = taskLosses.get(i).mul(sd.placeHolder(placeholder(i), DataType.FLOAT));
      total = total == null ? term : total.add(term);
    }
    return total;
  }

  @Override
  public final Map<String, INDArray> placeholders() {
    double[] w = weights();
    Map<String, INDArray> values = new HashMap<>();
    for (int i = 0; i < tasks; i++) {
      values.put(placeholder(i), Nd4j.scalar((float) w[i]));
    }
    return values;
  }

  /** Number of tasks, known once {@link #combine} ran. */
  protected final int tasks() {
    if (tasks < 0) {
      throw new IllegalStateException("combine() has not run yet");
    }
    return tasks;
  }

  private static String placeholder(int task) {
    return "task_weight_" + task;
  }
}
