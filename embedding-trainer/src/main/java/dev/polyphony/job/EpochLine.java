package dev.polyphony.job;

import dev.polyphony.train.EpochStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one-line account of a finished epoch that training commands print. */
public final class EpochLine {
  private EpochLine() {}

  /** E.g. {@code epoch 2/6: loss 4.6733 (organisational 3.8770, content 0.7430), validation 0.2149}. */
  public static String format(EpochStats stats, int epochs) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d: loss %.4f", stats.epoch(), epochs,
        stats.meanLoss()));
    List<String> tasks = new ArrayList<>();
    stats.taskLosses().forEach((task, loss) -> tasks.add(String.format(Locale.ROOT, "%s %.4f", task, loss)));
    line.append(" (").append(String.join(", ", tasks)).append(")");
    if (Double.isFinite(stats.validation())) {
      line.append(String.format(Locale.ROOT, ", validation %.4f", stats.validation()));
    }
    return line.toString();
  }
}
