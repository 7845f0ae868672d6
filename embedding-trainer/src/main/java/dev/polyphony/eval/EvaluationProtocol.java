package dev.polyphony.eval;

/**
 * The query sets of {@link PlaylistContinuationEvaluation}: which split, which tracks count as relevant,
 * and which tracks may be recommended. A playlist's training tracks are never candidates.
 */
public enum EvaluationProtocol {
  /**
   * Playlist continuation split; relevant: the playlist's held-out tracks that still have a training
   * playlist; candidates: every track with a training playlist. A held-out track with no other
   * playlist is cold by accident: it is neither relevant nor a candidate here, since a correct
   * recommendation of it could not be counted as a hit.
   */
  WARM("warm", false),
  /**
   * Playlist continuation split as in the RecSys Challenge 2018: relevant: every held-out track of the
   * playlist; candidates: every track.
   */
  CONTINUATION_ALL_TRACKS("continuation, all tracks", false),
  /**
   * Cold-start split, the usual inductive protocol (e.g. Volkovs et al., "DropoutNet", NeurIPS 2017):
   * relevant: the playlist's cold tracks; candidates: the cold tracks only, so warm popularity cannot
   * crowd them out and the metric measures how well unseen tracks are placed.
   */
  COLD("cold", true),
  /**
   * Cold-start split; relevant: the playlist's cold tracks; candidates: every track, so cold tracks
   * compete with the warm catalog.
   */
  COLD_ALL_TRACKS("cold, all tracks", true);

  private final String label;
  private final boolean coldStart;

  EvaluationProtocol(String label, boolean coldStart) {
    this.label = label;
    this.coldStart = coldStart;
  }

  /** The name shown in tables. */
  public String label() {
    return label;
  }

  /** True for the protocols on the cold-start split. */
  public boolean coldStart() {
    return coldStart;
  }
}
