package dev.polyphony.rank.data;

import java.util.List;

/**
 * What the features of a Last.fm (user, artist) pair are computed from, fitted on training pairs only (see
 * {@link LastfmImpressions}): the stand-in user and artist embeddings, the artists' training listeners and
 * plays, their tail flags, and the users' training artist counts. Scores any pair, so a ranking head trained
 * on {@link LastfmImpressions} can rank further candidates with the same columns. Immutable.
 */
public final class LastfmFeatureSpace {
  private final int factors;
  private final float[] userVectors;
  private final float[] artistVectors;
  private final int[] listeners;
  private final double[] plays;
  private final float[] tail;
  private final int[] userArtists;

  LastfmFeatureSpace(int factors, float[] userVectors, float[] artistVectors, int[] listeners, double[] plays,
      float[] tail, int[] userArtists) {
    this.factors = factors;
    this.userVectors = userVectors;
    this.artistVectors = artistVectors;
    this.listeners = listeners;
    this.plays = plays;
    this.tail = tail;
    this.userArtists = userArtists;
  }

  /** Dimensions of the embeddings. */
  public int factors() {
    return factors;
  }

  public int users() {
    return userArtists.length;
  }

  public int artists() {
    return listeners.length;
  }

  /** Column names of a feature row ({@link LastfmImpressions#featureNames}). */
  public List<String> featureNames() {
    return LastfmImpressions.featureNames(factors);
  }

  public int featureCount() {
    return 3 * factors + 5;
  }

  /** The low-rank score of the pair: the dot product of the user's and the artist's embeddings. */
  public float score(int user, int artist) {
    float s = 0;
    for (int c = 0; c < factors; c++) {
      s += userVectors[user * factors + c] * artistVectors[artist * factors + c];
    }
    return s;
  }

  /** Users who listened to {@code artist} in the training pairs. */
  public int listeners(int artist) {
    return listeners[artist];
  }

  /** 1 when {@code artist} is a tail creator, else 0. */
  public float tail(int artist) {
    return tail[artist];
  }

  /**
   * Writes the feature row of (user, artist) into {@code out[offset, offset + featureCount)}: user vector,
   * artist vector, their element-wise product, dot product, log training listeners and plays of the artist,
   * the tail flag, log of the user's training artists.
   */
  public void fill(int user, int artist, float[] out, int offset) {
    int k = factors;
    float dot = 0;
    for (int c = 0; c < k; c++) {
      float x = userVectors[user * k + c];
      float y = artistVectors[artist * k + c];
      out[offset + c] = x;
      out[offset + k + c] = y;
      out[offset + 2 * k + c] = x * y;
      dot += x * y;
    }
    out[offset + 3 * k] = dot;
    out[offset + 3 * k + 1] = (float) Math.log1p(listeners[artist]);
    out[offset + 3 * k + 2] = (float) Math.log1p(plays[artist]);
    out[offset + 3 * k + 3] = tail[artist];
    out[offset + 3 * k + 4] = (float) Math.log1p(userArtists[user]);
  }
}
