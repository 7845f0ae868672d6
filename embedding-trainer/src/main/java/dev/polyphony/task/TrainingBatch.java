package dev.polyphony.task;

import dev.polyphony.model.NeighborCut;
import java.util.Arrays;
import java.util.Objects;

/**
 * The seeds of one training step and, for contrastive tasks, its positive pairs: each pair joins a context
 * (one or more seed rows, whose mean embedding is the query, as a playlist's tracks are at recommendation
 * time) with a positive seed row.
 *
 * @param seeds distinct dense ids of the seed type; the encoder's output rows follow this order
 * @param contextOffsets pair {@code i}'s context rows are {@code contextRows[contextOffsets[i] ..
 *     contextOffsets[i+1])}; {@code {0}} for batches without pairs
 * @param contextRows rows (indexes into {@code seeds}) of every pair's context
 * @param positives row of each pair's positive
 * @param cut first-hop neighbours the seeds must not see while training ({@link NeighborCut#NONE}: none)
 */
public record TrainingBatch(int[] seeds, int[] contextOffsets, int[] contextRows, int[] positives,
    NeighborCut cut) {
  public TrainingBatch {
    Objects.requireNonNull(cut, "cut");
    if (!cut.isNone() && cut.neighborOfSeed().length != seeds.length) {
      throw new IllegalArgumentException("the cut names " + cut.neighborOfSeed().length + " seeds, the batch has "
          + seeds.length);
    }
    if (contextOffsets.length != positives.length + 1 || contextOffsets[0] != 0
        || contextOffsets[positives.length] != contextRows.length) {
      throw new IllegalArgumentException("context offsets " + Arrays.toString(contextOffsets) + " do not fit "
          + positives.length + " pairs and " + contextRows.length + " context rows");
    }
    for (int i = 0; i < positives.length; i++) {
      if (contextOffsets[i + 1] <= contextOffsets[i]) {
        throw new IllegalArgumentException("pair " + i + " has an empty context");
      }
      if (positives[i] < 0 || positives[i] >= seeds.length) {
        throw new IllegalArgumentException("pair " + i + " positive row " + positives[i] + " is outside the "
            + seeds.length + " seed rows");
      }
    }
    for (int row : contextRows) {
      if (row < 0 || row >= seeds.length) {
        throw new IllegalArgumentException("context row " + row + " is outside the " + seeds.length + " seed rows");
      }
    }
  }

  /** A batch of seeds without pairs. */
  public static TrainingBatch of(int[] seeds) {
    return new TrainingBatch(seeds, new int[] {0}, new int[0], new int[0], NeighborCut.NONE);
  }

  /** A batch of one-row contexts: pair {@code i} is ({@code anchors[i]}, {@code positives[i]}). */
  public static TrainingBatch pairs(int[] seeds, int[] anchors, int[] positives, NeighborCut cut) {
    int[] offsets = new int[anchors.length + 1];
    for (int i = 0; i < anchors.length; i++) {
      offsets[i + 1] = i + 1;
    }
    return new TrainingBatch(seeds, offsets, anchors, positives, cut);
  }

  public int size() {
    return seeds.length;
  }

  public int pairCount() {
    return positives.length;
  }

  /** The context rows of pair {@code i}. */
  public int[] context(int i) {
    return Arrays.copyOfRange(contextRows, contextOffsets[i], contextOffsets[i + 1]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingBatch b && Arrays.equals(seeds, b.seeds)
        && Arrays.equals(contextOffsets, b.contextOffsets) && Arrays.equals(contextRows, b.contextRows)
        && Arrays.equals(positives, b.positives) && cut.equals(b.cut);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(seeds), Arrays.hashCode(contextOffsets), Arrays.hashCode(contextRows),
        Arrays.hashCode(positives), cut);
  }

  @Override
  public String toString() {
    return "TrainingBatch[" + seeds.length + " seeds, " + positives.length + " pairs]";
  }
}
