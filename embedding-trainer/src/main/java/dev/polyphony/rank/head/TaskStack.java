package dev.polyphony.rank.head;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The input of per-task layers: either one representation every task reads ({@code [batch, width]}) or one
 * per task, stacked task-major ({@code [tasks, batch, width]}).
 *
 * @param value the variable
 * @param width its last dimension
 * @param perTask whether {@code value} is the task-major stack
 */
public record TaskStack(SDVariable value, int width, boolean perTask) {

  public TaskStack {
    if (width <= 0) {
      throw new IllegalArgumentException("width must be > 0 (got " + width + ")");
    }
  }

  /** One representation shared by every task. */
  public static TaskStack shared(SDVariable value, int width) {
    return new TaskStack(value, width, false);
  }

  /** A task-major stack {@code [tasks, batch, width]}. */
  public static TaskStack perTask(SDVariable value, int width) {
    return new TaskStack(value, width, true);
  }
}
