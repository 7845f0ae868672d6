package dev.polyphony.eval;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.split.ColdStartSplitResult;
import dev.polyphony.graph.split.EdgeList;
import dev.polyphony.graph.split.PlaylistContinuationSplitResult;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * The queries of one {@link EvaluationProtocol}: playlists (ascending), the relevant tracks of each
 * ({@code relevant[relevantOffsets[q] .. relevantOffsets[q + 1])}, ascending), and the candidate tracks
 * any query may be answered with. A query is a playlist with at least one relevant track and at least
 * one training track to continue from; {@code playlistsWithoutSeeds} counts the playlists that had
 * relevant tracks but no training track left (possible on the cold-start split) and are not queries.
 * The arrays are shared, not copied: treat them as read-only.
 */
public record EvaluationQueries(EvaluationProtocol protocol, int[] playlists, int[] relevantOffsets,
    int[] relevant, BitSet candidates, int playlistsWithoutSeeds) {

  public EvaluationQueries {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(candidates, "candidates");
    if (relevantOffsets.length != playlists.length + 1 || relevantOffsets[playlists.length] != relevant.length) {
      throw new IllegalArgumentException("relevant offsets do not match " + playlists.length
          + " playlists and " + relevant.length + " relevant tracks");
    }
  }

  /** {@link EvaluationProtocol#WARM} on a playlist continuation split. */
  public static EvaluationQueries warm(PlaylistContinuationSplitResult split, PlaylistCatalog catalog) {
    BitSet known = new BitSet(catalog.trackCount());
    CsrAdjacency trackPlaylists = catalog.trackPlaylists();
    for (int t = 0; t < catalog.trackCount(); t++) {
      if (trackPlaylists.degree(t) > 0) {
        known.set(t);
      }
    }
    return fromHeldOut(EvaluationProtocol.WARM, split.heldOut(), known, catalog);
  }

  /** {@link EvaluationProtocol#CONTINUATION_ALL_TRACKS} on a playlist continuation split. */
  public static EvaluationQueries continuationAllTracks(PlaylistContinuationSplitResult split,
      PlaylistCatalog catalog) {
    return fromHeldOut(EvaluationProtocol.CONTINUATION_ALL_TRACKS, split.heldOut(), allTracks(catalog), catalog);
  }

  /** {@link EvaluationProtocol#COLD} on a cold-start split. */
  public static EvaluationQueries cold(ColdStartSplitResult split, PlaylistCatalog catalog) {
    BitSet cold = new BitSet(catalog.trackCount());
    for (int t : split.coldNodes()) {
      cold.set(t);
    }
    return fromHeldOut(EvaluationProtocol.COLD, split.holdOut().heldOutEdges(catalog.relation()), cold, catalog);
  }

  /** {@link EvaluationProtocol#COLD_ALL_TRACKS} on a cold-start split. */
  public static EvaluationQueries coldAllTracks(ColdStartSplitResult split, PlaylistCatalog catalog) {
    return fromHeldOut(EvaluationProtocol.COLD_ALL_TRACKS, split.holdOut().heldOutEdges(catalog.relation()),
        allTracks(catalog), catalog);
  }

  /**
   * Groups held-out playlist-track edges by playlist, keeping the tracks in {@code candidates} as relevant.
   *
   * @throws IllegalArgumentException when a held-out edge is still a training edge (a leaking split)
   */
  static EvaluationQueries fromHeldOut(EvaluationProtocol protocol, EdgeList heldOut, BitSet candidates,
      PlaylistCatalog catalog) {
    if (!heldOut.type().equals(catalog.relation())) {
      throw new IllegalArgumentException("held-out edges of relation '" + heldOut.type().relation()
          + "', catalog relation '" + catalog.relation().relation() + "'");
    }
    CsrAdjacency training = catalog.playlistTracks();
    int playlistCount = catalog.playlistCount();
    int[] perPlaylist = new int[playlistCount + 1];
    for (int e = 0; e < heldOut.size(); e++) {
      int p = heldOut.src()[e];
      int t = heldOut.dst()[e];
      if (training.contains(p, t)) {
        throw new IllegalArgumentException("held-out edge " + p + " -> " + t + " is a training edge");
      }
      if (candidates.get(t)) {
        perPlaylist[p + 1]++;
      }
    }
    for (int p = 0; p < playlistCount; p++) {
      perPlaylist[p + 1] += perPlaylist[p];
    }
    int[] grouped = new int[perPlaylist[playlistCount]];
    int[] fill = Arrays.copyOf(perPlaylist, playlistCount);
    for (int e = 0; e < heldOut.size(); e++) {
      if (candidates.get(heldOut.dst()[e])) {
        grouped[fill[heldOut.src()[e]]++] = heldOut.dst()[e];
      }
    }

    int queries = 0;
    int withoutSeeds = 0;
    for (int p = 0; p < playlistCount; p++) {
      if (perPlaylist[p + 1] > perPlaylist[p]) {
        if (training.degree(p) > 0) {
          queries++;
        } else {
          withoutSeeds++;
        }
      }
    }
    int[] playlists = new int[queries];
    int[] offsets = new int[queries + 1];
    int[] relevant = new int[grouped.length];
    int q = 0;
    for (int p = 0; p < playlistCount; p++) {
      int from = perPlaylist[p];
      int to = perPlaylist[p + 1];
      if (to > from && training.degree(p) > 0) {
        playlists[q] = p;
        System.arraycopy(grouped, from, relevant, offsets[q], to - from);
        Arrays.sort(relevant, offsets[q], offsets[q] + to - from);
        offsets[q + 1] = offsets[q] + to - from;
        q++;
      }
    }
    return new EvaluationQueries(protocol, playlists, offsets, Arrays.copyOf(relevant, offsets[queries]),
        candidates, withoutSeeds);
  }

  private static BitSet allTracks(PlaylistCatalog catalog) {
    BitSet all = new BitSet(catalog.trackCount());
    all.set(0, catalog.trackCount());
    return all;
  }

  public int queryCount() {
    return playlists.length;
  }

  public int relevantCount() {
    return relevant.length;
  }

  /** A copy of the relevant tracks of query {@code q} (not a playlist id). */
  public int[] relevantOf(int q) {
    return Arrays.copyOfRange(relevant, relevantOffsets[q], relevantOffsets[q + 1]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvaluationQueries other
        && protocol == other.protocol
        && playlistsWithoutSeeds == other.playlistsWithoutSeeds
        && Arrays.equals(playlists, other.playlists)
        && Arrays.equals(relevantOffsets, other.relevantOffsets)
        && Arrays.equals(relevant, other.relevant)
        && candidates.equals(other.candidates);
  }

  @Override
  public int hashCode() {
    return protocol.hashCode() * 31 + Arrays.hashCode(relevant);
  }

  @Override
  public String toString() {
    return "EvaluationQueries{" + protocol + ": " + playlists.length + " queries, " + relevant.length
        + " relevant tracks, " + candidates.cardinality() + " candidates}";
  }
}
