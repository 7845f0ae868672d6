package dev.polyphony.task;

import dev.polyphony.model.NeighborCut;
import java.util.Arrays;

/**
 * The seeds of one training step and, for contrastive tasks, which of them form positive pairs.
 *
 * @param seeds distinct dense ids of the seed type; the encoder's output rows follow this order
 * @param anchors row (index into {@code seeds}) of each pair's anchor; empty for batches without pairs
 * @param positives row of each pair's positive, as long as {@code anchors}
 * @param cut first-hop neighbours the seeds must not see while training ({@link NeighborCut#NONE}: none)
 */
public record TrainingBatch(int[] seeds, int[] anchors, int[] positives, NeighborCut cut) {
  public TrainingBatch {
    java.util.Objects.requireNonNull(cut, "cut");
    if (!cut.isNone() && cut.neighborOfSeed().length != seeds.length) {
      throw new IllegalArgumentException("the cut names " + cut.neighborOfSeed().length + " seeds, the batch has "
          + seeds.length);
    }
    if (anchors.length != positives.length) {
      throw new IllegalArgumentException("anchors and positives differ in length (" + anchors.length + " vs "
          + positives.length + ")");
    }
    for (int i = 0; i < anchors.length; i++) {
      if (anchors[i] < 0 || anchors[i] >= seeds.length || positives[i] < 0 || positives[i] >= seeds.length) {
        throw new IllegalArgumentException("pair " + i + " (" + anchors[i] + ", " + positives[i]
            + ") is outside the " + seeds.length + " seed rows");
      }
    }
  }

  /** A batch of seeds without pairs. */
  public static TrainingBatch of(int[] seeds) {
    return new TrainingBatch(seeds, new int[0], new int[0], NeighborCut.NONE);
  }

  public int size() {
    return seeds.length;
  }

  public int pairCount() {
    return anchors.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingBatch b && Arrays.equals(seeds, b.seeds) && Arrays.equals(anchors, b.anchors)
        && Arrays.equals(positives, b.positives) && cut.equals(b.cut);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(seeds) + Arrays.hashCode(anchors)) + Arrays.hashCode(positives);
  }

  @Override
  public String toString() {
    return "TrainingBatch[" + seeds.length + " seeds, " + anchors.length + " pairs]";
  }
}
