package dev.polyphony.task;

import dev.polyphony.graph.CsrAdjacency;

/**
 * Sampling-bias correction of the organisational task's in-batch softmax (Yi et al., "Sampling-Bias-Corrected
 * Neural Modeling for Large Corpus Item Recommendations", RecSys 2019): every candidate's logit is lowered by
 * the log of the number of times its track is expected in a batch. In-batch negatives are other pairs'
 * positives and contexts, drawn in proportion to their playlist count, so without the correction popular
 * tracks are pushed away from every query for being frequent negatives, not for being unrelated.
 *
 * <p>Expected count of a track t of playlist degree {@code d(t)} in a batch of {@link CooccurrencePairBatches}:
 * {@code (1 + contextSize) * pairs * d(t) / edges + negatives / pool}, where positives are the tracks of
 * uniformly drawn playlist-track edges, contexts their playlist mates (close to the same distribution), and
 * the extra negatives are drawn uniformly from the {@code pool} tracks that are in a training playlist
 * ({@link CooccurrencePairBatches#negativePool}).
 */
public final class SamplingCorrection {
  /** No correction. */
  public static final SamplingCorrection NONE = new SamplingCorrection(null);

  private final float[] logExpected;

  private SamplingCorrection(float[] logExpected) {
    this.logExpected = logExpected;
  }

  /**
   * The correction for batches of {@code config}'s pairs, contexts and negatives drawn from the training
   * edges {@code playlistTracks} (rows: playlists) and {@code trackPlaylists} (the same edges, rows: tracks).
   */
  public static SamplingCorrection of(CsrAdjacency playlistTracks, CsrAdjacency trackPlaylists,
      MultiTaskConfig config) {
    double edges = playlistTracks.edgeCount();
    int pool = CooccurrencePairBatches.negativePool(trackPlaylists).length;
    if (edges == 0 || pool == 0) {
      throw new IllegalArgumentException("sampling correction needs training playlist-track edges (got none)");
    }
    double perEdge = (1.0 + config.contextSize()) * config.pairsPerBatch() / edges;
    double uniform = (double) config.negativesPerBatch() / pool;
    float[] logExpected = new float[trackPlaylists.rowCount()];
    for (int t = 0; t < logExpected.length; t++) {
      logExpected[t] = (float) Math.log(perEdge * trackPlaylists.degree(t) + uniform);
    }
    return new SamplingCorrection(logExpected);
  }

  /** Whether logits are corrected at all. */
  public boolean active() {
    return logExpected != null;
  }

  /** The log expected count of track {@code track} in a batch, subtracted from its logits. */
  public float logExpectedCount(int track) {
    if (logExpected == null) {
      throw new IllegalStateException("no sampling correction");
    }
    return logExpected[track];
  }
}
