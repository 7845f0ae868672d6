package dev.polyphony.graph.synth;

import java.util.SplittableRandom;

/**
 * Draws the twelve audio features of {@link SyntheticSchema#AUDIO_FEATURES} around per-genre
 * centroids: genre centroid, then an artist centroid scattered around it, then the track scattered
 * around its artist. Ranges follow the Spotify audio features (levels in [0, 1], loudness in dB, tempo
 * in BPM, duration in ms, key 0..11, mode 0/1), and every value is clipped into its range.
 */
final class AudioFeatureModel {
  static final int KEY = 2;
  static final int MODE = 4;
  static final int COLUMNS = 12;

  // Per column: lowest and highest value, range of genre centroids, spread of a track around its centroid.
  private static final double[] MIN = {0, 0, 0, -45, 0, 0, 0, 0, 0, 0, 50, 30_000};
  private static final double[] MAX = {1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 220, 600_000};
  private static final double[] CENTROID_LO = {0.35, 0.25, 0, -13, 0.35, 0.03, 0.02, 0.0, 0.10, 0.25, 85, 170_000};
  private static final double[] CENTROID_HI = {0.85, 0.90, 11, -4, 0.80, 0.30, 0.60, 0.45, 0.25, 0.75, 140, 270_000};
  private static final double[] SPREAD = {0.10, 0.12, 0, 2.5, 0, 0.05, 0.14, 0.10, 0.07, 0.15, 15, 40_000};
  /** Probability that a track is in its genre's favourite key rather than any key. */
  private static final double FAVOURITE_KEY = 0.35;

  /** Per genre: centroid of continuous columns, favourite key in column KEY, P(major) in column MODE. */
  private final double[][] genreCentroids;

  AudioFeatureModel(int genres, SplittableRandom random) {
    genreCentroids = new double[genres][COLUMNS];
    for (int g = 0; g < genres; g++) {
      for (int c = 0; c < COLUMNS; c++) {
        genreCentroids[g][c] = c == KEY
            ? random.nextInt(12)
            : CENTROID_LO[c] + random.nextDouble() * (CENTROID_HI[c] - CENTROID_LO[c]);
      }
    }
  }

  /** An artist's centroid: its genre's, each continuous column moved by half a track spread. */
  float[] artistCentroid(int genre, SplittableRandom random) {
    double[] g = genreCentroids[genre];
    float[] a = new float[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      a[c] = (float) (SPREAD[c] == 0 ? g[c] : clip(c, g[c] + 0.5 * SPREAD[c] * random.nextGaussian()));
    }
    return a;
  }

  /** Fills {@code row} with one track's features around {@code artist} (an artist centroid). */
  void track(float[] artist, SplittableRandom random, float[] row) {
    for (int c = 0; c < COLUMNS; c++) {
      if (c == KEY) {
        row[c] = random.nextDouble() < FAVOURITE_KEY ? artist[c] : random.nextInt(12);
      } else if (c == MODE) {
        row[c] = random.nextDouble() < artist[c] ? 1f : 0f;
      } else {
        double v = clip(c, artist[c] + SPREAD[c] * random.nextGaussian());
        row[c] = c == 11 ? Math.round(v) : (float) v;
      }
    }
  }

  private static double clip(int c, double v) {
    return Math.max(MIN[c], Math.min(MAX[c], v));
  }
}
