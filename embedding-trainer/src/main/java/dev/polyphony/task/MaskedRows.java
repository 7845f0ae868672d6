package dev.polyphony.task;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Helpers for losses averaged over the labelled rows of a batch only. */
final class MaskedRows {
  private MaskedRows() {}

  /** {@code sum(mask * perRow) / max(sum(mask), 1)}: the mean over labelled rows, 0 when there are none. */
  static SDVariable mean(SDVariable perRow, SDVariable mask) {
    SDVariable count = mask.sum().add(1e-6);
    return perRow.mul(mask).sum().div(count);
  }

  /** A column of 1 for rows whose {@code present} entry is true, else 0. */
  static INDArray column(boolean[] present) {
    float[] values = new float[present.length];
    for (int i = 0; i < present.length; i++) {
      values[i] = present[i] ? 1f : 0f;
    }
    return Nd4j.create(values, new long[] {present.length, 1}, 'c');
  }
}
