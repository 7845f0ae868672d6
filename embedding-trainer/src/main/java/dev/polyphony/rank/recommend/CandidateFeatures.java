package dev.polyphony.rank.recommend;

import dev.polyphony.rank.ExposureTrait;
import java.util.Set;

/**
 * The feature row a ranking head reads for one query (a user, a playlist) and a candidate item, addressed by
 * the candidate's catalog row, plus the candidate's exposure traits for score fusion. The columns must be
 * those the head was trained on, in the same order.
 */
public interface CandidateFeatures {
  /** Columns of a feature row. */
  int featureCount();

  /** Writes the features of the candidate at catalog {@code row} into {@code out[offset, offset + featureCount)}. */
  void fill(int row, float[] out, int offset);

  /** The traits {@link #trait} answers. */
  Set<ExposureTrait> traits();

  /** The value in [0, 1] of {@code trait} for the candidate at catalog {@code row}. */
  float trait(ExposureTrait trait, int row);
}
