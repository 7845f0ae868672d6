package dev.polyphony.neo4j;

import java.util.List;

/**
 * What an embedding write did.
 *
 * @param label label written to
 * @param property vector property written
 * @param rows rows of the table
 * @param written rows whose node was found and got its vector
 * @param missing rows whose id matched no node of the label (nothing written for them)
 * @param missingIds the first {@value #MISSING_SAMPLE} missing ids in row order
 * @param nanos wall time of the writes
 */
public record EmbeddingWriteResult(String label, String property, int rows, int written, int missing,
    List<String> missingIds, long nanos) {
  /** How many missing ids a result lists. */
  public static final int MISSING_SAMPLE = 20;

  public EmbeddingWriteResult {
    missingIds = List.copyOf(missingIds);
  }

  /** Vectors written per second (0 when nothing was written). */
  public double rowsPerSecond() {
    return nanos == 0 ? 0 : written * 1e9 / nanos;
  }
}
