package dev.polyphony.eval;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;
import java.util.Objects;

/**
 * Item-based collaborative filtering over playlist co-occurrence (Sarwar et al., "Item-based
 * collaborative filtering recommendation algorithms", WWW 2001; Deshpande and Karypis, "Item-based
 * top-N recommendation algorithms", TOIS 2004).
 *
 * <p>With {@code C(i, j)} the number of counted training playlists holding both tracks and {@code n(i)}
 * the number holding track {@code i} (playlists longer than {@code maxPlaylistLength} are not counted),
 * the similarity is the cosine {@code s(i, j) = C(i, j) / sqrt(n(i) n(j))}. Each track keeps its
 * {@code neighbours} most similar tracks (ties: lower id). A playlist {@code P} scores track {@code j}
 * with {@code sum_{i in P} s(i, j)} over the neighbour lists of its training tracks. Tracks without
 * counted playlists (cold tracks) have no neighbours and score 0.
 */
public final class ItemCooccurrenceKnnRecommender implements PlaylistRecommender {
  private final ItemCooccurrenceKnnConfig config;

  public ItemCooccurrenceKnnRecommender(ItemCooccurrenceKnnConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "item co-occurrence kNN";
  }

  @Override
  public ItemCooccurrenceKnnConfig parameters() {
    return config;
  }

  @Override
  public FittedRecommender fit(PlaylistCatalog catalog, ProgressTracker progress) {
    CsrAdjacency playlistTracks = catalog.playlistTracks();
    CsrAdjacency trackPlaylists = catalog.trackPlaylists();
    int tracks = catalog.trackCount();
    int[] counted = new int[tracks];
    for (int t = 0; t < tracks; t++) {
      for (int p = trackPlaylists.start(t), end = trackPlaylists.end(t); p < end; p++) {
        if (isCounted(playlistTracks, trackPlaylists.target(p))) {
          counted[t]++;
        }
      }
    }

    int[][] neighbourIds = new int[tracks][];
    float[][] neighbourSims = new float[tracks][];
    progress.begin("co-occurrence neighbours", tracks);
    ParallelRange.run(tracks, config.threads(), () -> new Accumulator(tracks), (acc, i) -> {
      if (counted[i] > 0) {
        Neighbours n = acc.neighboursOf(i, playlistTracks, trackPlaylists, counted);
        neighbourIds[i] = n.ids();
        neighbourSims[i] = n.sims();
      }
      progress.step(1);
    });
    progress.end();

    int[] offsets = new int[tracks + 1];
    for (int t = 0; t < tracks; t++) {
      offsets[t + 1] = offsets[t] + (neighbourIds[t] == null ? 0 : neighbourIds[t].length);
    }
    int[] ids = new int[offsets[tracks]];
    float[] sims = new float[offsets[tracks]];
    for (int t = 0; t < tracks; t++) {
      if (neighbourIds[t] != null) {
        System.arraycopy(neighbourIds[t], 0, ids, offsets[t], neighbourIds[t].length);
        System.arraycopy(neighbourSims[t], 0, sims, offsets[t], neighbourSims[t].length);
      }
    }
    return new Fitted(catalog, offsets, ids, sims);
  }

  private boolean isCounted(CsrAdjacency playlistTracks, int playlist) {
    return playlistTracks.degree(playlist) <= config.maxPlaylistLength();
  }

  /** Per-thread sparse accumulator of co-occurrence counts. */
  private final class Accumulator {
    private final int[] counts;
    private final float[] similarity;
    private final IntArrayList touched = new IntArrayList();

    Accumulator(int tracks) {
      counts = new int[tracks];
      similarity = new float[tracks];
    }

    /** The most similar tracks of {@code i}, best first (ties: lower id). */
    Neighbours neighboursOf(int i, CsrAdjacency playlistTracks, CsrAdjacency trackPlaylists, int[] counted) {
      touched.clear();
      for (int p = trackPlaylists.start(i), end = trackPlaylists.end(i); p < end; p++) {
        int playlist = trackPlaylists.target(p);
        if (!isCounted(playlistTracks, playlist)) {
          continue;
        }
        for (int q = playlistTracks.start(playlist), qEnd = playlistTracks.end(playlist); q < qEnd; q++) {
          int j = playlistTracks.target(q);
          if (j != i && counts[j]++ == 0) {
            touched.add(j);
          }
        }
      }
      int n = touched.size();
      int[] candidates = touched.toIntArray();
      for (int j : candidates) {
        similarity[j] = (float) (counts[j] / Math.sqrt((double) counted[i] * counted[j]));
        counts[j] = 0;
      }
      IntArrays.quickSort(candidates, (a, b) -> {
        int bySim = Float.compare(similarity[b], similarity[a]);
        return bySim != 0 ? bySim : Integer.compare(a, b);
      });
      int keep = Math.min(n, config.neighbours());
      int[] ids = new int[keep];
      float[] sims = new float[keep];
      for (int k = 0; k < keep; k++) {
        ids[k] = candidates[k];
        sims[k] = similarity[candidates[k]];
      }
      return new Neighbours(ids, sims);
    }
  }

  private record Neighbours(int[] ids, float[] sims) {}

  private record Fitted(PlaylistCatalog catalog, int[] offsets, int[] ids, float[] sims)
      implements FittedRecommender {

    @Override
    public void score(int playlist, float[] scores) {
      Arrays.fill(scores, 0f);
      CsrAdjacency tracks = catalog.playlistTracks();
      for (int p = tracks.start(playlist), end = tracks.end(playlist); p < end; p++) {
        int i = tracks.target(p);
        for (int q = offsets[i], qEnd = offsets[i + 1]; q < qEnd; q++) {
          scores[ids[q]] += sims[q];
        }
      }
    }
  }
}
