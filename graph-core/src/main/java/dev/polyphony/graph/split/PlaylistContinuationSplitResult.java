package dev.polyphony.graph.split;

import dev.polyphony.graph.HeteroGraph;
import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of {@link PlaylistContinuationSplit}. Held-out tracks are stored like a CSR over the
 * eligible playlists: the tracks held out of {@code playlists[i]} are
 * {@code heldOutTracks[heldOutOffsets[i] .. heldOutOffsets[i + 1])}, ascending. The arrays are shared,
 * not copied: treat them as read-only.
 *
 * @param training the source graph without the held-out playlist-track edges (same ids, features)
 * @param playlists eligible playlists (at least {@code minTracks} tracks in the source), ascending
 * @param heldOut the held-out edges with their weights and timestamps, in the same order as
 *     {@code heldOutTracks}
 */
public record PlaylistContinuationSplitResult(HeteroGraph training, int[] playlists, int[] heldOutOffsets,
    int[] heldOutTracks, EdgeList heldOut) {

  public PlaylistContinuationSplitResult {
    Objects.requireNonNull(training, "training");
    if (heldOutOffsets.length != playlists.length + 1
        || heldOutOffsets[playlists.length] != heldOutTracks.length
        || heldOut.size() != heldOutTracks.length) {
      throw new IllegalArgumentException("held-out offsets, tracks and edges do not agree");
    }
  }

  public int playlistCount() {
    return playlists.length;
  }

  public int heldOutCount() {
    return heldOutTracks.length;
  }

  /** A copy of the tracks held out of eligible playlist number {@code i} (not a playlist id). */
  public int[] heldOutTracksOf(int i) {
    return Arrays.copyOfRange(heldOutTracks, heldOutOffsets[i], heldOutOffsets[i + 1]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlaylistContinuationSplitResult other
        && Arrays.equals(playlists, other.playlists)
        && Arrays.equals(heldOutOffsets, other.heldOutOffsets)
        && Arrays.equals(heldOutTracks, other.heldOutTracks)
        && heldOut.equals(other.heldOut)
        && training.equals(other.training);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(playlists) * 31 + Arrays.hashCode(heldOutTracks);
  }

  @Override
  public String toString() {
    return "PlaylistContinuationSplitResult{" + playlists.length + " playlists, " + heldOutTracks.length
        + " held-out tracks}";
  }
}
